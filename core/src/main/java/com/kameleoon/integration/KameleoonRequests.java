package com.kameleoon.integration;

import com.kameleoon.KameleoonClient;
import com.kameleoon.internal.DefaultKameleoonClient;
import java.util.Objects;

/**
 * What a web integration (a servlet filter, a framework interceptor) needs from a client: opening a request's unit
 * of work, and the visitor-code cookie's rules. The Jakarta module is built on it; other integrations can be too.
 * Thread-safe.
 */
public final class KameleoonRequests {
    private final DefaultKameleoonClient client;

    private KameleoonRequests(DefaultKameleoonClient client) {
        this.client = client;
    }

    /**
     * @param client a client made by {@code KameleoonClientFactory}
     * @return its request integration
     * @throws IllegalArgumentException when the client was not made by this SDK
     */
    public static KameleoonRequests of(KameleoonClient client) {
        Objects.requireNonNull(client, "client");
        if (!(client instanceof DefaultKameleoonClient)) {
            throw new IllegalArgumentException("not a client of this SDK: " + client.getClass().getName());
        }
        return new KameleoonRequests((DefaultKameleoonClient) client);
    }

    /**
     * Opens a request's unit of work. The facts are applied the first time the request uses the visitor.
     *
     * @param visitorCode a valid visitor code
     * @param facts what the request says about the visitor
     * @return the unit; end it when the request ends
     */
    public VisitorUnit open(String visitorCode, RequestFacts facts) {
        RequestFacts given = facts == null ? RequestFacts.NONE : facts;
        client.beginUnit(visitorCode, given);
        return new VisitorUnit(client, visitorCode, given);
    }

    /**
     * @param visitorCode a cookie-safe visitor code
     * @return the {@code Set-Cookie} value that stores it, expiry counted from now, with the configured domain and
     *         attributes
     */
    public String visitorCookieHeader(String visitorCode) {
        return client.visitorCookieHeader(visitorCode);
    }

    /** @return true when the configuration in force lets the visitor-code cookie be written only after consent */
    public boolean visitorCodeManagedByConsent() {
        return client.visitorCodeManagedByConsent();
    }

    /**
     * What the SDK holds about a visitor, serialized as a repository stores it, for debugging pages. Runs in its own
     * unit of work (it reads the repository once when the visitor is not held in memory).
     *
     * @param visitorCode a valid visitor code
     * @return the visitor's state, or null when the visitor is unknown
     */
    public com.kameleoon.spi.StoredVisitor storedState(String visitorCode) {
        return client.storedState(visitorCode);
    }

    /** @return the figures of the tracking outbox */
    public com.kameleoon.spi.OutboxStats outboxStats() {
        return client.trackingOutbox().stats();
    }

    /**
     * The tracking lines the outbox set aside after they failed too many deliveries (a durable outbox only; the
     * in-memory one never parks lines), for an operator's page.
     *
     * @param limit how many lines to return at most (at least 1)
     * @return the parked lines, oldest first, with their last error
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    public java.util.List<com.kameleoon.spi.ParkedLine> parkedLines(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        return client.trackingOutbox().parkedLines(limit);
    }

    /**
     * Makes the parked tracking lines ready for delivery again (an operator's "retry" once the cause is fixed).
     *
     * @return how many lines were parked
     */
    public int retryParked() {
        return client.trackingOutbox().retryParked();
    }

    /** @return the client's monitor: status, readiness and its changes */
    public KameleoonMonitor monitor() {
        return new KameleoonMonitor(client);
    }

    /** @return the counters of the units written to the visitor repository */
    public UnitStats unitStats() {
        return client.unitStats();
    }
}
