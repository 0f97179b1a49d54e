package com.kameleoon.jakarta.internal;

import com.kameleoon.data.UserAgent;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.logging.KameleoonLogger;
import java.util.function.BiConsumer;

/**
 * Applies a request's facts to its visitor through the client's public methods: the consent cookie's answer
 * with {@code setLegalConsent}, the user agent with {@code addData}, the simulation cookie as
 * {@code getVisitorCode} would. A failure is logged and does not fail the request. Thread-safe.
 */
final class RequestFactsApplier implements BiConsumer<String, RequestFacts> {
    private final DefaultKameleoonClient client;

    RequestFactsApplier(DefaultKameleoonClient client) {
        this.client = client;
    }

    @Override
    public void accept(String visitorCode, RequestFacts facts) {
        try {
            if (facts.consent() != null) {
                client.setLegalConsent(visitorCode, facts.consent());
            }
            if (facts.userAgent() != null) {
                client.addData(visitorCode, false, new UserAgent(facts.userAgent()));
            }
            client.applySimulationCookie(visitorCode, facts.simulationCookie());
        } catch (RuntimeException e) {
            KameleoonLogger.warning("request data not applied to the visitor: " + e.getMessage());
        }
    }
}
