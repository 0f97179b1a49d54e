package com.kameleoon.internal.update;

import com.kameleoon.ConfigurationFetch;
import com.kameleoon.internal.NamedThreadFactory;
import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.datafile.ConfigurationHolder;
import com.kameleoon.logging.KameleoonLogger;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the configuration current (docs/wire-format.md#polling-and-streaming): one fetch at start, then a fetch every
 * refresh interval with {@code If-Modified-Since}; when the datafile asks for real-time updates, the event stream is
 * opened as well and each event triggers a fetch with its {@code ts} (older events are ignored). Polling goes on while
 * streaming, so that a stream outage never leaves the configuration stale for more than one interval. Fetches run on
 * one daemon thread ({@code kameleoon-config}), so they never overlap. Thread-safe.
 */
public final class ConfigurationUpdater implements AutoCloseable {
    private final ConfigurationFetcher fetcher;
    private final ConfigurationHolder holder;
    private final RealTimeStream stream;
    private final long refreshMillis;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            new NamedThreadFactory("config"));
    private long lastEventTs = Long.MIN_VALUE;

    /**
     * @param fetcher fetches the datafile
     * @param holder the configuration in force
     * @param streamFactory builds the event stream for a listener of event timestamps
     * @param refreshMillis the polling interval
     */
    public ConfigurationUpdater(ConfigurationFetcher fetcher, ConfigurationHolder holder,
            java.util.function.Function<java.util.function.LongConsumer, RealTimeStream> streamFactory,
            long refreshMillis) {
        this.fetcher = fetcher;
        this.holder = holder;
        this.refreshMillis = refreshMillis;
        this.stream = streamFactory.apply(this::onEvent);
    }

    /** Fetches now, then schedules polling. */
    public void start() {
        thread.execute(() -> fetchAndAdapt(null));
        thread.scheduleWithFixedDelay(() -> fetchAndAdapt(null), refreshMillis, refreshMillis, TimeUnit.MILLISECONDS);
    }

    /** @return the event stream (for diagnostics and tests) */
    public RealTimeStream stream() {
        return stream;
    }

    private void onEvent(long ts) {
        try {
            thread.execute(() -> {
                if (ts < lastEventTs) {
                    return;
                }
                if (fetchAndAdapt(ts).succeeded()) {
                    lastEventTs = ts;
                }
            });
        } catch (RuntimeException rejected) {
            // Closing: the event no longer matters.
        }
    }

    private ConfigurationFetch fetchAndAdapt(Long ts) {
        ConfigurationFetch fetch;
        try {
            fetch = fetcher.fetch(ts);
        } catch (RuntimeException e) {
            KameleoonLogger.error("configuration update failed: " + e);
            fetch = new ConfigurationFetch(ConfigurationFetch.Outcome.FAILED, "unexpected error (see the log)",
                    Instant.now());
        }
        holder.reportFetch(fetch);
        Configuration current = holder.get();
        if (fetch.succeeded() && current != null) {
            if (current.settings().realTimeUpdate()) {
                stream.start();
            } else if (stream.isRunning()) {
                stream.stop();
            }
        }
        return fetch;
    }

    @Override
    public void close() {
        stream.close();
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
