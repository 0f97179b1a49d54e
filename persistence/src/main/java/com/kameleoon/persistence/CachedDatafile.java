package com.kameleoon.persistence;

import java.time.Instant;
import java.util.Objects;

/**
 * A datafile as last stored by {@link DatafileCache}.
 *
 * @param body the datafile JSON, as received
 * @param lastModified the {@code Last-Modified} value received with it, or {@code null}
 * @param updatedAt when it was stored, by the database clock
 */
public record CachedDatafile(String body, String lastModified, Instant updatedAt) {
    /**
     * Checks the components.
     *
     * @param body the datafile JSON
     * @param lastModified the Last-Modified value or null
     * @param updatedAt when it was stored
     */
    public CachedDatafile {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    @Override
    public String toString() {
        return "CachedDatafile[" + body.length() + " chars, lastModified=" + lastModified + ", updatedAt="
                + updatedAt + ']';
    }
}
