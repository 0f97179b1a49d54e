package com.kameleoon.testkit;

import com.kameleoon.data.DeviceType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One targeting condition of a {@link TestFlag} rule, written into the datafile as the condition the Kameleoon
 * app would produce, so that the client evaluates it with its real targeting code. Combine several with
 * {@link TestFlag#targeting(TestCondition...)} (all must hold) or {@link TestFlag#targetingAny(TestCondition...)}.
 *
 * <pre>{@code
 * flag("vip_shipping").serve("on").targeting(customData(1, "vip"))     // visitors with custom data 1 = "vip"
 * flag("beta").serve("on").targeting(visitorCode("tester-1"))           // one visitor only
 * flag("beta").serve("on").targeting(device(DeviceType.PHONE).not())    // everyone but phones
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class TestCondition {
    private final String targetingType;
    private final boolean include;
    private final Map<String, String> fields;
    private final String description;

    private TestCondition(String targetingType, boolean include, Map<String, String> fields, String description) {
        this.targetingType = targetingType;
        this.include = include;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields)); // ordered: stable JSON
        this.description = description;
    }

    /**
     * Holds when the visitor has custom data at {@code index} with one value exactly equal to {@code value}
     * (give it with {@code client.addData(code, new CustomData(index, value))}).
     *
     * @param index the custom data index
     * @param value the expected value (case-sensitive)
     * @return the condition
     */
    public static TestCondition customData(int index, String value) {
        Objects.requireNonNull(value, "value");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("customDataIndex", Integer.toString(index)); // the datafile carries the index as text
        fields.put("valueMatchType", "EXACT");
        fields.put("value", value);
        return new TestCondition("CUSTOM_DATUM", true, fields, "customData(" + index + ", \"" + value + "\")");
    }

    /**
     * Holds for one visitor code only: handy to switch a flag on for a named test visitor.
     *
     * @param code the visitor code (exact)
     * @return the condition
     */
    public static TestCondition visitorCode(String code) {
        if (code == null || code.isEmpty()) {
            throw new IllegalArgumentException("a visitor code is never empty");
        }
        return new TestCondition("VISITOR_CODE", true, visitorCodeFields(code), "visitorCode(\"" + code + "\")");
    }

    /**
     * Holds when the visitor's device (given with {@code client.addData(code, new Device(type))}) is of this type.
     *
     * @param type the device type
     * @return the condition
     */
    public static TestCondition device(DeviceType type) {
        Objects.requireNonNull(type, "type");
        return new TestCondition("DEVICE_TYPE", true, Map.of("device", type.name()), "device(" + type + ")");
    }

    /**
     * Holds for no visitor: a rule that is present but never applies (as a paused audience would be).
     *
     * @return the condition
     */
    public static TestCondition nobody() {
        // A visitor code is never empty, so "visitor code is exactly empty" matches nobody.
        return new TestCondition("VISITOR_CODE", true, visitorCodeFields(""), "nobody()");
    }

    /**
     * Holds for every visitor: a targeted rule whose audience is everyone.
     *
     * @return the condition
     */
    public static TestCondition everyone() {
        return new TestCondition("VISITOR_CODE", false, visitorCodeFields(""), "everyone()");
    }

    /** @return the opposite condition (the datafile's {@code isInclude: false}) */
    public TestCondition not() {
        String negated = description.startsWith("not(") ? description.substring(4, description.length() - 1)
                : "not(" + description + ")";
        return new TestCondition(targetingType, !include, fields, negated);
    }

    String targetingType() {
        return targetingType;
    }

    boolean include() {
        return include;
    }

    /** @return the type-specific keys of the condition object, all JSON strings */
    Map<String, String> fields() {
        return fields;
    }

    private static Map<String, String> visitorCodeFields(String code) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("visitorCode", code);
        fields.put("matchType", "EXACT");
        return fields;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TestCondition c && targetingType.equals(c.targetingType) && include == c.include
                && fields.equals(c.fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(targetingType, include, fields);
    }

    /** @return how the condition was declared, e.g. {@code customData(1, "vip")} */
    @Override
    public String toString() {
        return description;
    }
}
