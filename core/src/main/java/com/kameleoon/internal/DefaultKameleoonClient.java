package com.kameleoon.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.CookieJar;
import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.KameleoonUpdateConfigurationHandler;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Data;
import com.kameleoon.data.UserAgent;
import com.kameleoon.exceptions.UnitNotStored;
import com.kameleoon.exceptions.UnitOutcomeUnknown;
import com.kameleoon.integration.RequestFacts;
import com.kameleoon.integration.UnitStats;
import com.kameleoon.internal.cookie.VisitorCodes;
import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.datafile.ConfigurationHolder;
import com.kameleoon.internal.net.ServiceUrls;
import com.kameleoon.internal.unit.FirstTouchStore;
import com.kameleoon.internal.update.ConfigurationUpdater;
import com.kameleoon.internal.visitor.VisitorStore;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.spi.StoreException;
import com.kameleoon.spi.StoredVisitor;
import com.kameleoon.spi.TrackingOutbox;
import com.kameleoon.types.DataFile;
import com.kameleoon.types.RemoteVisitorDataFilter;
import com.kameleoon.types.Variation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The {@link KameleoonClient} implementation. It opens a unit of work on the visitor around each public method and
 * delegates the method's job: {@link FeatureEvaluation}, {@link ConsentAndCookies}, {@link ForcedVariations},
 * {@link Audiences}, {@link DataAndTracking}, {@link RemoteCalls}, {@link VisitorExports}; {@link ClientParts} wires
 * the components they share. Thread-safe.
 */
public final class DefaultKameleoonClient implements KameleoonClient {
    /** How long {@link #close()} waits at most for pending tracking to be delivered. */
    public static final long CLOSE_FLUSH_BOUND_MILLIS = 10_000;

    private final ClientParts parts;
    private final ConfigurationHolder configuration;
    private final FirstTouchStore store;
    private final FeatureEvaluation evaluation;
    private final ConsentAndCookies consentAndCookies;
    private final ForcedVariations forcedVariations;
    private final Audiences audiences;
    private final DataAndTracking dataAndTracking;
    private final RemoteCalls remoteCalls;
    private final VisitorExports exports;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ClientStatusBoard statusBoard;
    private final ClientFigures figures;
    private final AtomicReference<KameleoonUpdateConfigurationHandler> updateHandler = new AtomicReference<>();
    private final AtomicBoolean updateHandlerRegistered = new AtomicBoolean();
    /* Run once after close: the factory uses it to forget the client, so that nobody gets a closed one back. */
    private final List<Runnable> afterClose = new CopyOnWriteArrayList<>();

    /**
     * Creates a client with an in-memory visitor store and loads the configured data file, if any.
     *
     * @param siteCode the site code
     * @param config the configuration
     * @throws com.kameleoon.exceptions.DataFileInvalid when the data file is unusable
     * @throws com.kameleoon.exceptions.ConfigFileNotFound when the data file cannot be read
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
        this.parts = new ClientParts(siteCode, config, dependencies, this::applyRequestFacts);
        this.configuration = parts.configuration;
        this.store = parts.store;
        this.evaluation = new FeatureEvaluation(configuration, store, parts.evaluator, parts.tracker,
                config.getEnvironment(), parts.evaluationCounts);
        this.consentAndCookies = new ConsentAndCookies(configuration, store, parts.visitorCookie, parts.clock);
        this.forcedVariations = new ForcedVariations(configuration, store);
        this.audiences = new Audiences(configuration, store, parts.tracker, parts.clock, config.getTimeZone());
        this.dataAndTracking = new DataAndTracking(configuration, parts.dataWriter, parts.tracker, parts::wakeRelay);
        this.remoteCalls = new RemoteCalls(parts.remote, parts.timeout);
        this.exports = new VisitorExports(configuration, store, parts.clock);
        this.statusBoard = new ClientStatusBoard(parts);
        this.figures = new ClientFigures(parts);
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
        return parts.siteCode;
    }

    /** @return the visitor store (for the integration modules) */
    public VisitorStore visitorStore() {
        return store;
    }

    /** @return the tracking outbox (for the integration modules and tests) */
    public TrackingOutbox trackingOutbox() {
        return parts.outbox;
    }

    // ---- units of work of the web integration ------------------------------------------------------------------

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
     * @throws UnitOutcomeUnknown when the store was cut off during the commit: they may or may not be stored
     */
    public void commitUnit(String visitorCode) {
        try {
            store.commitNow(visitorCode);
        } catch (StoreException e) {
            if (e.isOutcomeUnknown()) {
                throw new UnitOutcomeUnknown("the connection to the visitor store broke while the changes of visitor "
                        + visitorCode + " were committed: they may or may not be stored", e);
            }
            throw new UnitNotStored("the changes of visitor " + visitorCode + " were not stored, nothing of them "
                    + "will be: " + e.getMessage(), e);
        }
    }

    /** @return the counters of units written to the repository */
    public UnitStats unitStats() {
        return store.unitStats();
    }

    /** @return the client's status now */
    public com.kameleoon.integration.ClientStatus status() {
        return statusBoard.status();
    }

    /** @return the counters behind the client's metrics */
    public ClientFigures figures() {
        return figures;
    }

    /** @param listener told the status each time its summary changes */
    public void onStatusChange(java.util.function.Consumer<com.kameleoon.integration.ClientStatus> listener) {
        statusBoard.onChange(listener);
    }

    /**
     * @param visitorCode a valid visitor code
     * @return the visitor serialized as a repository stores it, or null when unknown
     */
    public StoredVisitor storedState(String visitorCode) {
        VisitorCodes.validate(visitorCode);
        store.begin(visitorCode);
        try {
            return exports.storedState(visitorCode);
        } finally {
            store.end(visitorCode);
        }
    }

    /**
     * Applies a request's facts the first time the request touches its visitor, through the public methods so that
     * each fact gets the unit and the checks it gets from a direct call.
     */
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
        return parts.sources.waitInit();
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
            return evaluation.variation(visitorCode, featureKey, track);
        } finally {
            store.end(visitorCode);
        }
    }

    @Override
    public Map<String, Variation> getVariations(String visitorCode, boolean onlyActive, boolean track) {
        VisitorCodes.validate(visitorCode);
        store.begin(visitorCode);
        try {
            return evaluation.variations(visitorCode, onlyActive, track);
        } finally {
            store.end(visitorCode);
        }
    }

    @Override
    public boolean isFeatureActive(String visitorCode, String featureKey, boolean track) {
        VisitorCodes.validate(visitorCode);
        store.begin(visitorCode);
        try {
            return evaluation.active(visitorCode, featureKey, track);
        } finally {
            store.end(visitorCode);
        }
    }

    // ---- visitor data ---------------------------------------------------------------------------------

    @Override
    public void addData(String visitorCode, boolean track, Data... data) {
        VisitorCodes.validate(visitorCode);
        store.begin(visitorCode);
        try {
            dataAndTracking.add(visitorCode, track, data);
        } finally {
            store.end(visitorCode);
        }
    }

    @Override
    public void flush(String visitorCode, boolean instant) {
        VisitorCodes.validate(visitorCode);
        store.begin(visitorCode);
        try {
            dataAndTracking.flush(visitorCode, instant);
        } finally {
            store.end(visitorCode);
        }
    }

    @Override
    public void flush() {
        dataAndTracking.flushAll();
    }

    @Override
    public void trackConversion(String visitorCode, int goalId, double revenue, boolean negative,
            List<CustomData> metadata) {
        VisitorCodes.validate(visitorCode);
        store.begin(visitorCode);
        try {
            dataAndTracking.trackConversion(visitorCode, goalId, revenue, negative, metadata);
        } finally {
            store.end(visitorCode);
        }
    }

    // ---- remote data ----------------------------------------------------------------------------------

    @Override
    public JsonNode getRemoteData(String key, Duration requestTimeout) {
        return RemoteCalls.await(getRemoteDataAsync(key, requestTimeout));
    }

    @Override
    public CompletableFuture<JsonNode> getRemoteDataAsync(String key, Duration requestTimeout) {
        return remoteCalls.remoteData(key, requestTimeout);
    }

    @Override
    public List<Data> getRemoteVisitorData(String visitorCode, boolean addData, RemoteVisitorDataFilter filter,
            Duration requestTimeout) {
        VisitorCodes.validate(visitorCode);
        return RemoteCalls.await(getRemoteVisitorDataAsync(visitorCode, addData, filter, requestTimeout));
    }

    @Override
    public CompletableFuture<List<Data>> getRemoteVisitorDataAsync(String visitorCode, boolean addData,
            RemoteVisitorDataFilter filter, Duration requestTimeout) {
        VisitorCodes.validate(visitorCode);
        // The unit lasts until the answer has been added to the visitor.
        store.begin(visitorCode);
        return remoteCalls.visitorData(visitorCode, addData, filter, requestTimeout)
                .whenComplete((data, failure) -> store.end(visitorCode));
    }

    @Override
    public CustomData getVisitorWarehouseAudience(String visitorCode, int customDataIndex, String warehouseKey,
            Duration requestTimeout) {
        VisitorCodes.validate(visitorCode);
        return RemoteCalls.await(getVisitorWarehouseAudienceAsync(visitorCode, customDataIndex, warehouseKey,
                requestTimeout));
    }

    @Override
    public CompletableFuture<CustomData> getVisitorWarehouseAudienceAsync(String visitorCode, int customDataIndex,
            String warehouseKey, Duration requestTimeout) {
        VisitorCodes.validate(visitorCode);
        store.begin(visitorCode);
        return remoteCalls.warehouseAudience(visitorCode, customDataIndex, warehouseKey, requestTimeout)
                .whenComplete((data, failure) -> store.end(visitorCode));
    }

    // ---- forced variations and audiences --------------------------------------------------------------

    @Override
    public void setForcedVariation(String visitorCode, int experimentId, String variationKey, boolean forceTargeting) {
        VisitorCodes.validate(visitorCode);
        store.begin(visitorCode);
        try {
            forcedVariations.set(visitorCode, experimentId, variationKey, forceTargeting);
        } finally {
            store.end(visitorCode);
        }
    }

    @Override
    public void evaluateAudiences(String visitorCode) {
        VisitorCodes.validate(visitorCode);
        store.begin(visitorCode);
        try {
            audiences.evaluate(visitorCode);
        } finally {
            store.end(visitorCode);
        }
    }

    // ---- consent and cookies --------------------------------------------------------------------------

    @Override
    public void setLegalConsent(String visitorCode, boolean consent, CookieJar cookies) {
        ConsentAndCookies.validateForConsent(visitorCode, consent, cookies);
        store.begin(visitorCode);
        try {
            consentAndCookies.setLegalConsent(visitorCode, consent, cookies);
        } finally {
            store.end(visitorCode);
        }
    }

    @Override
    public String getVisitorCode(CookieJar cookies, String defaultVisitorCode) {
        String visitorCode = ConsentAndCookies.visitorCodeOf(cookies, defaultVisitorCode);
        Configuration current = configuration.get();
        store.begin(visitorCode);
        try {
            consentAndCookies.answerExchange(visitorCode, cookies, current);
        } finally {
            store.end(visitorCode);
        }
        return visitorCode;
    }

    /**
     * For the servlet integration, which decides about the cookie without reading the store: whether the
     * configuration in force leaves the visitor-code cookie to consent (docs/wire-format.md#visitor-code-cookie).
     *
     * @return true when the cookie may only be written for visitors who gave consent
     */
    public boolean visitorCodeManagedByConsent() {
        return consentAndCookies.visitorCodeManagedByConsent();
    }

    /**
     * For the servlet integration: the {@code Set-Cookie} value that stores a visitor code
     * (docs/wire-format.md#visitor-code-cookie).
     *
     * @param visitorCode a cookie-safe visitor code
     * @return the header value, expiry counted from now
     */
    public String visitorCookieHeader(String visitorCode) {
        return consentAndCookies.visitorCookieHeader(visitorCode);
    }

    /**
     * For the servlet integration, which defers this to the first use of the visitor: applies an exchange's
     * simulation cookie (docs/wire-format.md#simulation-cookie), as {@link #getVisitorCode(CookieJar, String)} does.
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
            consentAndCookies.applySimulation(visitorCode, cookieValue, current);
        } finally {
            store.end(visitorCode);
        }
    }

    // ---- hybrid mode, configuration views -------------------------------------------------------------

    @Override
    public String getEngineTrackingCode(String visitorCode) {
        VisitorCodes.validate(visitorCode);
        store.begin(visitorCode);
        try {
            return exports.engineTrackingCode(visitorCode);
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

    @Override
    public void onConfigurationFetch(java.util.function.Consumer<com.kameleoon.ConfigurationFetch> listener) {
        if (listener != null) {
            configuration.onFetch(listener);
        }
    }

    @Override
    public void updateConfigurationHandler(KameleoonUpdateConfigurationHandler handler) {
        // The official SDK keeps one handler and replaces it on each call, where onUpdateConfiguration adds one.
        updateHandler.set(handler);
        if (handler != null && updateHandlerRegistered.compareAndSet(false, true)) {
            configuration.onUpdate(() -> {
                KameleoonUpdateConfigurationHandler current = updateHandler.get();
                if (current != null) {
                    current.onUpdate();
                }
            });
        }
    }

    // ---- deprecated methods the public ones cannot express (the others are defaults of the interface) --------

    /**
     * {@inheritDoc}
     *
     * <p>Implemented here rather than as a default method: whether the evaluated variation is one of the flag's
     * variations must be decided on the configuration that evaluated it, and through the public methods the check
     * would read the configuration again, which an update may have replaced in between.
     */
    @Override
    @Deprecated
    public Object getFeatureVariable(String visitorCode, String featureKey, String variableKey) {
        VisitorCodes.validate(visitorCode);
        store.begin(visitorCode);
        try {
            return evaluation.variableValue(visitorCode, featureKey, variableKey);
        } finally {
            store.end(visitorCode);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Implemented here rather than as a default method: it evaluates without saving any assignment, which no
     * public method does (they all save, and so create the visitor).
     */
    @Override
    @Deprecated
    public Map<String, Variation> getActiveFeatures(String visitorCode) {
        VisitorCodes.validate(visitorCode);
        store.begin(visitorCode);
        try {
            return evaluation.activeWithoutSaving(visitorCode);
        } finally {
            store.end(visitorCode);
        }
    }

    // ---- life cycle -----------------------------------------------------------------------------------

    /** @return the configuration updater, or null when the configuration is not fetched (tests) */
    public ConfigurationUpdater configurationUpdater() {
        return parts.sources.updater();
    }

    /** @return the URLs in force */
    public ServiceUrls serviceUrls() {
        return parts.urls();
    }

    @Override
    public void close() {
        if (!closed.getAndSet(true)) {
            try {
                parts.close(CLOSE_FLUSH_BOUND_MILLIS);
            } finally {
                afterClose.forEach(Runnable::run);
            }
        }
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Registers an action run once when the client is closed (at once when it already is).
     *
     * @param action what to run, on the closing thread
     */
    public void whenClosed(Runnable action) {
        afterClose.add(action);
        if (closed.get() && afterClose.remove(action)) {
            action.run();
        }
    }
}
