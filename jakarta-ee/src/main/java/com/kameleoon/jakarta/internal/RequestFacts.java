package com.kameleoon.jakarta.internal;

/**
 * What a request says about its visitor, applied the first time the request touches the visitor's state (so a
 * request that never does costs no store access). Immutable.
 *
 * @param consent TRUE or FALSE from the consent cookie, null when it says nothing
 * @param simulationCookie the raw simulation cookie, or null when absent
 * @param userAgent the {@code User-Agent} header, or null
 */
public record RequestFacts(Boolean consent, String simulationCookie, String userAgent) {
    /** @return whether the facts change how a visitor is evaluated (not only what is tracked) */
    public boolean shapesEvaluation() {
        return consent != null || simulationCookie != null;
    }
}
