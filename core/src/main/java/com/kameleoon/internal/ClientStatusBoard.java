package com.kameleoon.internal;

import com.kameleoon.integration.ClientStatus;
import com.kameleoon.integration.DeliveryStats;
import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.update.ConfigurationUpdater;
import com.kameleoon.logging.KameleoonLogger;
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

    ClientStatusBoard(ClientParts parts) {
        this.parts = parts;
        parts.configuration.onInstall(next -> check());
        parts.configuration.onFetch(fetch -> check());
    }

    ClientStatus status() {
        Configuration current = parts.configuration.get();
        ConfigurationUpdater updater = parts.sources.updater();
        return new ClientStatus(Instant.now(), parts.siteCode, current != null, parts.configuration.installedAt(),
                current == null ? null : current.dateModified(), parts.configuration.lastFetch(),
                parts.configuration.lastSuccessfulFetchAt(), updater != null && updater.stream().isRunning(),
                parts.outbox.stats(), parts.relay == null ? DeliveryStats.NONE : parts.relay.deliveryStats(),
                parts.store.unitStats(), parts.store.size());
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
        ClientStatus now = status();
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
