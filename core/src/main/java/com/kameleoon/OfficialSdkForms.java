package com.kameleoon;

import com.kameleoon.data.Conversion;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Data;
import com.kameleoon.data.UniqueIdentifier;
import com.kameleoon.internal.cookie.ServletExchangeCookies;
import com.kameleoon.types.RemoteVisitorDataFilter;
import com.kameleoon.types.Variable;
import com.kameleoon.types.Variation;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The method forms of the official Kameleoon Java SDK ({@code kameleoon-client-java} and
 * {@code kameleoon-client-java-jakarta}) that this project's own API spells differently, so that code written
 * against the official documentation compiles and behaves the same. {@link KameleoonClient} extends it; call these
 * methods on the client, never name this type.
 *
 * <p>Every form is a default method over the client's own methods, which this interface declares again so that
 * it stands alone. The servlet forms take {@code Object}: core has no servlet API on its class path, and typed
 * overloads would break compilation for users without one (the compiler has to resolve every same-named
 * overload). At run time they accept the {@code jakarta.servlet} and the {@code javax.servlet} types and throw
 * {@link IllegalArgumentException} for anything else.
 */
public interface OfficialSdkForms {

    /**
     * See {@link KameleoonClient#getVisitorCode(CookieJar, String)}.
     *
     * @param cookies the exchange's cookies
     * @param defaultVisitorCode used when the request has no valid cookie, may be null
     * @return the visitor code
     */
    String getVisitorCode(CookieJar cookies, String defaultVisitorCode);

    /**
     * See {@link KameleoonClient#setLegalConsent(String, boolean, CookieJar)}.
     *
     * @param visitorCode the visitor code
     * @param consent true when given
     * @param cookies the exchange's cookies, or null
     */
    void setLegalConsent(String visitorCode, boolean consent, CookieJar cookies);

    /**
     * See {@link KameleoonClient#flush(String, boolean)}.
     *
     * @param visitorCode the visitor code
     * @param instant true to send at once
     */
    void flush(String visitorCode, boolean instant);

    /** See {@link KameleoonClient#flush()}. */
    void flush();

    /**
     * See {@link KameleoonClient#addData(String, boolean, Data...)}.
     *
     * @param visitorCode the visitor code
     * @param track whether the data is sent to Kameleoon
     * @param data the data
     */
    void addData(String visitorCode, boolean track, Data... data);

    /**
     * See {@link KameleoonClient#getVariation(String, String, boolean)}.
     *
     * @param visitorCode the visitor code
     * @param featureKey the flag's key
     * @param track whether the exposure is tracked
     * @return the variation
     */
    Variation getVariation(String visitorCode, String featureKey, boolean track);

    /**
     * See {@link KameleoonClient#getFeatureVariable(String, String, String)}.
     *
     * @param visitorCode the visitor code
     * @param featureKey the flag's key
     * @param variableKey the variable's key
     * @return the value
     */
    Object getFeatureVariable(String visitorCode, String featureKey, String variableKey);

    /**
     * See {@link KameleoonClient#getActiveFeatures(String)}.
     *
     * @param visitorCode the visitor code
     * @return feature key to variation
     */
    Map<String, Variation> getActiveFeatures(String visitorCode);

    /**
     * See {@link KameleoonClient#trackConversion(String, int, double, boolean, List)}.
     *
     * @param visitorCode the visitor code
     * @param goalId the goal
     * @param revenue the revenue
     * @param negative true to cancel an earlier conversion
     * @param metadata custom data describing the conversion, may be null
     */
    void trackConversion(String visitorCode, int goalId, double revenue, boolean negative, List<CustomData> metadata);

    /**
     * See {@link KameleoonClient#getRemoteVisitorDataAsync(String, boolean, RemoteVisitorDataFilter, Duration)}.
     *
     * @param visitorCode the visitor code
     * @param addData whether the data is added to the visitor
     * @param filter what to fetch
     * @param timeout the request's timeout, or null for the configured default
     * @return the data
     */
    CompletableFuture<List<Data>> getRemoteVisitorDataAsync(String visitorCode, boolean addData,
            RemoteVisitorDataFilter filter, Duration timeout);

    /**
     * See {@link KameleoonClient#getVisitorWarehouseAudienceAsync(String, int, String, Duration)}.
     *
     * @param visitorCode the visitor code
     * @param customDataIndex the custom data that receives the audience
     * @param warehouseKey the warehouse key, or null for the visitor code
     * @param timeout the request's timeout, or null for the configured default
     * @return the custom data, or null
     */
    CompletableFuture<CustomData> getVisitorWarehouseAudienceAsync(String visitorCode, int customDataIndex,
            String warehouseKey, Duration timeout);

    /**
     * See {@link KameleoonClient#onUpdateConfiguration(Runnable)}.
     *
     * @param handler run after each configuration update
     */
    void onUpdateConfiguration(Runnable handler);

    /**
     * The visitor code of a servlet exchange, as {@link #getVisitorCode(CookieJar, String)} gives it: the valid
     * {@code kameleoonVisitorCode} cookie (also one already set on the response in this exchange), else a new
     * code; the cookie is written on the response unless consent management forbids it.
     *
     * @param request a {@code jakarta.servlet} or {@code javax.servlet} {@code HttpServletRequest}
     * @param response its {@code HttpServletResponse}
     * @return the visitor code
     * @throws IllegalArgumentException when the objects are not servlet requests and responses
     */
    default String getVisitorCode(Object request, Object response) {
        return getVisitorCode(request, response, null);
    }

    /**
     * As {@link #getVisitorCode(Object, Object)}, with the code to use when the request has no valid cookie.
     *
     * @param request a {@code jakarta.servlet} or {@code javax.servlet} {@code HttpServletRequest}
     * @param response its {@code HttpServletResponse}
     * @param defaultVisitorCode the code for a visitor without a cookie, or null to generate one
     * @return the visitor code
     * @throws com.kameleoon.exceptions.VisitorCodeInvalid when the default code is not usable
     * @throws IllegalArgumentException when the objects are not servlet requests and responses
     */
    default String getVisitorCode(Object request, Object response, String defaultVisitorCode) {
        if (request == null || response == null) {
            throw new IllegalArgumentException("getVisitorCode needs the servlet request and response; got null");
        }
        return getVisitorCode(ServletExchangeCookies.of(request, response), defaultVisitorCode);
    }

    /**
     * Records a visitor's legal consent; giving it (re)writes the visitor-code cookie on the response.
     *
     * @param visitorCode the visitor code
     * @param consent true when given
     * @param response a {@code jakarta.servlet} or {@code javax.servlet} {@code HttpServletResponse}, or null to
     *        write no cookie
     * @throws IllegalArgumentException when the object is not a servlet response
     */
    default void setLegalConsent(String visitorCode, boolean consent, Object response) {
        setLegalConsent(visitorCode, consent, response == null ? null : ServletExchangeCookies.of(null, response));
    }

    /**
     * The official SDK's argument order of {@link #flush(String, boolean)}.
     *
     * @param instant true to send at once rather than at the next tracking interval
     * @param visitorCode the visitor code, or null for every visitor
     */
    default void flush(boolean instant, String visitorCode) {
        if (visitorCode == null) {
            flush();
        } else {
            flush(visitorCode, instant);
        }
    }

    /**
     * The official SDK's argument order of a conversion that may be negative.
     *
     * @param visitorCode the visitor code
     * @param goalId the goal
     * @param negative true to cancel an earlier conversion
     * @param revenue the revenue
     */
    default void trackConversion(String visitorCode, int goalId, boolean negative, double revenue) {
        trackConversion(visitorCode, goalId, revenue, negative, null);
    }

    /**
     * As {@link #trackConversion(String, int, boolean, double)} for a {@code float} revenue, sent as written.
     *
     * @param visitorCode the visitor code
     * @param goalId the goal
     * @param negative true to cancel an earlier conversion
     * @param revenue the revenue
     */
    default void trackConversion(String visitorCode, int goalId, boolean negative, float revenue) {
        trackConversion(visitorCode, goalId, Conversion.decimal(revenue), negative, null);
    }

    /**
     * A conversion with a {@code float} revenue, the official SDK's type: the revenue is sent as written
     * ({@code 49.9f} as {@code 49.9}) rather than as the {@code double} it widens to ({@code 49.900001525879}).
     *
     * @param visitorCode the visitor code
     * @param goalId the goal
     * @param revenue the revenue
     */
    default void trackConversion(String visitorCode, int goalId, float revenue) {
        trackConversion(visitorCode, goalId, Conversion.decimal(revenue), false, null);
    }

    /**
     * The variable values of the visitor's variation of a flag, tracking the exposure.
     *
     * @param visitorCode the visitor code
     * @param featureKey the flag's key
     * @return variable key to value, in the variation's order
     * @deprecated use {@link #getVariation(String, String, boolean)} and {@link Variation#getVariables()}
     */
    @Deprecated
    default Map<String, Object> getFeatureVariables(String visitorCode, String featureKey) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Variable> entry : getVariation(visitorCode, featureKey, true).getVariables()
                .entrySet()) {
            values.put(entry.getKey(), entry.getValue().getValue());
        }
        return Collections.unmodifiableMap(values);
    }

    /**
     * As {@link #getFeatureVariables(String, String)}, first marking the code as a cross-device user identifier
     * when asked (the official SDK 4.2 form).
     *
     * @param visitorCode the visitor code
     * @param featureKey the flag's key
     * @param isUniqueIdentifier true when the code is a user identifier
     * @return variable key to value
     * @deprecated add {@link UniqueIdentifier} data and use {@link #getVariation(String, String, boolean)}
     */
    @Deprecated
    default Map<String, Object> getFeatureVariables(String visitorCode, String featureKey,
            boolean isUniqueIdentifier) {
        markUniqueIdentifier(visitorCode, isUniqueIdentifier);
        return getFeatureVariables(visitorCode, featureKey);
    }

    /**
     * The variation key of a flag for the visitor, tracking the exposure, first marking the code as a user
     * identifier when asked (the official SDK 4.2 form).
     *
     * @param visitorCode the visitor code
     * @param featureKey the flag's key
     * @param isUniqueIdentifier true when the code is a user identifier
     * @return the variation key
     * @deprecated add {@link UniqueIdentifier} data and use {@link #getVariation(String, String, boolean)}
     */
    @Deprecated
    default String getFeatureVariationKey(String visitorCode, String featureKey, boolean isUniqueIdentifier) {
        markUniqueIdentifier(visitorCode, isUniqueIdentifier);
        return getVariation(visitorCode, featureKey, true).getKey();
    }

    /**
     * One variable of the visitor's variation, tracking the exposure, first marking the code as a user identifier
     * when asked (the official SDK 4.2 form).
     *
     * @param visitorCode the visitor code
     * @param featureKey the flag's key
     * @param variableKey the variable's key
     * @param isUniqueIdentifier true when the code is a user identifier
     * @return the value
     * @deprecated add {@link UniqueIdentifier} data and use {@link #getVariation(String, String, boolean)}
     */
    @Deprecated
    default Object getFeatureVariable(String visitorCode, String featureKey, String variableKey,
            boolean isUniqueIdentifier) {
        markUniqueIdentifier(visitorCode, isUniqueIdentifier);
        return getFeatureVariable(visitorCode, featureKey, variableKey);
    }

    /**
     * The keys of the flags active for the visitor, saving and tracking nothing (the official SDK 3.0 name).
     *
     * @param visitorCode the visitor code
     * @return the keys, in datafile order
     * @deprecated use {@link KameleoonClient#getVariations(String, boolean, boolean)}
     */
    @Deprecated
    default List<String> getActiveFeatureListForVisitorCode(String visitorCode) {
        return List.copyOf(getActiveFeatures(visitorCode).keySet());
    }

    /**
     * The visitor's data stored by Kameleoon, fetched asynchronously, in the official SDK's argument order.
     *
     * @param visitorCode the visitor code
     * @param filter what to fetch
     * @param addData whether the data is added to the visitor
     * @return the data
     */
    default CompletableFuture<List<Data>> getRemoteVisitorData(String visitorCode, RemoteVisitorDataFilter filter,
            boolean addData) {
        return getRemoteVisitorDataAsync(visitorCode, addData, filter, null);
    }

    /**
     * As {@link #getRemoteVisitorData(String, RemoteVisitorDataFilter, boolean)}, first marking the code as a user
     * identifier when asked (the official SDK 4.2 form).
     *
     * @param visitorCode the visitor code
     * @param filter what to fetch
     * @param addData whether the data is added to the visitor
     * @param isUniqueIdentifier true when the code is a user identifier
     * @return the data
     * @deprecated add {@link UniqueIdentifier} data and use
     *             {@link #getRemoteVisitorData(String, RemoteVisitorDataFilter, boolean)}
     */
    @Deprecated
    default CompletableFuture<List<Data>> getRemoteVisitorData(String visitorCode, RemoteVisitorDataFilter filter,
            boolean addData, boolean isUniqueIdentifier) {
        markUniqueIdentifier(visitorCode, isUniqueIdentifier);
        return getRemoteVisitorData(visitorCode, filter, addData);
    }

    /**
     * A warehouse audience, fetched asynchronously, in the official SDK's argument order.
     *
     * @param visitorCode the visitor code
     * @param warehouseKey the warehouse key, or null for the visitor code
     * @param customDataIndex the custom data that receives the audience
     * @return the custom data, or null when the warehouse has none
     */
    default CompletableFuture<CustomData> getVisitorWarehouseAudience(String visitorCode, String warehouseKey,
            int customDataIndex) {
        return getVisitorWarehouseAudienceAsync(visitorCode, customDataIndex, warehouseKey, null);
    }

    /**
     * The official SDK's name for {@link #onUpdateConfiguration(Runnable)}.
     *
     * @param handler called after each configuration update, or null to call nothing
     */
    default void updateConfigurationHandler(KameleoonUpdateConfigurationHandler handler) {
        onUpdateConfiguration(handler == null ? null : handler::onUpdate);
    }

    private void markUniqueIdentifier(String visitorCode, boolean isUniqueIdentifier) {
        if (isUniqueIdentifier) {
            addData(visitorCode, true, new UniqueIdentifier(true));
        }
    }
}
