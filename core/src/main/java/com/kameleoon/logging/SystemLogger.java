package com.kameleoon.logging;

/**
 * The default {@link Logger}: writes through {@link System.Logger} named {@code com.kameleoon}, so that
 * Tomcat's JULI, WildFly's JBoss Logging or any {@code System.LoggerFinder} picks the lines up. The system logger
 * is looked up at the first line written, not with this object: the look-up starts the JDK's logging (15 ms or more
 * in a fresh JVM), and a client whose start-up logs nothing at the level in force should not pay for it.
 */
public final class SystemLogger implements Logger {
    private volatile System.Logger delegate;

    @Override
    public void log(LogLevel level, String message) {
        delegate().log(toSystemLevel(level), message);
    }

    private System.Logger delegate() {
        System.Logger found = delegate;
        if (found == null) {
            // A race looks the logger up twice; System.getLogger returns an equivalent logger each time.
            found = System.getLogger("com.kameleoon");
            delegate = found;
        }
        return found;
    }

    private static System.Logger.Level toSystemLevel(LogLevel level) {
        switch (level) {
            case ERROR:
                return System.Logger.Level.ERROR;
            case WARNING:
                return System.Logger.Level.WARNING;
            case INFO:
                return System.Logger.Level.INFO;
            default:
                return System.Logger.Level.DEBUG;
        }
    }
}
