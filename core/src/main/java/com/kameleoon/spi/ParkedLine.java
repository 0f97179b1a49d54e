package com.kameleoon.spi;

import java.util.Objects;

/**
 * A tracking line that a durable outbox set aside after it failed too many deliveries, with why the last one
 * failed. It is no longer tried until {@link TrackingOutbox#retryParked()} makes it ready again. Immutable.
 *
 * @param id the outbox's identifier of the line
 * @param visitorCode the visitor the line belongs to
 * @param text the line, without line feed
 * @param attempts how many deliveries were tried
 * @param lastError why the last delivery failed (for example {@code HTTP 503}), or null when unknown
 */
public record ParkedLine(long id, String visitorCode, String text, int attempts, String lastError) {
    /** Checks that the visitor code and the text are given. */
    public ParkedLine {
        Objects.requireNonNull(visitorCode, "visitorCode");
        Objects.requireNonNull(text, "text");
    }
}
