package com.kameleoon.internal;

import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.exceptions.ConfigFileNotFound;
import com.kameleoon.internal.datafile.ConfigurationHolder;
import com.kameleoon.internal.net.HttpTransport;
import com.kameleoon.internal.net.ServiceUrls;
import com.kameleoon.internal.update.ConfigurationFetcher;
import com.kameleoon.internal.update.ConfigurationUpdater;
import com.kameleoon.internal.update.RealTimeStream;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.spi.DatafileCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Brings a client's configuration in and tells when it has come: the data file at start, then the cached datafile
 * until Kameleoon answers, then Kameleoon itself (polling or streaming). Thread-safe.
 */
final class ConfigurationSources {
    private final String siteCode;
    private final KameleoonClientConfig config;
    private final ConfigurationHolder configuration;
    private final ScheduledExecutorService scheduler;
    private volatile ConfigurationUpdater updater;

    /**
     * @param siteCode the site code
     * @param config the client configuration
     * @param configuration where configurations are installed
     * @param scheduler runs the readiness timeout
     */
    ConfigurationSources(String siteCode, KameleoonClientConfig config, ConfigurationHolder configuration,
            ScheduledExecutorService scheduler) {
        this.siteCode = siteCode;
        this.config = config;
        this.configuration = configuration;
        this.scheduler = scheduler;
    }

    /**
     * Loads the data file, if any, and starts fetching from Kameleoon when credentials or a configuration URL allow.
     *
     * @param http the transport
     * @param urls the URLs in force
     * @param credentials whether a client id and secret are configured
     * @param cache the datafile cache, or null
     * @param timeout the request timeout
     * @throws com.kameleoon.exceptions.DataFileInvalid when the data file is unusable
     * @throws ConfigFileNotFound when the data file cannot be read
     */
    void start(HttpTransport http, Supplier<ServiceUrls> urls, boolean credentials, DatafileCache cache,
            Duration timeout) {
        if (config.getDataFile() != null) {
            configuration.load(readDataFile(config.getDataFile()));
        }
        if (!credentials && config.getSdkConfigUrl() == null) {
            return;
        }
        ConfigurationFetcher fetcher = new ConfigurationFetcher(http, urls, configuration, siteCode,
                config.getEnvironment(), timeout);
        if (cache != null) {
            useCache(cache, fetcher);
        }
        ConfigurationUpdater started = new ConfigurationUpdater(fetcher, configuration,
                listener -> new RealTimeStream(http, urls, siteCode, listener, timeout),
                config.getRefreshIntervalMinute() * 60_000L);
        updater = started;
        started.start();
    }

    /** Serves the cached datafile until the first fetch, and caches every fetched one. */
    private void useCache(DatafileCache cache, ConfigurationFetcher fetcher) {
        String environment = config.getEnvironment();
        if (configuration.get() == null) {
            try {
                DatafileCache.Entry cached = cache.load(siteCode, environment);
                if (cached != null) {
                    configuration.load(cached.body());
                    fetcher.setLastModified(cached.lastModified());
                    KameleoonLogger.info("serving the cached datafile until Kameleoon answers");
                }
            } catch (RuntimeException e) {
                KameleoonLogger.warning("cached datafile unusable: " + e.getMessage());
            }
        }
        fetcher.onFetched((body, lastModified) -> {
            try {
                cache.store(siteCode, environment, new DatafileCache.Entry(body, lastModified));
            } catch (RuntimeException e) {
                KameleoonLogger.warning("datafile could not be cached: " + e);
            }
        });
    }

    private static String readDataFile(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigFileNotFound("data file " + path + " cannot be read: " + e.getMessage());
        }
    }

    /** @return completes with true once a configuration is loaded, or false after the default timeout */
    CompletableFuture<Boolean> waitInit() {
        CompletableFuture<Boolean> ready = configuration.ready();
        if (ready.isDone()) {
            return ready;
        }
        CompletableFuture<Boolean> result = ready.thenApply(value -> value);
        try {
            scheduler.schedule(() -> result.complete(Boolean.FALSE), config.getDefaultTimeoutMillisecond(),
                    TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            // The scheduler is shut down: the client is closed and no configuration will come.
            result.complete(Boolean.FALSE);
        }
        return result;
    }

    /** @return the updater, or null when the configuration is not fetched */
    ConfigurationUpdater updater() {
        return updater;
    }

    /** Stops fetching. */
    void close() {
        ConfigurationUpdater current = updater;
        if (current != null) {
            current.close();
        }
    }
}
