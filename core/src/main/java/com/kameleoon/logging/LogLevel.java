package com.kameleoon.logging;

/** How much the SDK logs, from nothing to everything. Each level includes the ones before it. */
public enum LogLevel {
    /** Nothing at all. */
    NONE,
    /** Failures that lose a feature: unusable datafile, unreachable backend, dropped data. */
    ERROR,
    /** Suspicious input or settings that the SDK corrected (the default level). */
    WARNING,
    /** Life-cycle events: configuration loaded or updated, client closed. */
    INFO,
    /** Every decision and request, for troubleshooting. */
    DEBUG;

    /**
     * Tells whether a message of {@code level} is written when this is the configured level.
     *
     * @param level the message's level
     * @return true when the message passes
     */
    public boolean allows(LogLevel level) {
        return level != NONE && level.ordinal() <= ordinal();
    }

    /** @return the level as a number, 0 ({@link #NONE}) to 4 ({@link #DEBUG}), as the official SDK numbers them */
    public int getLevel() {
        return ordinal();
    }
}
