package com.kameleoon.jakarta.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.CookieJar;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Data;
import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonUpdateConfigurationHandler;
import com.kameleoon.jakarta.KameleoonServletClient;
import com.kameleoon.jakarta.KameleoonVisitor;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;
import com.kameleoon.types.DataFile;
import com.kameleoon.types.RemoteVisitorDataFilter;
import com.kameleoon.types.Variation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The container-owned client: every call goes to the web application's {@link KameleoonClient}, the
 * servlet overloads use the request's visitor when the filter bound one, and {@link #close()} is left to the
 * undeploy. Thread-safe.
 */
public final class ServletClient implements KameleoonServletClient {
    private final KameleoonClient delegate;

    /** @param delegate the client that does the work */
    public ServletClient(KameleoonClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public String getVisitorCode(HttpServletRequest request, HttpServletResponse response, String defaultVisitorCode) {
        Object bound = request.getAttribute(KameleoonVisitor.class.getName());
        if (bound instanceof KameleoonVisitor) {
            return ((KameleoonVisitor) bound).getCode();
        }
        return delegate.getVisitorCode(new ServletCookieJar(request, response), defaultVisitorCode);
    }

    @Override
    public void setLegalConsent(String visitorCode, boolean consent, HttpServletResponse response) {
        delegate.setLegalConsent(visitorCode, consent, new ServletCookieJar(null, response));
    }

    @Override
    public String getVisitorCode(Object request, Object response, String defaultVisitorCode) {
        // The official SDK's untyped form: a Jakarta exchange goes the typed way, so the filter's choice holds.
        if (request instanceof HttpServletRequest && response instanceof HttpServletResponse) {
            return getVisitorCode((HttpServletRequest) request, (HttpServletResponse) response, defaultVisitorCode);
        }
        return delegate.getVisitorCode(request, response, defaultVisitorCode);
    }

    @Override
    public void setLegalConsent(String visitorCode, boolean consent, Object response) {
        if (response instanceof HttpServletResponse) {
            setLegalConsent(visitorCode, consent, (HttpServletResponse) response);
        } else {
            delegate.setLegalConsent(visitorCode, consent, response);
        }
    }

    @Override
    public void updateConfigurationHandler(KameleoonUpdateConfigurationHandler handler) {
        delegate.updateConfigurationHandler(handler);
    }

    @Override
    public void close() {
        KameleoonLogger.once(LogLevel.WARNING, "container-client-close", "close() on the container's Kameleoon "
                + "client is ignored: it is closed when the web application is undeployed");
    }

    @Override
    public CompletableFuture<Boolean> waitInit() {
        return delegate.waitInit();
    }

    @Override
    public boolean isReady() {
        return delegate.isReady();
    }

    @Override
    public Variation getVariation(String visitorCode, String featureKey, boolean track) {
        return delegate.getVariation(visitorCode, featureKey, track);
    }

    @Override
    public Map<String, Variation> getVariations(String visitorCode, boolean onlyActive, boolean track) {
        return delegate.getVariations(visitorCode, onlyActive, track);
    }

    @Override
    public boolean isFeatureActive(String visitorCode, String featureKey, boolean track) {
        return delegate.isFeatureActive(visitorCode, featureKey, track);
    }

    @Override
    public void addData(String visitorCode, boolean track, Data... data) {
        delegate.addData(visitorCode, track, data);
    }

    @Override
    public void flush(String visitorCode, boolean instant) {
        delegate.flush(visitorCode, instant);
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public void trackConversion(String visitorCode, int goalId, double revenue, boolean negative, List<CustomData> metadata) {
        delegate.trackConversion(visitorCode, goalId, revenue, negative, metadata);
    }

    @Override
    public void setForcedVariation(String visitorCode, int experimentId, String variationKey, boolean forceTargeting) {
        delegate.setForcedVariation(visitorCode, experimentId, variationKey, forceTargeting);
    }

    @Override
    public void evaluateAudiences(String visitorCode) {
        delegate.evaluateAudiences(visitorCode);
    }

    @Override
    public void setLegalConsent(String visitorCode, boolean consent, CookieJar cookies) {
        delegate.setLegalConsent(visitorCode, consent, cookies);
    }

    @Override
    public String getVisitorCode(CookieJar cookies, String defaultVisitorCode) {
        return delegate.getVisitorCode(cookies, defaultVisitorCode);
    }

    @Override
    public String getEngineTrackingCode(String visitorCode) {
        return delegate.getEngineTrackingCode(visitorCode);
    }

    @Override
    public JsonNode getRemoteData(String key, Duration timeout) {
        return delegate.getRemoteData(key, timeout);
    }

    @Override
    public CompletableFuture<JsonNode> getRemoteDataAsync(String key, Duration timeout) {
        return delegate.getRemoteDataAsync(key, timeout);
    }

    @Override
    public List<Data> getRemoteVisitorData(String visitorCode, boolean addData, RemoteVisitorDataFilter filter, Duration timeout) {
        return delegate.getRemoteVisitorData(visitorCode, addData, filter, timeout);
    }

    @Override
    public CompletableFuture<List<Data>> getRemoteVisitorDataAsync(String visitorCode, boolean addData, RemoteVisitorDataFilter filter, Duration timeout) {
        return delegate.getRemoteVisitorDataAsync(visitorCode, addData, filter, timeout);
    }

    @Override
    public CustomData getVisitorWarehouseAudience(String visitorCode, int customDataIndex, String warehouseKey, Duration timeout) {
        return delegate.getVisitorWarehouseAudience(visitorCode, customDataIndex, warehouseKey, timeout);
    }

    @Override
    public CompletableFuture<CustomData> getVisitorWarehouseAudienceAsync(String visitorCode, int customDataIndex, String warehouseKey, Duration timeout) {
        return delegate.getVisitorWarehouseAudienceAsync(visitorCode, customDataIndex, warehouseKey, timeout);
    }

    @Override
    public DataFile getDataFile() {
        return delegate.getDataFile();
    }

    @Override
    public List<String> getFeatureList() {
        return delegate.getFeatureList();
    }

    @Override
    public void onUpdateConfiguration(Runnable handler) {
        delegate.onUpdateConfiguration(handler);
    }

    @Override
    public void onConfigurationFetch(java.util.function.Consumer<com.kameleoon.ConfigurationFetch> listener) {
        delegate.onConfigurationFetch(listener);
    }

    @Override
    @Deprecated
    @SuppressWarnings("deprecation")
    public String getFeatureVariationKey(String visitorCode, String featureKey) {
        return delegate.getFeatureVariationKey(visitorCode, featureKey);
    }

    @Override
    @Deprecated
    @SuppressWarnings("deprecation")
    public Object getFeatureVariable(String visitorCode, String featureKey, String variableKey) {
        return delegate.getFeatureVariable(visitorCode, featureKey, variableKey);
    }

    @Override
    @Deprecated
    @SuppressWarnings("deprecation")
    public Map<String, Object> getFeatureVariationVariables(String featureKey, String variationKey) {
        return delegate.getFeatureVariationVariables(featureKey, variationKey);
    }

    @Override
    @Deprecated
    @SuppressWarnings("deprecation")
    public Map<String, Variation> getActiveFeatures(String visitorCode) {
        return delegate.getActiveFeatures(visitorCode);
    }

    @Override
    @Deprecated
    @SuppressWarnings("deprecation")
    public List<String> getActiveFeatureListForVisitor(String visitorCode) {
        return delegate.getActiveFeatureListForVisitor(visitorCode);
    }
}
