package com.kameleoon.internal.targeting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.targeting.TargetingContext;

/**
 * {@code SDK_LANGUAGE} (docs/evaluation.md#sdk_language): the SDK is {@code sdkLanguage} (this one is {@code JAVA}, so
 * conditions written for PHP or Go never match) and, when the condition has a {@code version}, the SDK's
 * own version compares with it as {@code versionMatchType} says (APPLICATION_VERSION rules). An invalid
 * condition version never matches. Immutable and thread-safe.
 *
 * @param sdkLanguage the expected SDK name, exact
 * @param versioned true when the condition has a {@code version}
 * @param version the condition's version, null when invalid
 * @param match the version operator
 */
public record SdkLanguageCondition(String sdkLanguage, boolean versioned, SemanticVersion version,
        NumberMatch match) implements Condition {
    /** The {@code targetingType}. */
    public static final String TYPE = "SDK_LANGUAGE";

    /**
     * Parses {@code sdkLanguage}, {@code version} and {@code versionMatchType}.
     *
     * @param json the condition object
     * @return the condition
     */
    public static SdkLanguageCondition fromJson(JsonNode json) {
        String language = JsonFields.text(json, "sdkLanguage", "");
        String versionText = JsonFields.text(json, "version", null);
        if (versionText == null) {
            return new SdkLanguageCondition(language, false, null, NumberMatch.UNSUPPORTED);
        }
        return new SdkLanguageCondition(language, true, SemanticVersion.parse(versionText),
                NumberMatch.of(JsonFields.text(json, "versionMatchType", null), TYPE, "versionMatchType"));
    }

    @Override
    public boolean check(TargetingContext context) {
        if (!sdkLanguage.equals(context.sdkName())) {
            return false;
        }
        if (!versioned) {
            return true;
        }
        if (version == null) {
            return false;
        }
        int comparison = version.compareToText(context.sdkVersion());
        return comparison != SemanticVersion.INVALID && match.holds(comparison);
    }
}
