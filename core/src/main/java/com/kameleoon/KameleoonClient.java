package com.kameleoon;

import com.kameleoon.data.CustomData;
import com.kameleoon.data.Data;
import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.exceptions.FeatureEnvironmentDisabled;
import com.kameleoon.exceptions.FeatureNotFound;
import com.kameleoon.exceptions.FeatureVariationNotFound;
import com.kameleoon.types.DataFile;
import com.kameleoon.types.FeatureFlag;
import com.kameleoon.types.RemoteVisitorDataFilter;
import com.kameleoon.types.Variation;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The Kameleoon client: evaluates feature flags and experiments for visitors exactly like the official
 * Kameleoon SDKs, keeps visitor data, and reports exposures and conversions. One thread-safe instance per
 * site code, obtained from {@link KameleoonClientFactory}; close it when the application stops.
 *
 * <p>It also offers the official Kameleoon Java SDK's documented method forms ({@link OfficialSdkForms}), so that
 * code written for that SDK compiles against this one.
 *
 * <p>Every method taking a visitor code throws {@link com.kameleoon.exceptions.VisitorCodeInvalid} when the
 * code is empty or longer than 255 characters, before anything else.
 */
public interface KameleoonClient extends OfficialSdkForms, AutoCloseable {

    /** @return completes with true once a configuration is loaded, or false when the wait times out */
    CompletableFuture<Boolean> waitInit();

    /** @return true once a configuration is loaded */
    boolean isReady();

    /**
     * Returns the visitor's variation of a flag and tracks the exposure.
     *
     * @param visitorCode the visitor code
     * @param featureKey the flag's key
     * @return the variation (the default one, with null ids, when no rule assigned one)
     * @throws com.kameleoon.exceptions.FeatureNotFound when the key is unknown
     * @throws com.kameleoon.exceptions.FeatureEnvironmentDisabled when the flag is disabled in this environment,
     *         or legal consent fully blocks it
     */
    default Variation getVariation(String visitorCode, String featureKey) {
        return getVariation(visitorCode, featureKey, true);
    }

    /**
     * Returns the visitor's variation of a flag.
     *
     * @param visitorCode the visitor code
     * @param featureKey the flag's key
     * @param track false to save the assignment without ever tracking it
     * @return the variation
     */
    Variation getVariation(String visitorCode, String featureKey, boolean track);

    /**
     * Returns the variations of every flag enabled in this environment, in datafile order, tracking exposures.
     *
     * @param visitorCode the visitor code
     * @return feature key to variation
     */
    default Map<String, Variation> getVariations(String visitorCode) {
        return getVariations(visitorCode, false, true);
    }

    /**
     * Returns the variations of every enabled flag, tracking exposures.
     *
     * @param visitorCode the visitor code
     * @param onlyActive true to leave out flags whose variation is {@code off}
     * @return feature key to variation
     */
    default Map<String, Variation> getVariations(String visitorCode, boolean onlyActive) {
        return getVariations(visitorCode, onlyActive, true);
    }

    /**
     * Returns the variations of every enabled flag. Flags blocked by legal consent are left out.
     *
     * @param visitorCode the visitor code
     * @param onlyActive true to leave out flags whose variation is {@code off}
     * @param track false to save assignments without ever tracking them
     * @return feature key to variation, in datafile order
     */
    Map<String, Variation> getVariations(String visitorCode, boolean onlyActive, boolean track);

    /**
     * Tells whether the visitor's variation of a flag is anything but {@code off}, tracking the exposure.
     *
     * @param visitorCode the visitor code
     * @param featureKey the flag's key
     * @return false for {@code off}, a disabled flag, or a blocked evaluation
     * @throws com.kameleoon.exceptions.FeatureNotFound when the key is unknown
     */
    default boolean isFeatureActive(String visitorCode, String featureKey) {
        return isFeatureActive(visitorCode, featureKey, true);
    }

    /**
     * Tells whether the visitor's variation of a flag is anything but {@code off}.
     *
     * @param visitorCode the visitor code
     * @param featureKey the flag's key
     * @param track false to save the assignment without ever tracking it
     * @return false for {@code off}, a disabled flag, or a blocked evaluation
     */
    boolean isFeatureActive(String visitorCode, String featureKey, boolean track);

    /**
     * Adds data to a visitor; it is tracked with the visitor's next tracking.
     *
     * @param visitorCode the visitor code
     * @param data the items
     */
    default void addData(String visitorCode, Data... data) {
        addData(visitorCode, true, data);
    }

    /**
     * Adds data to a visitor.
     *
     * @param visitorCode the visitor code
     * @param track false to use the data for targeting only, never tracking it
     * @param data the items
     */
    void addData(String visitorCode, boolean track, Data... data);

    /**
     * Sends the visitor's pending data soon.
     *
     * @param visitorCode the visitor code
     */
    default void flush(String visitorCode) {
        flush(visitorCode, false);
    }

    /**
     * Sends the visitor's pending data.
     *
     * @param visitorCode the visitor code
     * @param instant true to send now instead of with the next batch
     */
    void flush(String visitorCode, boolean instant);

    /** Sends the pending data of every visitor with the next batch. */
    void flush();

    /**
     * Records a conversion and tracks it.
     *
     * @param visitorCode the visitor code
     * @param goalId the goal id
     */
    default void trackConversion(String visitorCode, int goalId) {
        trackConversion(visitorCode, goalId, 0, false, null);
    }

    /**
     * Records a conversion with revenue and tracks it.
     *
     * @param visitorCode the visitor code
     * @param goalId the goal id
     * @param revenue the revenue
     */
    default void trackConversion(String visitorCode, int goalId, double revenue) {
        trackConversion(visitorCode, goalId, revenue, false, null);
    }

    /**
     * Records a conversion and tracks it.
     *
     * @param visitorCode the visitor code
     * @param goalId the goal id
     * @param revenue the revenue
     * @param negative true to cancel revenue
     */
    default void trackConversion(String visitorCode, int goalId, double revenue, boolean negative) {
        trackConversion(visitorCode, goalId, revenue, negative, null);
    }

    /**
     * Records a conversion and tracks it.
     *
     * @param visitorCode the visitor code
     * @param goalId the goal id
     * @param revenue the revenue
     * @param negative true to cancel revenue
     * @param metadata custom data sent with the conversion, may be null
     */
    void trackConversion(String visitorCode, int goalId, double revenue, boolean negative, List<CustomData> metadata);

    /**
     * Forces a variation of an experiment for a visitor, bypassing targeting and exposition.
     *
     * @param visitorCode the visitor code
     * @param experimentId the experiment (rule) id
     * @param variationKey the variation key, or null to remove the forced variation
     * @throws com.kameleoon.exceptions.FeatureExperimentNotFound when no rule has that experiment id
     * @throws com.kameleoon.exceptions.FeatureVariationNotFound when the rule has no such variation
     */
    default void setForcedVariation(String visitorCode, int experimentId, String variationKey) {
        setForcedVariation(visitorCode, experimentId, variationKey, true);
    }

    /**
     * Forces a variation of an experiment for a visitor.
     *
     * @param visitorCode the visitor code
     * @param experimentId the experiment (rule) id
     * @param variationKey the variation key, or null to remove the forced variation
     * @param forceTargeting true to bypass targeting too; false to apply only when the visitor is targeted
     */
    void setForcedVariation(String visitorCode, int experimentId, String variationKey, boolean forceTargeting);

    /**
     * Evaluates the segments marked for audience tracking and tracks those the visitor matches.
     *
     * @param visitorCode the visitor code
     */
    void evaluateAudiences(String visitorCode);

    /**
     * Records the visitor's legal consent.
     *
     * @param visitorCode the visitor code
     * @param consent true when given, false when refused
     */
    default void setLegalConsent(String visitorCode, boolean consent) {
        setLegalConsent(visitorCode, consent, null);
    }

    /**
     * Records the visitor's legal consent; when given, (re)writes the visitor-code cookie.
     *
     * @param visitorCode the visitor code
     * @param consent true when given, false when refused (the cookie is then left to expire)
     * @param cookies the exchange's cookies, or null
     */
    void setLegalConsent(String visitorCode, boolean consent, CookieJar cookies);

    /**
     * Returns the visitor code of an HTTP exchange: from the {@code kameleoonVisitorCode} cookie when valid,
     * else a new random one; writes the cookie (unless consent management forbids it) and applies the
     * simulation cookie.
     *
     * @param cookies the exchange's cookies
     * @return the visitor code
     */
    default String getVisitorCode(CookieJar cookies) {
        return getVisitorCode(cookies, null);
    }

    /**
     * Returns the visitor code of an HTTP exchange.
     *
     * @param cookies the exchange's cookies
     * @param defaultVisitorCode used when the request has no valid cookie, may be null
     * @return the visitor code
     * @throws com.kameleoon.exceptions.VisitorCodeInvalid when the default code is invalid
     */
    String getVisitorCode(CookieJar cookies, String defaultVisitorCode);

    /**
     * Returns the hybrid-mode script for the Kameleoon JavaScript engine: this request's assignments.
     *
     * @param visitorCode the visitor code
     * @return the script, safe to embed in a {@code <script>} element
     */
    String getEngineTrackingCode(String visitorCode);

    /**
     * Returns the JSON stored under a key in the Kameleoon Data API.
     *
     * @param key the key
     * @return the JSON
     * @throws com.kameleoon.exceptions.KameleoonException when it cannot be loaded or read
     */
    default JsonNode getRemoteData(String key) {
        return getRemoteData(key, null);
    }

    /**
     * Returns the JSON stored under a key in the Kameleoon Data API.
     *
     * @param key the key
     * @param timeout the request timeout, null for the default
     * @return the JSON
     */
    JsonNode getRemoteData(String key, Duration timeout);

    /**
     * @param key the key
     * @return completes with the JSON, or exceptionally with a KameleoonException
     */
    default CompletableFuture<JsonNode> getRemoteDataAsync(String key) {
        return getRemoteDataAsync(key, null);
    }

    /**
     * @param key the key
     * @param timeout the request timeout, null for the default
     * @return completes with the JSON, or exceptionally with a KameleoonException
     */
    CompletableFuture<JsonNode> getRemoteDataAsync(String key, Duration timeout);

    /**
     * Loads the visitor's data stored by Kameleoon (previous visit and current one, custom data) and adds it
     * to the visitor, asynchronously as the official SDK does (these three short forms return a future there;
     * the forms with a {@link Duration} wait for the answer).
     *
     * @param visitorCode the visitor code
     * @return completes with the data found, or exceptionally with a KameleoonException
     */
    default CompletableFuture<List<Data>> getRemoteVisitorData(String visitorCode) {
        return getRemoteVisitorDataAsync(visitorCode, true, RemoteVisitorDataFilter.defaults(), null);
    }

    /**
     * @param visitorCode the visitor code
     * @param addData true to add the data to the visitor
     * @return completes with the data found, or exceptionally with a KameleoonException
     */
    default CompletableFuture<List<Data>> getRemoteVisitorData(String visitorCode, boolean addData) {
        return getRemoteVisitorDataAsync(visitorCode, addData, RemoteVisitorDataFilter.defaults(), null);
    }

    /**
     * @param visitorCode the visitor code
     * @param filter what to load
     * @return completes with the data found, or exceptionally with a KameleoonException
     */
    default CompletableFuture<List<Data>> getRemoteVisitorData(String visitorCode, RemoteVisitorDataFilter filter) {
        return getRemoteVisitorDataAsync(visitorCode, true, filter, null);
    }

    /**
     * @param visitorCode the visitor code
     * @param timeout the request timeout
     * @return the data found
     */
    default List<Data> getRemoteVisitorData(String visitorCode, Duration timeout) {
        return getRemoteVisitorData(visitorCode, true, RemoteVisitorDataFilter.defaults(), timeout);
    }

    /**
     * @param visitorCode the visitor code
     * @param addData true to add the data to the visitor
     * @param filter what to load
     * @return the data found
     */
    default List<Data> getRemoteVisitorData(String visitorCode, boolean addData, RemoteVisitorDataFilter filter) {
        return getRemoteVisitorData(visitorCode, addData, filter, null);
    }

    /**
     * @param visitorCode the visitor code
     * @param addData true to add the data to the visitor
     * @param timeout the request timeout
     * @return the data found
     */
    default List<Data> getRemoteVisitorData(String visitorCode, boolean addData, Duration timeout) {
        return getRemoteVisitorData(visitorCode, addData, RemoteVisitorDataFilter.defaults(), timeout);
    }

    /**
     * @param visitorCode the visitor code
     * @param filter what to load
     * @param timeout the request timeout
     * @return the data found
     */
    default List<Data> getRemoteVisitorData(String visitorCode, RemoteVisitorDataFilter filter, Duration timeout) {
        return getRemoteVisitorData(visitorCode, true, filter, timeout);
    }

    /**
     * Loads the visitor's data stored by Kameleoon. Data already present locally is kept; the latest visit's
     * visitor code becomes the mapping identifier (cross-device bucketing) when the filter asks for it.
     *
     * @param visitorCode the visitor code
     * @param addData true to add the data to the visitor
     * @param filter what to load, null for the defaults
     * @param timeout the request timeout, null for the default
     * @return custom data, page views, conversions, device, browser, operating system and geolocation found
     * @throws com.kameleoon.exceptions.KameleoonException when it cannot be loaded or read (visitor unchanged)
     */
    List<Data> getRemoteVisitorData(String visitorCode, boolean addData, RemoteVisitorDataFilter filter,
            Duration timeout);

    /**
     * @param visitorCode the visitor code
     * @return completes with the data found
     */
    default CompletableFuture<List<Data>> getRemoteVisitorDataAsync(String visitorCode) {
        return getRemoteVisitorDataAsync(visitorCode, true, RemoteVisitorDataFilter.defaults(), null);
    }

    /**
     * @param visitorCode the visitor code
     * @param addData true to add the data to the visitor
     * @return completes with the data found
     */
    default CompletableFuture<List<Data>> getRemoteVisitorDataAsync(String visitorCode, boolean addData) {
        return getRemoteVisitorDataAsync(visitorCode, addData, RemoteVisitorDataFilter.defaults(), null);
    }

    /**
     * @param visitorCode the visitor code
     * @param filter what to load
     * @return completes with the data found
     */
    default CompletableFuture<List<Data>> getRemoteVisitorDataAsync(String visitorCode, RemoteVisitorDataFilter filter) {
        return getRemoteVisitorDataAsync(visitorCode, true, filter, null);
    }

    /**
     * @param visitorCode the visitor code
     * @param addData true to add the data to the visitor
     * @param filter what to load, null for the defaults
     * @param timeout the request timeout, null for the default
     * @return completes with the data found, or exceptionally with a KameleoonException
     */
    CompletableFuture<List<Data>> getRemoteVisitorDataAsync(String visitorCode, boolean addData,
            RemoteVisitorDataFilter filter, Duration timeout);

    /**
     * Loads the visitor's warehouse audiences into a custom data, added to the visitor and tracked,
     * asynchronously as the official SDK does (this short form returns a future there; the longer forms wait).
     *
     * @param visitorCode the visitor code
     * @param customDataIndex the custom-data index to fill
     * @return completes with the custom data (null when the answer has no audiences), or exceptionally with a
     *         KameleoonException
     */
    default CompletableFuture<CustomData> getVisitorWarehouseAudience(String visitorCode, int customDataIndex) {
        return getVisitorWarehouseAudienceAsync(visitorCode, customDataIndex, null, null);
    }

    /**
     * @param visitorCode the visitor code
     * @param customDataIndex the custom-data index to fill
     * @param warehouseKey the warehouse key, null to use the visitor code
     * @return the custom data, or null when the answer has no audiences
     */
    default CustomData getVisitorWarehouseAudience(String visitorCode, int customDataIndex, String warehouseKey) {
        return getVisitorWarehouseAudience(visitorCode, customDataIndex, warehouseKey, null);
    }

    /**
     * @param visitorCode the visitor code
     * @param customDataIndex the custom-data index to fill
     * @param timeout the request timeout
     * @return the custom data, or null when the answer has no audiences
     */
    default CustomData getVisitorWarehouseAudience(String visitorCode, int customDataIndex, Duration timeout) {
        return getVisitorWarehouseAudience(visitorCode, customDataIndex, null, timeout);
    }

    /**
     * @param visitorCode the visitor code
     * @param customDataIndex the custom-data index to fill
     * @param warehouseKey the warehouse key, null to use the visitor code
     * @param timeout the request timeout, null for the default
     * @return the custom data, or null when the answer has no audiences
     * @throws com.kameleoon.exceptions.KameleoonException when it cannot be loaded or read
     */
    CustomData getVisitorWarehouseAudience(String visitorCode, int customDataIndex, String warehouseKey,
            Duration timeout);

    /**
     * @param visitorCode the visitor code
     * @param customDataIndex the custom-data index to fill
     * @return completes with the custom data
     */
    default CompletableFuture<CustomData> getVisitorWarehouseAudienceAsync(String visitorCode, int customDataIndex) {
        return getVisitorWarehouseAudienceAsync(visitorCode, customDataIndex, null, null);
    }

    /**
     * @param visitorCode the visitor code
     * @param customDataIndex the custom-data index to fill
     * @param warehouseKey the warehouse key, null to use the visitor code
     * @param timeout the request timeout, null for the default
     * @return completes with the custom data, or exceptionally with a KameleoonException
     */
    CompletableFuture<CustomData> getVisitorWarehouseAudienceAsync(String visitorCode, int customDataIndex,
            String warehouseKey, Duration timeout);

    /** @return a read-only view of the loaded configuration, or null before the first load */
    DataFile getDataFile();

    /** @return every feature key of the configuration, in datafile order (empty before the first load) */
    List<String> getFeatureList();

    /** @param handler run after each configuration update */
    void onUpdateConfiguration(Runnable handler);

    /**
     * Registers a listener told the outcome of every configuration fetch (polls and real-time events), successful
     * or not; a client that reads its datafile only from a file never fetches. Listeners run on the updater's
     * thread, in registration order, so keep them short; one that throws is logged and the others still run.
     *
     * @param listener the listener; null is ignored
     */
    default void onConfigurationFetch(java.util.function.Consumer<ConfigurationFetch> listener) {
        // A client written outside this SDK (a test double) has no fetches to report.
    }

    /** Flushes pending tracking and stops every thread the client started. */
    @Override
    void close();

    /**
     * Evaluates a flag and tracks the exposure.
     *
     * @param visitorCode the visitor code
     * @param featureKey the flag's key
     * @return the variation key
     * @throws com.kameleoon.exceptions.FeatureEnvironmentDisabled as {@link #getVariation(String, String)} does;
     *         the visitor's pending data is tracked all the same
     * @deprecated use {@link #getVariation(String, String)}
     */
    @Deprecated
    default String getFeatureVariationKey(String visitorCode, String featureKey) {
        try {
            return getVariation(visitorCode, featureKey, true).getKey();
        } catch (FeatureEnvironmentDisabled e) {
            // docs/evaluation.md#public-methods: a disabled or consent-blocked flag still runs the tracking pass.
            flush(visitorCode);
            throw e;
        }
    }

    /**
     * Evaluates a flag, tracks the exposure, and returns one variable's value.
     *
     * @param visitorCode the visitor code
     * @param featureKey the flag's key
     * @param variableKey the variable's key
     * @return the value, or null when the evaluated variation is not among the flag's variations
     * @throws com.kameleoon.exceptions.FeatureVariableNotFound when the variation has no such variable
     * @deprecated use {@link #getVariation(String, String)} and {@link Variation#getVariable(String)}
     */
    @Deprecated
    Object getFeatureVariable(String visitorCode, String featureKey, String variableKey);

    /**
     * Returns a variation's variable values, without evaluating anything.
     *
     * @param featureKey the flag's key
     * @param variationKey the variation's key
     * @return variable key to value, in the variation's order
     * @throws FeatureNotFound when no configuration is loaded or the flag is unknown (enabled or not)
     * @throws FeatureVariationNotFound when the flag has no such variation
     * @deprecated use {@link #getDataFile()}
     */
    @Deprecated
    default Map<String, Object> getFeatureVariationVariables(String featureKey, String variationKey) {
        DataFile dataFile = getDataFile();
        if (dataFile == null) {
            throw new FeatureNotFound("Feature " + featureKey + " not found: no configuration is loaded yet");
        }
        FeatureFlag flag = dataFile.getFeatureFlags().get(featureKey);
        if (flag == null) {
            throw new FeatureNotFound("Feature " + featureKey + " not found");
        }
        Variation variation = flag.getVariations().get(variationKey);
        if (variation == null) {
            throw new FeatureVariationNotFound("Variation '" + variationKey + "' is not found in feature "
                    + featureKey);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        variation.getVariables().forEach((key, variable) -> values.put(key, variable.getValue()));
        return Collections.unmodifiableMap(values);
    }

    /**
     * Returns the active variations of every enabled flag, saving and tracking nothing.
     *
     * @param visitorCode the visitor code
     * @return feature key to variation
     * @deprecated use {@link #getVariations(String, boolean, boolean)}
     */
    @Deprecated
    Map<String, Variation> getActiveFeatures(String visitorCode);

    /**
     * Returns the keys of the flags active for the visitor, saving and tracking nothing.
     *
     * @param visitorCode the visitor code
     * @return the keys, in datafile order
     * @deprecated use {@link #getVariations(String, boolean, boolean)}
     */
    @Deprecated
    default List<String> getActiveFeatureListForVisitor(String visitorCode) {
        return getActiveFeatureListForVisitorCode(visitorCode);
    }
}
