package com.kameleoon.internal.targeting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.data.Cookie;
import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.targeting.TargetingContext;
import com.kameleoon.internal.visitor.Visitor;
import java.util.Map;

/**
 * {@code COOKIE} (docs/evaluation.md#cookie): among the visitor's cookies whose name matches ({@code EXACT}: the one
 * cookie of that name; {@code CONTAINS} / {@code REGULAR_EXPRESSION}: every matching name), some value matches. Value
 * EXACT is strict equality (docs/evaluation.md#strict-comparisons). Without Cookie data it never matches. Immutable and
 * thread-safe.
 *
 * @param name the cookie name as given ({@code name})
 * @param exactName true when {@code nameMatchType} is EXACT, so one map lookup selects the cookie
 * @param nameMatch the match on names ({@code nameMatchType})
 * @param valueMatch the match on values ({@code value}, {@code valueMatchType})
 */
public record CookieCondition(String name, boolean exactName, StringMatch nameMatch, StringMatch valueMatch)
        implements Condition {
    /** The {@code targetingType}. */
    public static final String TYPE = "COOKIE";

    /**
     * Parses {@code name}, {@code nameMatchType}, {@code value}, {@code valueMatchType}; missing texts are
     * empty.
     *
     * @param json the condition object
     * @return the condition
     */
    public static CookieCondition fromJson(JsonNode json) {
        String name = JsonFields.text(json, "name", "");
        String nameOperator = JsonFields.text(json, "nameMatchType", null);
        return new CookieCondition(name, "EXACT".equals(nameOperator),
                StringMatch.of(nameOperator, name, TYPE, "nameMatchType"),
                StringMatch.of(JsonFields.text(json, "valueMatchType", null), JsonFields.text(json, "value", ""), TYPE,
                        "valueMatchType"));
    }

    @Override
    public boolean check(TargetingContext context) {
        Visitor visitor = context.visitor();
        Cookie cookie = visitor == null ? null : visitor.cookie();
        if (cookie == null) {
            return false;
        }
        Map<String, String> cookies = cookie.cookies();
        if (exactName) {
            return valueMatch.matches(cookies.get(name));
        }
        for (Map.Entry<String, String> entry : cookies.entrySet()) {
            if (nameMatch.matches(entry.getKey()) && valueMatch.matches(entry.getValue())) {
                return true;
            }
        }
        return false;
    }
}
