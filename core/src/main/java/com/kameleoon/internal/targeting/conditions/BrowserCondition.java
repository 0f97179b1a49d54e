package com.kameleoon.internal.targeting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.data.Browser;
import com.kameleoon.data.BrowserType;
import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.targeting.TargetingContext;
import com.kameleoon.internal.visitor.Visitor;

/**
 * {@code BROWSER} (docs/evaluation.md#browser): the visitor's browser is of type {@code browser} and, when the
 * condition has a {@code version}, its version compares as {@code versionMatchType} says with the
 * condition's {@code major.minor}. A version that is not a valid version (including {@code ""}) never
 * matches; a visitor browser without version (NaN) fails every comparison. Immutable and thread-safe.
 *
 * @param browser the expected browser type
 * @param versioned true when the condition has a {@code version}
 * @param version the condition's version as {@code major.minor}, NaN when invalid
 * @param match the version operator
 */
public record BrowserCondition(BrowserType browser, boolean versioned, double version, NumberMatch match)
        implements Condition {
    /** The {@code targetingType}. */
    public static final String TYPE = "BROWSER";

    /**
     * Parses {@code browser}, {@code version} and {@code versionMatchType}.
     *
     * @param json the condition object
     * @return the condition
     */
    public static BrowserCondition fromJson(JsonNode json) {
        BrowserType type = browserType(JsonFields.text(json, "browser", null));
        String versionText = JsonFields.text(json, "version", null);
        if (versionText == null) {
            return new BrowserCondition(type, false, Double.NaN, NumberMatch.UNSUPPORTED);
        }
        SemanticVersion version = SemanticVersion.parse(versionText);
        NumberMatch match = NumberMatch.of(JsonFields.text(json, "versionMatchType", null), TYPE, "versionMatchType");
        return new BrowserCondition(type, true, version == null ? Double.NaN : version.majorMinor(), match);
    }

    /** PHP also knows the long name {@code INTERNET_EXPLORER}; every other name means OTHER. */
    private static BrowserType browserType(String name) {
        if (name == null) {
            return BrowserType.OTHER;
        }
        switch (name) {
            case "CHROME":
                return BrowserType.CHROME;
            case "IE":
            case "INTERNET_EXPLORER":
                return BrowserType.INTERNET_EXPLORER;
            case "FIREFOX":
                return BrowserType.FIREFOX;
            case "SAFARI":
                return BrowserType.SAFARI;
            case "OPERA":
                return BrowserType.OPERA;
            default:
                return BrowserType.OTHER;
        }
    }

    @Override
    public boolean check(TargetingContext context) {
        Visitor visitor = context.visitor();
        Browser visitorBrowser = visitor == null ? null : visitor.browser();
        if (visitorBrowser == null || visitorBrowser.type() != browser) {
            return false;
        }
        return !versioned || match.holds(visitorBrowser.version(), version);
    }
}
