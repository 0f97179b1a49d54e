package com.kameleoon.integration;

import com.kameleoon.KameleoonClient;
import com.kameleoon.internal.DefaultKameleoonClient;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The status of a client for operators: health checks, metrics and consoles read it here. Thread-safe.
 *
 * <pre>{@code
 * KameleoonMonitor monitor = KameleoonMonitor.of(client);   // in a WAR: KameleoonJakarta.requests(context).monitor()
 * ClientStatus status = monitor.status();
 * boolean ready = status.ready();                            // datafile loaded, visitor store reachable
 * monitor.onChange(now -> log.info("Kameleoon: " + now.summary()));
 * }</pre>
 */
public final class KameleoonMonitor {
    private final DefaultKameleoonClient client;

    KameleoonMonitor(DefaultKameleoonClient client) {
        this.client = client;
    }

    /**
     * @param client a client made by {@code KameleoonClientFactory}
     * @return its monitor
     * @throws IllegalArgumentException when the client was not made by this SDK (use the container's
     *         {@code KameleoonRequests.monitor()} for the client a WAR is given)
     */
    public static KameleoonMonitor of(KameleoonClient client) {
        Objects.requireNonNull(client, "client");
        if (!(client instanceof DefaultKameleoonClient)) {
            throw new IllegalArgumentException("not a client of this SDK: " + client.getClass().getName());
        }
        return new KameleoonMonitor((DefaultKameleoonClient) client);
    }

    /**
     * @return the client's status now; cheap enough for every probe: the only I/O is a durable (JDBC) outbox's count
     *         query, skipped while the visitor store's circuit is open (the last figures are shown then)
     */
    public ClientStatus status() {
        return client.status();
    }

    /**
     * The client's counters for metrics. The first call starts counting evaluations by flag and variation (see
     * {@link ClientMetrics}); the Micrometer binder and the JMX bean call it.
     *
     * @return the client's counters
     */
    public ClientMetrics metrics() {
        return new ClientMetrics(client.figures());
    }

    /**
     * Registers an action run once when the client closes (at once when it is closed already), on the closing
     * thread: a metrics binder removes its meters there.
     *
     * @param action the action
     */
    public void onClose(Runnable action) {
        client.whenClosed(Objects.requireNonNull(action, "action"));
    }

    /** @return the client's site code */
    public String siteCode() {
        return client.getSiteCode();
    }

    /**
     * Registers a listener told the status whenever its {@link ClientStatus#summary() summary} changes: the first
     * datafile, a failed or recovered fetch, the stream starting or stopping, the store's circuit opening or
     * closing, delivery failing or recovering. Changes are noticed within about a second; listeners run on the
     * client's scheduler or configuration thread, so keep them short. A listener that throws is logged.
     *
     * @param listener the listener
     */
    public void onChange(Consumer<ClientStatus> listener) {
        client.onStatusChange(Objects.requireNonNull(listener, "listener"));
    }
}
