package com.kameleoon.internal;

import com.kameleoon.CookieJar;
import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.data.Conversion;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Data;
import com.kameleoon.exceptions.ConfigFileNotFound;
import com.kameleoon.exceptions.FeatureEnvironmentDisabled;
import com.kameleoon.exceptions.FeatureExperimentNotFound;
import com.kameleoon.exceptions.FeatureNotFound;
import com.kameleoon.exceptions.FeatureVariableNotFound;
import com.kameleoon.exceptions.FeatureVariationNotFound;
import com.kameleoon.internal.cookie.SimulationCookie;
import com.kameleoon.internal.cookie.VisitorCodeCookie;
import com.kameleoon.internal.cookie.VisitorCodes;
import com.kameleoon.internal.data.VisitorDataWriter;
import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.datafile.ConfigurationHolder;
import com.kameleoon.internal.datafile.FlagDef;
import com.kameleoon.internal.datafile.RuleDef;
import com.kameleoon.internal.datafile.SegmentDef;
import com.kameleoon.internal.datafile.VariationByExposition;
import com.kameleoon.internal.evaluation.EvaluatedExperiment;
import com.kameleoon.internal.evaluation.FlagEvaluator;
import com.kameleoon.internal.hash.BucketHasher;
import com.kameleoon.internal.hybrid.EngineTrackingCode;
import com.kameleoon.internal.targeting.TargetingContext;
import com.kameleoon.internal.visitor.ForcedVariation;
import com.kameleoon.internal.visitor.InMemoryVisitorStore;
import com.kameleoon.internal.unit.FirstTouchStore;
import com.kameleoon.internal.unit.RepositoryUnits;
import com.kameleoon.integration.RequestFacts;
import com.kameleoon.integration.UnitStats;
import com.kameleoon.data.UserAgent;
import com.kameleoon.exceptions.UnitNotStored;
import com.kameleoon.spi.StoreException;
import com.kameleoon.internal.visitor.LegalConsent;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.logging.KameleoonLogger;
import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.exceptions.KameleoonException;
import com.kameleoon.internal.net.AccessTokenProvider;
import com.kameleoon.internal.net.HttpTransport;
import com.kameleoon.internal.net.ServiceUrls;
import com.kameleoon.internal.remote.RemoteDataClient;
import com.kameleoon.spi.InMemoryTrackingOutbox;
import com.kameleoon.internal.tracking.TrackingRelay;
import com.kameleoon.internal.update.ConfigurationFetcher;
import com.kameleoon.internal.update.ConfigurationUpdater;
import com.kameleoon.internal.update.RealTimeStream;
import com.kameleoon.types.RemoteVisitorDataFilter;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import com.kameleoon.internal.tracking.VisitorTracker;
import com.kameleoon.spi.DatafileCache;
import com.kameleoon.spi.TrackingOutbox;
import com.kameleoon.internal.visitor.VisitorStore;
import com.kameleoon.types.DataFile;
import com.kameleoon.types.Variable;
import com.kameleoon.types.Variation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The {@link KameleoonClient} implementation: wires the configuration holder, the visitor store, the flag
 * evaluator and the data writer, and applies the public methods' rules (evaluation.md §3.2). Thread-safe.
 */
public final class DefaultKameleoonClient implements KameleoonClient {
    private final String siteCode;
    private final KameleoonClientConfig config;
    private final ConfigurationHolder configuration = new ConfigurationHolder();
    private final FirstTouchStore store;
    private final LongSupplier clock;
    private final FlagEvaluator evaluator;
    private final VisitorDataWriter dataWriter;
    private final VisitorCodeCookie visitorCookie;
    private final ScheduledExecutorService scheduler;
    private final TrackingOutbox outbox;
    private final VisitorTracker tracker;
    private final HttpTransport http;
    private final ServiceUrls baseUrls;
    private volatile ServiceUrls urls;
    private final AccessTokenProvider tokens;
    private final TrackingRelay relay;
    private final ConfigurationUpdater updater;
    private final RemoteDataClient remote;
    private final Duration timeout;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    /** How long {@link #close()} waits at most for pending tracking to be delivered. */
    public static final long CLOSE_FLUSH_BOUND_MILLIS = 10_000;

    /**
     * Creates a client with an in-memory visitor store and loads the configured data file, if any.
     *
     * @param siteCode the site code
     * @param config the configuration
     * @throws com.kameleoon.exceptions.DataFileInvalid when the data file is unusable
     * @throws ConfigFileNotFound when the data file cannot be read
     */
    public DefaultKameleoonClient(String siteCode, KameleoonClientConfig config) {
        this(siteCode, config, ClientDependencies.defaults());
    }

    /**
     * Creates a client.
     *
     * @param siteCode the site code
     * @param config the configuration
     * @param store the visitor store, or null for an in-memory one
     * @param clock epoch milliseconds
     */
    public DefaultKameleoonClient(String siteCode, KameleoonClientConfig config, VisitorStore store,
            LongSupplier clock) {
        this(siteCode, config, ClientDependencies.defaults().withStore(store).withClock(clock));
    }

    /**
     * Creates a client from its parts.
     *
     * @param siteCode the site code
     * @param config the configuration
     * @param dependencies store, outbox, clock and timings
     */
    public DefaultKameleoonClient(String siteCode, KameleoonClientConfig config, ClientDependencies dependencies) {
        this.siteCode = siteCode;
        this.config = config;
        this.clock = dependencies.clock();
        LongSupplier clock = this.clock;
        this.outbox = dependencies.outbox() != null ? dependencies.outbox()
                : new InMemoryTrackingOutbox(config.getTrackingQueueCapacity(), clock);
        VisitorStore visitors;
        if (dependencies.store() != null) {
            visitors = dependencies.store();
        } else if (dependencies.repository() != null) {
            visitors = new RepositoryUnits(dependencies.repository(), dependencies.components().unitSettings(), clock,
                    this::wakeRelay);
        } else {
            visitors = new InMemoryVisitorStore(config.getSessionDurationMinute() * 60_000L, config.getMaxVisitors(),
                    clock, true, outbox);
        }
        this.store = new FirstTouchStore(visitors, this::applyRequestFacts);
        this.tracker = new VisitorTracker(this.store, configuration::get);
        this.evaluator = new FlagEvaluator(this.store, clock, config.getTimeZone());
        this.dataWriter = new VisitorDataWriter(this.store, clock);
        this.visitorCookie = new VisitorCodeCookie(config.getTopLevelDomain(), config.isCookieSecure(),
                config.isCookieHttpOnly(), config.getCookieSameSite());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("scheduler"));
        this.timeout = Duration.ofMillis(config.getDefaultTimeoutMillisecond());
        this.baseUrls = ServiceUrls.of(config);
        this.urls = baseUrls;
        configuration.onInstall(next -> urls = baseUrls.withDataApiDomain(next.settings().dataApiDomain()));
        this.http = new HttpTransport(timeout);
        boolean credentials = config.getClientId() != null && config.getClientSecret() != null;
        this.tokens = new AccessTokenProvider(http, () -> urls, credentials ? config.getClientId() : null,
                credentials ? config.getClientSecret() : null, timeout, clock, scheduler);
        this.remote = new RemoteDataClient(http, tokens, () -> urls, configuration::get, this.store, siteCode, clock);
        if (credentials || config.getDataApiUrl() != null) {
            this.relay = new TrackingRelay(outbox, http, tokens, () -> urls, siteCode,
                    config.getTrackingIntervalMillisecond(), dependencies.retryDelayMillis(), timeout);
            outbox.onAdd(outbox.isDurable() ? relay::wakeUp : relay::wakeUpIfLarge);
        } else {
            this.relay = null;
            KameleoonLogger.info("tracking is not delivered: no client_id/client_secret and no data_api_url");
        }
        try {
            if (config.getDataFile() != null) {
                configuration.load(readDataFile(config.getDataFile()));
            }
            if (credentials || config.getSdkConfigUrl() != null) {
                ConfigurationFetcher fetcher = new ConfigurationFetcher(http, () -> urls, configuration, siteCode,
                        config.getEnvironment(), timeout);
                DatafileCache cache = dependencies.datafileCache();
                if (cache != null) {
                    useCache(cache, fetcher);
                }
                this.updater = new ConfigurationUpdater(fetcher, configuration,
                        listener -> new RealTimeStream(http, () -> urls, siteCode, listener, timeout),
                        config.getRefreshIntervalMinute() * 60_000L);
                updater.start();
            } else {
                this.updater = null;
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
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
                KameleoonLogger.warning("datafile could not be cached: " + e.getClass().getSimpleName());
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

    /**
     * Loads a datafile text, replacing the configuration in force when it is usable.
     *
     * @param json the datafile
     * @throws com.kameleoon.exceptions.DataFileInvalid when unusable; the previous configuration stays
     */
    public void loadDataFile(String json) {
        configuration.load(json);
    }

    /** @return the site code */
    public String getSiteCode() {
        return siteCode;
    }

    /** @return the visitor store (for the integration modules) */
    public VisitorStore visitorStore() {
        return store;
    }

    /** @return the tracking outbox (for the integration modules and tests) */
    public TrackingOutbox trackingOutbox() {
        return outbox;
    }

    // ---- units of work of the web integration ------------------------------------------------------------------

    private void wakeRelay() {
        TrackingRelay current = relay;
        if (current != null) {
            current.wakeUp();
        }
    }

    /**
     * Opens a request's unit of work (see {@code com.kameleoon.integration.KameleoonRequests}).
     *
     * @param visitorCode a valid visitor code
     * @param facts what the request says about the visitor
     */
    public void beginUnit(String visitorCode, RequestFacts facts) {
        VisitorCodes.validate(visitorCode);
        store.beginRequest(visitorCode, facts);
    }

    /**
     * Ends a request's unit of work opened with {@link #beginUnit}.
     *
     * @param visitorCode the visitor
     * @param facts the facts given to {@link #beginUnit}
     */
    public void endUnit(String visitorCode, RequestFacts facts) {
        store.endRequest(visitorCode, facts);
    }

    /**
     * Stores the changes and tracking lines of a visitor's open unit now.
     *
     * @param visitorCode the visitor
     * @throws UnitNotStored when nothing of them could be stored
     */
    public void commitUnit(String visitorCode) {
        try {
            store.commitNow(visitorCode);
        } catch (StoreException e) {
            throw new UnitNotStored("the changes of visitor " + visitorCode + " were not stored, nothing of them "
                    + "will be: " + e.getMessage(), e);
        }
    }

    /** @return the counters of units written to the repository */
    public UnitStats unitStats() {
        return store.unitStats();
    }

    /**
     * @param visitorCode a valid visitor code
     * @return the visitor serialized as a repository stores it, or null when unknown
     */
    public com.kameleoon.spi.StoredVisitor storedState(String visitorCode) {
        VisitorCodes.validate(visitorCode);
        store.begin(visitorCode);
        try {
            Visitor visitor = store.get(visitorCode);
            if (visitor == null) {
                return null;
            }
            synchronized (visitor) {
                return new com.kameleoon.spi.StoredVisitor(visitorCode, visitor.timeStarted(), visitor.consent().name(),
                        false, com.kameleoon.internal.unit.VisitorItemCodec.encode(visitor,
                                new com.kameleoon.internal.unit.VisitorItemCodec.ConversionKeys()));
            }
        } finally {
            store.end(visitorCode);
        }
    }

    /** Applies a request's facts the first time the request touches its visitor. */
    private void applyRequestFacts(String visitorCode, RequestFacts facts) {
        try {
            if (facts.consent() != null) {
                setLegalConsent(visitorCode, facts.consent());
            }
            if (facts.userAgent() != null) {
                addData(visitorCode, false, new UserAgent(facts.userAgent()));
            }
            applySimulationCookie(visitorCode, facts.simulationCookie());
        } catch (RuntimeException e) {
            KameleoonLogger.warning("request data not applied to visitor " + visitorCode + ": " + e.getMessage());
        }
    }

    // ---- readiness ------------------------------------------------------------------------------------

    @Override
    public CompletableFuture<Boolean> waitInit() {
        CompletableFuture<Boolean> ready = configuration.ready();
        if (ready.isDone()) {
            return ready;
        }
        CompletableFuture<Boolean> result = ready.thenApply(value -> value);
        try {
            scheduler.schedule(() -> result.complete(Boolean.FALSE), config.getDefaultTimeoutMillisecond(),
                    TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            result.complete(Boolean.FALSE);
        }
        return result;
    }

    @Override
    public boolean isReady() {
        return configuration.get() != null;
    }

    // ---- evaluation -----------------------------------------------------------------------------------

    @Override
    public Variation getVariation(String visitorCode, String featureKey, boolean track) {
        VisitorCodes.validate(visitorCode);
        store.begin(visitorCode);
        try {
            Configuration current = requireConfiguration(featureKey);
            return evaluateOne(current, visitorCode, enabledFlag(current, featureKey), track);
        } finally {
            store.end(visitorCode);
        }
    }

    @Override
    public Map<String, Variation> getVariations(String visitorCode, boolean onlyActive, boolean track) {
        VisitorCodes.validate(visitorCode);
        store.begin(visitorCode);
        try {
            Configuration current = configuration.get();
            if (current == null) {
                return Map.of();
            }
            Map<String, Variation> variations = evaluateAll(current, visitorCode, onlyActive, track, true);
            if (track) {
                tracker.track(visitorCode);
            }
            return variations;
        } finally {
            store.end(visitorCode);
        }
    }

    /** Evaluates one enabled flag, saving the assignment, and runs the tracking pass when {@code track}. */
    private Variation evaluateOne(Configuration current, String visitorCode, FlagDef flag, boolean track) {
        Variation variation = variationOf(flag,
                evaluator.evaluate(current, visitorCode, flag, track, true, new BucketHasher()));
        if (track) {
            tracker.track(visitorCode);
        }
        return variation;
    }

    private Map<String, Variation> evaluateAll(Configuration current, String visitorCode, boolean onlyActive,
            boolean track, boolean save) {
        BucketHasher hasher = new BucketHasher();
        Map<String, Variation> result = new LinkedHashMap<>();
        for (FlagDef flag : current.flags()) {
            if (!flag.environmentEnabled()) {
                continue;
            }
            Variation variation;
            try {
                variation = variationOf(flag, evaluator.evaluate(current, visitorCode, flag, track, save, hasher));
            } catch (FeatureEnvironmentDisabled blocked) {
                continue;
            }
            if (!onlyActive || variation.isActive()) {
                result.put(flag.key(), variation);
            }
        }
        return Collections.unmodifiableMap(result);
    }

    @Override
    public boolean isFeatureActive(String visitorCode, String featureKey, boolean track) {
        VisitorCodes.validate(visitorCode);
        store.begin(visitorCode);
        try {
            Configuration current = requireConfiguration(featureKey);
            FlagDef flag = current.flag(featureKey);
            if (flag == null) {
                throw new FeatureNotFound("Feature " + featureKey + " not found");
            }
            try {
                return flag.environmentEnabled() && variationOf(flag,
                        evaluator.evaluate(current, visitorCode, flag, track, true, new BucketHasher())).isActive();
            } catch (FeatureEnvironmentDisabled blocked) {
                return false;
            } finally {
                // PHP tracks here even for a disabled or blocked flag.
                if (track) {
                    tracker.track(visitorCode);
                }
            }
        } finally {
            store.end(visitorCode);
        }
    }

    private Configuration requireConfiguration(String featureKey) {
        Configuration current = configuration.get();
        if (current == null) {
            throw new FeatureNotFound("Feature " + featureKey + " not found: no configuration is loaded yet");
        }
        return current;
    }

    private FlagDef enabledFlag(Configuration current, String featureKey) {
        FlagDef flag = current.flag(featureKey);
        if (flag == null) {
            throw new FeatureNotFound("Feature " + featureKey + " not found");
        }
        if (!flag.environmentEnabled()) {
            String environment = config.getEnvironment() == null ? "default" : config.getEnvironment();
            throw new FeatureEnvironmentDisabled("Feature '" + featureKey + "' is disabled for " + environment
                    + " environment");
        }
        return flag;
    }

    private static Variation variationOf(FlagDef flag, EvaluatedExperiment evaluated) {
        return evaluated == null ? flag.defaultVariation() : evaluated.variation();
    }

    // ---- visitor data ---------------------------------------------------------------------------------

    @Override
    public void addData(String visitorCode, boolean track, Data... data) {
        VisitorCodes.validate(visitorCode);
        store.begin(visitorCode);
        try {
            dataWriter.add(configuration.get(), visitorCode, track, data);
        } finally {
            store.end(visitorCode);
        }
    }

    @Override
    public void flush(String visitorCode, boolean instant) {
        VisitorCodes.validate(visitorCode);
        store.begin(visitorCode);
        try {
            tracker.track(visitorCode);
            if (instant) {
                deliverSoon();
            }
        } finally {
            store.end(visitorCode);
        }
    }

    @Override
    public void flush() {
        tracker.trackAll();
    }

    /** Asks the relay to deliver now rather than at its next tick. */
    private void deliverSoon() {
        if (relay != null) {
            relay.wakeUp();
        }
    }

    // ---- remote data ----------------------------------------------------------------------------------

    private Duration timeoutOr(Duration requested) {
        return requested == null || requested.isZero() || requested.isNegative() ? timeout : requested;
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof KameleoonException) {
                throw (KameleoonException) e.getCause();
            }
            throw new KameleoonException("remote call failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public JsonNode getRemoteData(String key, Duration requestTimeout) {
        return await(getRemoteDataAsync(key, requestTimeout));
    }

    @Override
    public CompletableFuture<JsonNode> getRemoteDataAsync(String key, Duration requestTimeout) {
        if (key == null || key.isEmpty()) {
            return CompletableFuture.failedFuture(new KameleoonException("remote data key is empty"));
        }
        return remote.remoteData(key, timeoutOr(requestTimeout));
    }

    @Override
    public List<Data> getRemoteVisitorData(String visitorCode, boolean addData, RemoteVisitorDataFilter filter,
            Duration requestTimeout) {
        VisitorCodes.validate(visitorCode);
        return await(getRemoteVisitorDataAsync(visitorCode, addData, filter, requestTimeout));
    }

    @Override
    public CompletableFuture<List<Data>> getRemoteVisitorDataAsync(String visitorCode, boolean addData,
            RemoteVisitorDataFilter filter, Duration requestTimeout) {
        VisitorCodes.validate(visitorCode);
        store.begin(visitorCode);
        return remote.visitorData(visitorCode, addData, filter == null ? RemoteVisitorDataFilter.defaults() : filter,
                timeoutOr(requestTimeout)).whenComplete((data, failure) -> store.end(visitorCode));
    }

    @Override
    public CustomData getVisitorWarehouseAudience(String visitorCode, int customDataIndex, String warehouseKey,
            Duration requestTimeout) {
        VisitorCodes.validate(visitorCode);
        return await(getVisitorWarehouseAudienceAsync(visitorCode, customDataIndex, warehouseKey, requestTimeout));
    }

    @Override
    public CompletableFuture<CustomData> getVisitorWarehouseAudienceAsync(String visitorCode, int customDataIndex,
            String warehouseKey, Duration requestTimeout) {
        VisitorCodes.validate(visitorCode);
        store.begin(visitorCode);
        return remote.warehouseAudience(visitorCode, customDataIndex, warehouseKey, timeoutOr(requestTimeout))
                .whenComplete((data, failure) -> store.end(visitorCode));
    }

    @Override
    public void trackConversion(String visitorCode, int goalId, double revenue, boolean negative,
            List<CustomData> metadata) {
        VisitorCodes.validate(visitorCode);
        store.begin(visitorCode);
        try {
            dataWriter.add(configuration.get(), visitorCode, true, new Conversion(goalId, revenue, negative, metadata));
            tracker.track(visitorCode);
        } finally {
            store.end(visitorCode);
        }
    }

    @Override
    public void setForcedVariation(String visitorCode, int experimentId, String variationKey, boolean forceTargeting) {
        VisitorCodes.validate(visitorCode);
        store.begin(visitorCode);
        try {
            if (variationKey == null) {
                Visitor visitor = store.get(visitorCode);
                if (visitor != null) {
                    synchronized (visitor) {
                        visitor.setForcedExperiment(experimentId, null);
                    }
                }
                return;
            }
            Configuration current = configuration.get();
            RuleDef rule = current == null ? null : current.ruleByExperimentId(experimentId);
            if (rule == null) {
                throw new FeatureExperimentNotFound("Experiment " + experimentId + " is not found");
            }
            boolean found = false;
            for (VariationByExposition entry : rule.variations()) {
                found |= variationKey.equals(entry.variationKey());
            }
            if (!found) {
                throw new FeatureVariationNotFound("Variation '" + variationKey + "' is not found in experiment "
                        + experimentId);
            }
            Visitor visitor = store.getOrCreate(visitorCode);
            synchronized (visitor) {
                visitor.setForcedExperiment(experimentId,
                        new ForcedVariation(experimentId, variationKey, null, forceTargeting, false));
            }
        } finally {
            store.end(visitorCode);
        }
    }

    @Override
    public void evaluateAudiences(String visitorCode) {
        VisitorCodes.validate(visitorCode);
        store.begin(visitorCode);
        try {
            Configuration current = configuration.get();
            if (current == null || current.audienceSegments().isEmpty()) {
                tracker.track(visitorCode);
                return;
            }
            List<Integer> matched = new ArrayList<>();
            Visitor visitor = store.get(visitorCode);
            if (visitor == null) {
                collectAudiences(current, visitorCode, null, matched);
            } else {
                synchronized (visitor) {
                    collectAudiences(current, visitorCode, visitor, matched);
                }
            }
            if (!matched.isEmpty()) {
                Visitor target = store.getOrCreate(visitorCode);
                synchronized (target) {
                    for (Integer segmentId : matched) {
                        target.addTargetedSegment(segmentId);
                    }
                }
            }
            tracker.track(visitorCode);
        } finally {
            store.end(visitorCode);
        }
    }

    private void collectAudiences(Configuration current, String visitorCode, Visitor visitor, List<Integer> matched) {
        TargetingContext context = new TargetingContext(visitorCode, visitor, TargetingContext.NO_EXPERIMENT, current,
                clock.getAsLong(), config.getTimeZone(), SdkInfo.NAME, SdkInfo.VERSION);
        for (SegmentDef segment : current.audienceSegments()) {
            if (segment.tree() == null || segment.tree().evaluate(context)) {
                matched.add(segment.id());
            }
        }
    }

    // ---- consent and cookies --------------------------------------------------------------------------

    @Override
    public void setLegalConsent(String visitorCode, boolean consent, CookieJar cookies) {
        boolean writesCookie = consent && cookies != null;
        if (writesCookie) {
            VisitorCodes.validateForCookie(visitorCode);
        } else {
            VisitorCodes.validate(visitorCode);
        }
        store.begin(visitorCode);
        try {
            Visitor visitor = store.getOrCreate(visitorCode);
            synchronized (visitor) {
                visitor.setConsent(consent ? LegalConsent.GIVEN : LegalConsent.NOT_GIVEN);
            }
            if (writesCookie) {
                writeVisitorCookie(cookies, visitorCode);
            }
        } finally {
            store.end(visitorCode);
        }
    }

    @Override
    public String getVisitorCode(CookieJar cookies, String defaultVisitorCode) {
        if (cookies == null) {
            throw new IllegalArgumentException("getVisitorCode needs the exchange's cookies; got null");
        }
        String value = cookies.get(VisitorCodeCookie.NAME);
        String visitorCode = value == null ? null : VisitorCodeCookie.code(value);
        if (visitorCode != null && !VisitorCodes.isValidForCookie(visitorCode)) {
            KameleoonLogger.warning("invalid " + VisitorCodeCookie.NAME + " cookie value replaced");
            visitorCode = null;
        }
        if (visitorCode == null) {
            visitorCode = defaultVisitorCode != null ? VisitorCodes.validateForCookie(defaultVisitorCode)
                    : VisitorCodes.generate();
        }
        Configuration current = configuration.get();
        store.begin(visitorCode);
        try {
            if (current == null || !current.visitorCodeManagedByConsent()
                    || consentOf(visitorCode) == LegalConsent.GIVEN) {
                writeVisitorCookie(cookies, visitorCode);
            }
            if (current != null) {
                applySimulation(visitorCode, cookies.get(SimulationCookie.NAME), current);
            }
        } finally {
            store.end(visitorCode);
        }
        return visitorCode;
    }

    /**
     * For the servlet integration, which decides about the cookie without reading the store: whether the
     * configuration in force leaves the visitor-code cookie to consent (protocol.md §5.2).
     *
     * @return true when the cookie may only be written for visitors who gave consent
     */
    public boolean visitorCodeManagedByConsent() {
        Configuration current = configuration.get();
        return current != null && current.visitorCodeManagedByConsent();
    }

    /**
     * For the servlet integration: the {@code Set-Cookie} value that stores a visitor code (protocol.md §5.2).
     *
     * @param visitorCode a cookie-safe visitor code
     * @return the header value, expiry counted from now
     */
    public String visitorCookieHeader(String visitorCode) {
        return visitorCookie.header(visitorCode, clock.getAsLong());
    }

    /**
     * For the servlet integration, which defers this to the first use of the visitor: applies an exchange's
     * simulation cookie (protocol.md §5.5), as {@link #getVisitorCode(CookieJar, String)} does.
     *
     * @param visitorCode the visitor
     * @param cookieValue the raw {@code kameleoonSimulationFFData} value, or null when absent
     */
    public void applySimulationCookie(String visitorCode, String cookieValue) {
        Configuration current = configuration.get();
        if (current == null) {
            return;
        }
        store.begin(visitorCode);
        try {
            applySimulation(visitorCode, cookieValue, current);
        } finally {
            store.end(visitorCode);
        }
    }

    private LegalConsent consentOf(String visitorCode) {
        Visitor visitor = store.get(visitorCode);
        if (visitor == null) {
            return LegalConsent.UNKNOWN;
        }
        synchronized (visitor) {
            return visitor.consent();
        }
    }

    private void writeVisitorCookie(CookieJar cookies, String visitorCode) {
        cookies.set(VisitorCodeCookie.NAME, VisitorCodeCookie.value(visitorCode), visitorCookieHeader(visitorCode));
    }

    private void applySimulation(String visitorCode, String cookieValue, Configuration current) {
        Map<String, ForcedVariation> simulated = SimulationCookie.parse(cookieValue, current);
        Visitor visitor = simulated.isEmpty() ? store.get(visitorCode) : store.getOrCreate(visitorCode);
        if (visitor == null) {
            return;
        }
        synchronized (visitor) {
            if (!simulated.isEmpty() || visitor.hasSimulated()) {
                visitor.setSimulated(simulated);
            }
        }
    }

    // ---- hybrid mode, configuration views -------------------------------------------------------------

    @Override
    public String getEngineTrackingCode(String visitorCode) {
        VisitorCodes.validate(visitorCode);
        store.begin(visitorCode);
        try {
            Visitor visitor = store.get(visitorCode);
            if (visitor == null) {
                return EngineTrackingCode.INIT;
            }
            synchronized (visitor) {
                return EngineTrackingCode.build(visitor, configuration.get(), clock.getAsLong());
            }
        } finally {
            store.end(visitorCode);
        }
    }

    @Override
    public DataFile getDataFile() {
        Configuration current = configuration.get();
        return current == null ? null : current.dataFileView();
    }

    @Override
    public List<String> getFeatureList() {
        Configuration current = configuration.get();
        return current == null ? List.of() : current.featureKeys();
    }

    @Override
    public void onUpdateConfiguration(Runnable handler) {
        if (handler != null) {
            configuration.onUpdate(handler);
        }
    }

    // ---- deprecated -----------------------------------------------------------------------------------

    @Override
    @Deprecated
    public String getFeatureVariationKey(String visitorCode, String featureKey) {
        VisitorCodes.validate(visitorCode);
        store.begin(visitorCode);
        try {
            try {
                return getVariation(visitorCode, featureKey, true).getKey();
            } catch (FeatureEnvironmentDisabled e) {
                tracker.track(visitorCode);
                throw e;
            }
        } finally {
            store.end(visitorCode);
        }
    }

    @Override
    @Deprecated
    public Object getFeatureVariable(String visitorCode, String featureKey, String variableKey) {
        VisitorCodes.validate(visitorCode);
        store.begin(visitorCode);
        try {
            Configuration current = requireConfiguration(featureKey);
            FlagDef flag = enabledFlag(current, featureKey);
            Variation variation = evaluateOne(current, visitorCode, flag, true);
            if (!flag.variations().containsKey(variation.getKey())) {
                return null;
            }
            Variable variable = variation.getVariable(variableKey);
            if (variable == null) {
                throw new FeatureVariableNotFound("Feature variable " + variableKey + " not found");
            }
            return variable.getValue();
        } finally {
            store.end(visitorCode);
        }
    }

    @Override
    @Deprecated
    public Map<String, Object> getFeatureVariationVariables(String featureKey, String variationKey) {
        Configuration current = requireConfiguration(featureKey);
        FlagDef flag = current.flag(featureKey);
        if (flag == null) {
            throw new FeatureNotFound("Feature " + featureKey + " not found");
        }
        Variation variation = flag.variations().get(variationKey);
        if (variation == null) {
            throw new FeatureVariationNotFound("Variation '" + variationKey + "' is not found in feature "
                    + featureKey);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        variation.getVariables().forEach((key, variable) -> values.put(key, variable.getValue()));
        return Collections.unmodifiableMap(values);
    }

    @Override
    @Deprecated
    public Map<String, Variation> getActiveFeatures(String visitorCode) {
        VisitorCodes.validate(visitorCode);
        store.begin(visitorCode);
        try {
            Configuration current = configuration.get();
            return current == null ? Map.of() : evaluateAll(current, visitorCode, true, false, false);
        } finally {
            store.end(visitorCode);
        }
    }

    @Override
    @Deprecated
    public List<String> getActiveFeatureListForVisitor(String visitorCode) {
        return List.copyOf(getActiveFeatures(visitorCode).keySet());
    }

    // ---- life cycle -----------------------------------------------------------------------------------

    /** @return the configuration updater, or null when the configuration is not fetched (tests) */
    public ConfigurationUpdater configurationUpdater() {
        return updater;
    }

    /** @return the URLs in force */
    public ServiceUrls serviceUrls() {
        return urls;
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        // Units still open are written first, so that the relay's last flush includes their lines.
        store.close();
        if (relay != null) {
            relay.close(Duration.ofMillis(Math.min(timeout.toMillis(), CLOSE_FLUSH_BOUND_MILLIS)));
        }
        if (updater != null) {
            updater.close();
        }
        if (http != null) {
            http.close();
        }
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        outbox.close();
    }
}
