package com.kameleoon.jakarta;

import com.kameleoon.integration.ClientStatus;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a health probe shows about the application's client: the check's name, whether it is ready and the figures
 * behind it, shared by the JSON health servlet ({@code health_servlet_enabled}) and the MicroProfile Health checks
 * of {@code kameleoon-microprofile-health}. The figures are states and counters only: no credential, URL, visitor
 * code or failure text. Thread-safe (stateless).
 */
public final class KameleoonHealth {
    /** The name of the check in every health answer. */
    public static final String CHECK_NAME = "kameleoon";

    private KameleoonHealth() {
    }

    /**
     * Ready to serve: a datafile is loaded and the visitor store's circuit is closed
     * ({@link ClientStatus#ready()}); not ready while the client is not built (or no longer is).
     *
     * @param status the client's status, or null when the application has no client
     * @return true when ready
     */
    public static boolean ready(ClientStatus status) {
        return status != null && status.ready();
    }

    /**
     * The figures of a status, in a stable order, as values that every health format accepts ({@code Boolean},
     * {@code Long} or {@code String}).
     *
     * <ul>
     * <li>{@code started}: the application's client is built and not closed;</li>
     * <li>{@code configurationLoaded}, {@code configurationStale} (the last fetch failed),
     *     {@code configurationAgeSeconds} and {@code lastFetch} ({@code UPDATED}, {@code NOT_MODIFIED},
     *     {@code FAILED});</li>
     * <li>{@code streamRunning}: the real-time update stream;</li>
     * <li>{@code storeCircuitOpen} and {@code bufferedUnits}: the visitor store taken as unreachable, and the units
     *     of work waiting in memory for it;</li>
     * <li>{@code outboxDepth}, {@code outboxOldestAgeMillis}, {@code deliveryFailing} and
     *     {@code deliveryConsecutiveFailures}: tracking on its way to Kameleoon.</li>
     * </ul>
     *
     * @param status the client's status, or null when the application has no client
     * @return an unmodifiable map of names to values
     */
    public static Map<String, Object> data(ClientStatus status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("started", status != null);
        if (status == null) {
            return Collections.unmodifiableMap(data);
        }
        data.put("configurationLoaded", status.configurationLoaded());
        data.put("configurationStale", status.configurationStale());
        Duration age = status.configurationAge();
        if (age != null) {
            data.put("configurationAgeSeconds", age.toSeconds());
        }
        if (status.lastFetch() != null) {
            data.put("lastFetch", status.lastFetch().outcome().name());
        }
        data.put("streamRunning", status.streamRunning());
        data.put("storeCircuitOpen", status.units().circuitOpen());
        data.put("bufferedUnits", (long) status.units().bufferedUnits());
        data.put("outboxDepth", status.outbox().depth());
        data.put("outboxOldestAgeMillis", status.outbox().oldestAgeMillis());
        data.put("deliveryFailing", status.delivery().failing());
        data.put("deliveryConsecutiveFailures", status.delivery().consecutiveFailures());
        return Collections.unmodifiableMap(data);
    }
}
