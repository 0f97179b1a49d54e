package com.kameleoon.internal.datafile;

import com.kameleoon.exceptions.DataFileInvalid;
import com.kameleoon.logging.KameleoonLogger;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the configuration in force and swaps it atomically: readers take one reference per call and never
 * lock. An unusable datafile leaves the previous configuration in place. Runs the update handlers after
 * each swap and completes the readiness future at the first load. Thread-safe.
 */
public final class ConfigurationHolder {
    private final AtomicReference<Configuration> current = new AtomicReference<>();
    private final CompletableFuture<Boolean> ready = new CompletableFuture<>();
    private final List<Runnable> handlers = new CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<Configuration>> installListeners = new CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<com.kameleoon.ConfigurationFetch>> fetchListeners =
            new CopyOnWriteArrayList<>();
    private volatile java.time.Instant installedAt;
    private volatile com.kameleoon.ConfigurationFetch lastFetch;
    private volatile java.time.Instant lastSuccessfulFetchAt;

    /** @return the configuration in force, or null before the first load */
    public Configuration get() {
        return current.get();
    }

    /** @return when the configuration in force was put in force, null before the first */
    public java.time.Instant installedAt() {
        return installedAt;
    }

    /** @return the outcome of the last fetch, null before the first */
    public com.kameleoon.ConfigurationFetch lastFetch() {
        return lastFetch;
    }

    /** @return when a fetch last succeeded, null if none has */
    public java.time.Instant lastSuccessfulFetchAt() {
        return lastSuccessfulFetchAt;
    }

    /** @return completes with true at the first successful load */
    public CompletableFuture<Boolean> ready() {
        return ready;
    }

    /**
     * Parses a datafile and, when usable, puts it in force.
     *
     * @param json the datafile text
     * @return the new configuration
     * @throws DataFileInvalid when unusable; the previous configuration stays in force
     */
    public Configuration load(String json) {
        Configuration next;
        try {
            next = DataFileParser.parse(json);
        } catch (DataFileInvalid e) {
            KameleoonLogger.error("datafile rejected, previous configuration kept: "
                    + e.getMessage().replace(com.kameleoon.exceptions.KameleoonException.PREFIX, ""));
            throw e;
        }
        install(next);
        return next;
    }

    /**
     * Puts a compiled configuration in force and notifies the handlers.
     *
     * @param next the configuration
     */
    public void install(Configuration next) {
        installedAt = java.time.Instant.now();
        boolean first = current.getAndSet(next) == null;
        for (java.util.function.Consumer<Configuration> listener : installListeners) {
            listener.accept(next);
        }
        if (first) {
            ready.complete(Boolean.TRUE);
        }
        KameleoonLogger.info("configuration " + (first ? "loaded" : "updated") + ": " + next.flags().size()
                + " feature flags");
        if (!first) {
            for (Runnable handler : handlers) {
                try {
                    handler.run();
                } catch (RuntimeException e) {
                    KameleoonLogger.error("configuration update handler failed: " + e);
                }
            }
        }
    }

    /**
     * Registers an SDK-internal listener run at every install, the first included, before the handlers.
     *
     * @param listener receives the configuration just put in force
     */
    public void onInstall(java.util.function.Consumer<Configuration> listener) {
        installListeners.add(listener);
    }

    /** @param listener told the outcome of every fetch */
    public void onFetch(java.util.function.Consumer<com.kameleoon.ConfigurationFetch> listener) {
        fetchListeners.add(listener);
    }

    /**
     * Tells the fetch listeners what a fetch did.
     *
     * @param fetch the outcome
     */
    public void reportFetch(com.kameleoon.ConfigurationFetch fetch) {
        lastFetch = fetch;
        if (fetch.succeeded()) {
            lastSuccessfulFetchAt = fetch.at();
        }
        for (java.util.function.Consumer<com.kameleoon.ConfigurationFetch> listener : fetchListeners) {
            try {
                listener.accept(fetch);
            } catch (RuntimeException e) {
                KameleoonLogger.error("configuration fetch listener failed: " + e);
            }
        }
    }

    /** @param handler run after each configuration update (not the first load) */
    public void onUpdate(Runnable handler) {
        handlers.add(handler);
    }
}
