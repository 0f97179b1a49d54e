package com.kameleoon.jakarta.internal;

import com.kameleoon.data.CustomData;
import com.kameleoon.data.Data;
import com.kameleoon.exceptions.FeatureVariableNotFound;
import com.kameleoon.KameleoonClient;
import com.kameleoon.integration.VisitorUnit;
import com.kameleoon.jakarta.KameleoonVisitor;
import com.kameleoon.types.Variable;
import com.kameleoon.types.Variation;
import java.util.List;
import java.util.Map;

/**
 * The request's visitor: forwards to the client with the request's code. Thread-safe as the client is.
 */
public final class RequestVisitor implements KameleoonVisitor {
    private final KameleoonClient client;
    private final RequestBinding binding;
    private final VisitorUnit unit;

    /**
     * @param client the client
     * @param binding the request's visitor
     * @param unit the request's unit of work
     */
    public RequestVisitor(KameleoonClient client, RequestBinding binding, VisitorUnit unit) {
        this.client = client;
        this.binding = binding;
        this.unit = unit;
    }

    @Override
    public String getCode() {
        return binding.visitorCode();
    }

    @Override
    public Variation getVariation(String featureKey) {
        return client.getVariation(getCode(), featureKey);
    }

    @Override
    public Variation getVariation(String featureKey, boolean track) {
        return client.getVariation(getCode(), featureKey, track);
    }

    @Override
    public Object getVariable(String featureKey, String variableKey) {
        Variable variable = getVariation(featureKey).getVariables().get(variableKey);
        if (variable == null) {
            throw new FeatureVariableNotFound("Feature variable '" + variableKey + "' not found in feature '"
                    + featureKey + "'");
        }
        return variable.getValue();
    }

    @Override
    public boolean isFeatureActive(String featureKey) {
        return client.isFeatureActive(getCode(), featureKey);
    }

    @Override
    public boolean isFeatureActive(String featureKey, boolean track) {
        return client.isFeatureActive(getCode(), featureKey, track);
    }

    @Override
    public Map<String, Variation> getVariations() {
        return client.getVariations(getCode());
    }

    @Override
    public Map<String, Variation> getVariations(boolean onlyActive, boolean track) {
        return client.getVariations(getCode(), onlyActive, track);
    }

    @Override
    public void addData(Data... data) {
        client.addData(getCode(), data);
    }

    @Override
    public void trackConversion(int goalId) {
        client.trackConversion(getCode(), goalId);
    }

    @Override
    public void trackConversion(int goalId, double revenue) {
        client.trackConversion(getCode(), goalId, revenue);
    }

    @Override
    public void trackConversion(int goalId, double revenue, boolean negative, List<CustomData> metadata) {
        client.trackConversion(getCode(), goalId, revenue, negative, metadata);
    }

    @Override
    public String getEngineTrackingCode() {
        return client.getEngineTrackingCode(getCode());
    }

    @Override
    public void setLegalConsent(boolean consent) {
        client.setLegalConsent(getCode(), consent, binding.cookies());
    }

    @Override
    public void commit() {
        unit.commit();
    }

    @Override
    public String toString() {
        return "KameleoonVisitor[" + getCode() + "]";
    }
}
