package com.kameleoon.logging;

/**
 * The default {@link Logger}: writes through {@link System.Logger} named {@code com.kameleoon}, so that
 * Tomcat's JULI, WildFly's JBoss Logging or any {@code System.LoggerFinder} picks the lines up.
 */
public final class SystemLogger implements Logger {
    private final System.Logger delegate = System.getLogger("com.kameleoon");

    @Override
    public void log(LogLevel level, String message) {
        delegate.log(toSystemLevel(level), message);
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
