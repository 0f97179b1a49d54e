package com.kameleoon.internal;

import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.integration.RequestFacts;
import com.kameleoon.internal.cookie.VisitorCodeCookie;
import com.kameleoon.internal.data.VisitorDataWriter;
import com.kameleoon.internal.datafile.ConfigurationHolder;
import com.kameleoon.internal.evaluation.FlagEvaluator;
import com.kameleoon.internal.metrics.EvaluationCounts;
import com.kameleoon.internal.net.AccessTokenProvider;
import com.kameleoon.internal.net.HttpTransport;
import com.kameleoon.internal.net.ServiceUrls;
import com.kameleoon.internal.remote.RemoteDataClient;
import com.kameleoon.internal.tracking.TrackingRelay;
import com.kameleoon.internal.tracking.VisitorTracker;
import com.kameleoon.internal.unit.FirstTouchStore;
import com.kameleoon.internal.unit.RepositoryUnits;
import com.kameleoon.internal.visitor.InMemoryVisitorStore;
import com.kameleoon.internal.visitor.VisitorStore;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.spi.InMemoryTrackingOutbox;
import com.kameleoon.spi.TrackingOutbox;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * The components of one client, wired together from its configuration and dependencies: configuration holder and
 * sources, visitor store, tracking outbox and relay, HTTP transport, access tokens, remote data, and the scheduler.
 * The parts own these components and {@link #close()} stops them. The fields are final and set before the constructor
 * returns; the components themselves are thread-safe.
 */
final class ClientParts {
    final String siteCode;
    final KameleoonClientConfig config;
    final LongSupplier clock;
    final Duration timeout;
    final ConfigurationHolder configuration = new ConfigurationHolder();
    final EvaluationCounts evaluationCounts = new EvaluationCounts();
    final TrackingOutbox outbox;
    final FirstTouchStore store;
    final VisitorTracker tracker;
    final FlagEvaluator evaluator;
    final VisitorDataWriter dataWriter;
    final VisitorCodeCookie visitorCookie;
    final ScheduledExecutorService scheduler;
    final HttpTransport http;
    final AccessTokenProvider tokens;
    final RemoteDataClient remote;
    /** Null when tracking cannot be delivered (no credentials and no Data API URL). */
    final TrackingRelay relay;
    final ConfigurationSources sources;
    private final ServiceUrls baseUrls;
    private volatile ServiceUrls urls;

    /**
     * Wires the components and loads the first configuration; when that fails, stops what was started.
     *
     * @param siteCode the site code
     * @param config the configuration
     * @param dependencies store, outbox, clock and timings
     * @param requestFacts applies a request's facts to its visitor when the request first touches it
     * @throws com.kameleoon.exceptions.DataFileInvalid when the data file is unusable
     * @throws com.kameleoon.exceptions.ConfigFileNotFound when the data file cannot be read
     */
    ClientParts(String siteCode, KameleoonClientConfig config, ClientDependencies dependencies,
            BiConsumer<String, RequestFacts> requestFacts) {
        this.siteCode = siteCode;
        this.config = config;
        this.clock = dependencies.clock();
        this.outbox = dependencies.outbox() != null ? dependencies.outbox()
                : new InMemoryTrackingOutbox(config.getTrackingQueueCapacity(), clock);
        this.store = new FirstTouchStore(visitorStore(config, dependencies), requestFacts);
        this.tracker = new VisitorTracker(store, configuration::get);
        this.evaluator = new FlagEvaluator(clock, config.getTimeZone());
        this.dataWriter = new VisitorDataWriter(store, clock);
        this.visitorCookie = new VisitorCodeCookie(config.getTopLevelDomain(), config.isCookieSecure(),
                config.isCookieHttpOnly(), config.getCookieSameSite());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("scheduler"));
        this.timeout = Duration.ofMillis(config.getDefaultTimeoutMillisecond());
        this.baseUrls = ServiceUrls.of(config);
        this.urls = baseUrls;
        configuration.onInstall(next -> urls = baseUrls.withDataApiDomain(next.settings().dataApiDomain()));
        configuration.onInstall(evaluationCounts::installed);
        this.http = new HttpTransport(timeout);
        boolean credentials = config.getClientId() != null && config.getClientSecret() != null;
        if (credentials || config.getDataApiUrl() != null || config.getSdkConfigUrl() != null) {
            // Only a client on a local data file alone leaves it to the first remote call (start-up, issue 14).
            http.open();
        }
        this.tokens = new AccessTokenProvider(http, this::urls, credentials ? config.getClientId() : null,
                credentials ? config.getClientSecret() : null, timeout, clock, scheduler);
        this.remote = new RemoteDataClient(http, tokens, this::urls, configuration::get, store, siteCode, clock);
        if (credentials || config.getDataApiUrl() != null) {
            this.relay = new TrackingRelay(outbox, http, tokens, this::urls, siteCode,
                    config.getTrackingIntervalMillisecond(), dependencies.retryDelayMillis(), timeout);
            outbox.onAdd(outbox.isDurable() ? relay::wakeUp : relay::wakeUpIfLarge);
        } else {
            this.relay = null;
            KameleoonLogger.info("tracking is not delivered: no client_id/client_secret and no data_api_url");
        }
        this.sources = new ConfigurationSources(siteCode, config, configuration, scheduler);
        try {
            sources.start(http, this::urls, credentials, dependencies.datafileCache(), timeout);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private VisitorStore visitorStore(KameleoonClientConfig config, ClientDependencies dependencies) {
        if (dependencies.store() != null) {
            return dependencies.store();
        }
        if (dependencies.repository() != null) {
            // The relay is built later: the callback reads the field when a write has happened, not now.
            return new RepositoryUnits(dependencies.repository(), dependencies.components().unitSettings(), clock,
                    this::wakeRelay);
        }
        return new InMemoryVisitorStore(config.getSessionDurationMinute() * 60_000L, config.getMaxVisitors(), clock,
                true, outbox);
    }

    /** @return the URLs in force: the configured ones with the Data API domain of the configuration in force */
    ServiceUrls urls() {
        return urls;
    }

    /** Asks the relay, if any, to deliver now rather than at its next tick. */
    void wakeRelay() {
        TrackingRelay current = relay;
        if (current != null) {
            current.wakeUp();
        }
    }

    /**
     * Stops every component, waiting at most {@code flushBoundMillis} for the relay's last delivery.
     *
     * @param flushBoundMillis how long pending tracking may delay the close at most
     */
    void close(long flushBoundMillis) {
        // Units still open are written first, so that the relay's last flush includes their lines.
        store.close();
        if (relay != null) {
            relay.close(Duration.ofMillis(Math.min(timeout.toMillis(), flushBoundMillis)));
        }
        sources.close();
        http.close();
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        outbox.close();
    }

    private void close() {
        close(DefaultKameleoonClient.CLOSE_FLUSH_BOUND_MILLIS);
    }
}
