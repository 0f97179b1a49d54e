package com.kameleoon.internal.targeting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.data.OperatingSystem;
import com.kameleoon.data.OperatingSystemType;
import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.targeting.TargetingContext;
import com.kameleoon.internal.visitor.Visitor;

/**
 * {@code OPERATING_SYSTEM} (docs/evaluation.md#operating_system): the visitor's operating system is {@code os}
 * ({@code WINDOWS}, {@code MAC}, {@code IOS}, {@code LINUX}, {@code ANDROID}, {@code WINDOWS_PHONE}).
 * Immutable and thread-safe.
 *
 * @param os the expected system, null when the datafile names none or an unknown one (never matches)
 */
public record OperatingSystemCondition(OperatingSystemType os) implements Condition {
    /** The {@code targetingType}. */
    public static final String TYPE = "OPERATING_SYSTEM";

    /**
     * Parses {@code os}.
     *
     * @param json the condition object
     * @return the condition
     */
    public static OperatingSystemCondition fromJson(JsonNode json) {
        String name = JsonFields.text(json, "os", null);
        for (OperatingSystemType type : OperatingSystemType.values()) {
            if (type.name().equals(name)) {
                return new OperatingSystemCondition(type);
            }
        }
        return new OperatingSystemCondition(null);
    }

    @Override
    public boolean check(TargetingContext context) {
        Visitor visitor = context.visitor();
        OperatingSystem os = visitor == null ? null : visitor.operatingSystem();
        return os != null && this.os != null && os.type() == this.os;
    }
}
