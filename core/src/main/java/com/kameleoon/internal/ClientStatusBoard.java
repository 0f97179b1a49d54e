package com.kameleoon.internal;

import com.kameleoon.integration.ClientStatus;
import com.kameleoon.integration.DeliveryStats;
import com.kameleoon.integration.UnitStats;
import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.update.ConfigurationUpdater;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.spi.OutboxStats;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Takes a client's {@link ClientStatus} from its parts and tells listeners when its summary changes. Changes are
 * looked for after every configuration install and fetch, and once a second while anyone listens (the circuit,
 * the stream and delivery change on threads that should not run listeners). Thread-safe.
 */
final class ClientStatusBoard {
    static final long CHECK_INTERVAL_MILLIS = 1_000;

    private final ClientParts parts;
    private final List<Consumer<ClientStatus>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean watching = new AtomicBoolean();
    private ClientStatus.Summary told;
    /** The outbox's last figures, shown while it cannot be asked (a durable outbox during a database outage). */
    private volatile OutboxStats lastOutbox = new OutboxStats(0, 0, 0, 0, 0, 0);

    ClientStatusBoard(ClientParts parts) {
        this.parts = parts;
        parts.configuration.onInstall(next -> check());
        parts.configuration.onFetch(fetch -> check());
    }

    ClientStatus status() {
        Configuration current = parts.configuration.get();
        ConfigurationUpdater updater = parts.sources.updater();
        UnitStats units = parts.store.unitStats();
        return new ClientStatus(Instant.now(), parts.siteCode, current != null, parts.configuration.installedAt(),
                current == null ? null : current.dateModified(), parts.configuration.lastFetch(),
                parts.configuration.lastSuccessfulFetchAt(), updater != null && updater.stream().isRunning(),
                outboxStats(units), parts.relay == null ? DeliveryStats.NONE : parts.relay.deliveryStats(),
                units, parts.store.size());
    }

    /*
     * A durable outbox counts its lines with a query: while the store's circuit is open (its database taken as
     * unreachable) it is not asked, and when it fails the last figures stand, so that a status never throws and
     * never waits for a dead database.
     */
    private OutboxStats outboxStats(UnitStats units) {
        if (units.circuitOpen()) {
            return lastOutbox;
        }
        try {
            OutboxStats stats = parts.outbox.stats();
            lastOutbox = stats;
            return stats;
        } catch (RuntimeException e) {
            KameleoonLogger.debug(() -> "outbox figures unavailable, the last ones are shown: " + e);
            return lastOutbox;
        }
    }

    void onChange(Consumer<ClientStatus> listener) {
        synchronized (this) {
            if (told == null) {
                told = status().summary();
            }
        }
        listeners.add(listener);
        if (watching.compareAndSet(false, true)) {
            try {
                parts.scheduler.scheduleWithFixedDelay(this::check, CHECK_INTERVAL_MILLIS, CHECK_INTERVAL_MILLIS,
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                // A closed client has nothing more to report.
            }
        }
    }

    private void check() {
        if (listeners.isEmpty()) {
            return;
        }
        ClientStatus now;
        try {
            now = status();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: keep watching.
            KameleoonLogger.error("client status unavailable: " + e);
            return;
        }
        ClientStatus.Summary summary = now.summary();
        synchronized (this) {
            if (summary.equals(told)) {
                return;
            }
            told = summary;
        }
        for (Consumer<ClientStatus> listener : listeners) {
            try {
                listener.accept(now);
            } catch (RuntimeException e) {
                KameleoonLogger.error("status listener failed: " + e);
            }
        }
    }
}
