package com.kameleoon.internal.targeting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.data.ApplicationVersion;
import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.targeting.TargetingContext;
import com.kameleoon.internal.visitor.Visitor;

/**
 * {@code APPLICATION_VERSION} (docs/evaluation.md#application_version): the visitor's application version compares with
 * {@code version} as {@code versionMatchType} says, part by part ({@code "1.10.0"} is greater than
 * {@code "1.9.9"}). If either version is invalid (see {@link SemanticVersion}) it never matches. Immutable
 * and thread-safe.
 *
 * @param version the condition's version, null when absent or invalid
 * @param match the operator
 */
public record ApplicationVersionCondition(SemanticVersion version, NumberMatch match) implements Condition {
    /** The {@code targetingType}. */
    public static final String TYPE = "APPLICATION_VERSION";

    /**
     * Parses {@code version} and {@code versionMatchType}.
     *
     * @param json the condition object
     * @return the condition
     */
    public static ApplicationVersionCondition fromJson(JsonNode json) {
        return new ApplicationVersionCondition(SemanticVersion.parse(JsonFields.text(json, "version", null)),
                NumberMatch.of(JsonFields.text(json, "versionMatchType", null), TYPE, "versionMatchType"));
    }

    @Override
    public boolean check(TargetingContext context) {
        Visitor visitor = context.visitor();
        ApplicationVersion applicationVersion = visitor == null ? null : visitor.applicationVersion();
        if (applicationVersion == null || version == null) {
            return false;
        }
        int comparison = version.compareToText(applicationVersion.version());
        return comparison != SemanticVersion.INVALID && match.holds(comparison);
    }
}
