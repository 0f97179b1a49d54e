package com.kameleoon.types;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The variation a visitor gets for a feature flag. {@link #getId()} and {@link #getExperimentId()} are null
 * for the flag's default variation (no rule assigned one). Immutable; instances are shared between calls.
 */
public final class Variation {
    private final String key;
    private final String name;
    private final Integer id;
    private final Integer experimentId;
    private final Map<String, Variable> variables;

    /**
     * Creates a variation.
     *
     * @param key the variation key
     * @param name the display name ("" when none)
     * @param id the variation id inside the experiment, null for a default variation
     * @param experimentId the experiment id, null for a default variation
     * @param variables the variables by key, in datafile order; copied
     */
    public Variation(String key, String name, Integer id, Integer experimentId, Map<String, Variable> variables) {
        this.key = Objects.requireNonNull(key, "key");
        this.name = name == null ? "" : name;
        this.id = id;
        this.experimentId = experimentId;
        this.variables = variables == null || variables.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /**
     * Creates a variation without a display name (the official SDK's form).
     *
     * @param key the variation key
     * @param id the variation id inside the experiment, null for a default variation
     * @param experimentId the experiment id, null for a default variation
     * @param variables the variables by key; copied
     */
    public Variation(String key, Integer id, Integer experimentId, Map<String, Variable> variables) {
        this(key, "", id, experimentId, variables);
    }

    /**
     * Returns the same variation with other ids (the flag-level variation seen through a rule).
     *
     * @param newId the variation id
     * @param newExperimentId the experiment id
     * @return the copy, sharing the variables
     */
    public Variation withIds(Integer newId, Integer newExperimentId) {
        return new Variation(key, name, newId, newExperimentId, variables);
    }

    /** @return the variation key */
    public String getKey() {
        return key;
    }

    /** @return the display name, "" when none */
    public String getName() {
        return name;
    }

    /** @return the variation id, null for a default variation */
    public Integer getId() {
        return id;
    }

    /** @return the experiment id, null for a default variation */
    public Integer getExperimentId() {
        return experimentId;
    }

    /** @return the variables by key, in datafile order, unmodifiable */
    public Map<String, Variable> getVariables() {
        return variables;
    }

    /**
     * Looks one variable up.
     *
     * @param variableKey the key
     * @return the variable, or null when the variation has none with that key
     */
    public Variable getVariable(String variableKey) {
        return variables.get(variableKey);
    }

    /**
     * Reads one variable's value as a given type, falling back (with a warning) when the variation has no such
     * variable or its value has another type: see {@link Variable#getValue(Class, Object)}.
     *
     * @param variableKey the key
     * @param type the type the caller uses
     * @param fallback what to use when the variable is missing or of another type
     * @param <T> the type
     * @return the value, or the fallback
     */
    public <T> T getVariableValue(String variableKey, Class<T> type, T fallback) {
        Variable variable = variables.get(variableKey);
        if (variable == null) {
            TypeMismatches.warn(variableKey, "missing from variation '" + key + "'", type, fallback);
            return fallback;
        }
        return variable.getValue(type, fallback);
    }

    /** @return true unless the key is exactly {@code "off"} */
    public boolean isActive() {
        return !"off".equals(key);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Variation)) {
            return false;
        }
        Variation other = (Variation) o;
        return key.equals(other.key) && name.equals(other.name) && Objects.equals(id, other.id)
                && Objects.equals(experimentId, other.experimentId) && variables.equals(other.variables);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, id, experimentId);
    }

    @Override
    public String toString() {
        return "Variation{key=" + key + ", id=" + id + ", experimentId=" + experimentId + ", variables="
                + variables.values() + '}';
    }
}
