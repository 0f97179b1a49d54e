package com.kameleoon.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A variation of a {@link TestFlag} with its variables, for flags whose variations carry more than a key.
 * Each method returns a new value, so one variation can be the starting point of several others.
 *
 * <pre>{@code
 * TestVariation.variation("on").variable("discount", 10).variable("headline", "Save 10%")
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class TestVariation {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String key;
    private final String name;
    private final List<TestVariable> variables;

    private TestVariation(String key, String name, List<TestVariable> variables) {
        this.key = key;
        this.name = name;
        this.variables = List.copyOf(variables);
    }

    /**
     * @param key the variation key that {@code getVariation(...).getKey()} returns
     * @return a variation without variables, named after its key
     */
    public static TestVariation variation(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a variation needs a non-empty key");
        }
        return new TestVariation(key, key, List.of());
    }

    /**
     * @param displayName what {@code Variation.getName()} returns (the key by default)
     * @return a copy with that name
     */
    public TestVariation name(String displayName) {
        return new TestVariation(key, Objects.requireNonNull(displayName, "displayName"), variables);
    }

    /**
     * @param variableKey the variable key
     * @param value the value, typed {@code BOOLEAN}
     * @return a copy with the variable (replacing one with the same key)
     */
    public TestVariation variable(String variableKey, boolean value) {
        return with(new TestVariable(variableKey, "BOOLEAN", value));
    }

    /**
     * @param variableKey the variable key
     * @param value the value, typed {@code NUMBER}; the client reads it back as an integral number
     * @return a copy with the variable (replacing one with the same key)
     */
    public TestVariation variable(String variableKey, long value) {
        return with(new TestVariable(variableKey, "NUMBER", value));
    }

    /**
     * @param variableKey the variable key
     * @param value the value, typed {@code NUMBER}; must be finite, as JSON has no NaN or infinity
     * @return a copy with the variable (replacing one with the same key)
     */
    public TestVariation variable(String variableKey, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("variable '" + variableKey + "': a NUMBER must be finite: " + value);
        }
        return with(new TestVariable(variableKey, "NUMBER", value));
    }

    /**
     * @param variableKey the variable key
     * @param value the value, typed {@code STRING}
     * @return a copy with the variable (replacing one with the same key)
     */
    public TestVariation variable(String variableKey, String value) {
        return with(new TestVariable(variableKey, "STRING", value));
    }

    /**
     * A {@code JSON} variable: the datafile carries it as text, and the client hands it out parsed (a map, a list
     * or a scalar).
     *
     * @param variableKey the variable key
     * @param json valid JSON text, e.g. {@code {"columns":3}}
     * @return a copy with the variable (replacing one with the same key)
     * @throws IllegalArgumentException when the text is not JSON (the client would then serve {@code null})
     */
    public TestVariation jsonVariable(String variableKey, String json) {
        Objects.requireNonNull(json, "json");
        try {
            JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("variable '" + variableKey + "' is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
        return with(new TestVariable(variableKey, "JSON", json));
    }

    /**
     * @param variableKey the variable key
     * @param code JavaScript code, typed {@code JS} (it makes the experiment JS-bearing in hybrid mode)
     * @return a copy with the variable (replacing one with the same key)
     */
    public TestVariation jsVariable(String variableKey, String code) {
        return with(new TestVariable(variableKey, "JS", code));
    }

    /**
     * @param variableKey the variable key
     * @param css CSS code, typed {@code CSS}
     * @return a copy with the variable (replacing one with the same key)
     */
    public TestVariation cssVariable(String variableKey, String css) {
        return with(new TestVariable(variableKey, "CSS", css));
    }

    /** @return the variation key */
    public String key() {
        return key;
    }

    /** @return the display name */
    public String name() {
        return name;
    }

    List<TestVariable> variables() {
        return variables;
    }

    private TestVariation with(TestVariable variable) {
        List<TestVariable> copy = new ArrayList<>(variables);
        copy.removeIf(v -> v.key().equals(variable.key()));
        copy.add(variable);
        return new TestVariation(key, name, copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TestVariation v && key.equals(v.key) && name.equals(v.name)
                && variables.equals(v.variables);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, name, variables);
    }

    @Override
    public String toString() {
        return "TestVariation[" + key + (variables.isEmpty() ? "" : ", variables=" + variables) + "]";
    }
}
