package com.kameleoon;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of one attempt to refresh the configuration from Kameleoon (a poll or a real-time event), as
 * {@link KameleoonClient#onConfigurationFetch} reports it. A failure keeps the previous configuration in force, so a
 * listener can tell "serving a stale datafile" from "serving the current one". Immutable.
 *
 * @param outcome what the fetch did
 * @param failure why it failed ("HTTP 503", "ConnectException: …"), null unless {@link Outcome#FAILED}
 * @param at when the fetch ended
 */
public record ConfigurationFetch(Outcome outcome, String failure, Instant at) {

    /** What a fetch did. */
    public enum Outcome {
        /** A new datafile was put in force. */
        UPDATED,
        /** Kameleoon answered that the datafile in force is current. */
        NOT_MODIFIED,
        /** Nothing usable arrived: no answer, an error status or a datafile that was rejected. */
        FAILED
    }

    /**
     * @throws NullPointerException when the outcome or the time is missing
     */
    public ConfigurationFetch {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
    }

    /** @return true unless the fetch failed */
    public boolean succeeded() {
        return outcome != Outcome.FAILED;
    }
}
