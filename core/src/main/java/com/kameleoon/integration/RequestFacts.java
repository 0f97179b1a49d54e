package com.kameleoon.integration;

/**
 * What an incoming request says about its visitor, applied the first time the request touches the visitor's state
 * (a request that never does, a static file for instance, costs no store access). Immutable.
 *
 * @param consent TRUE or FALSE from the consent cookie, null when it says nothing
 * @param simulationCookie the raw {@code kameleoonSimulationFFData} cookie, or null when absent
 * @param userAgent the {@code User-Agent} header, or null
 */
public record RequestFacts(Boolean consent, String simulationCookie, String userAgent) {
    /** Facts that say nothing. */
    public static final RequestFacts NONE = new RequestFacts(null, null, null);

    /** @return whether the facts change how a visitor is evaluated (not only what is tracked) */
    public boolean shapesEvaluation() {
        return consent != null || simulationCookie != null;
    }
}
