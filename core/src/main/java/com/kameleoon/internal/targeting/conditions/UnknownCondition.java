package com.kameleoon.internal.targeting.conditions;

import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.targeting.TargetingContext;

/**
 * A condition of a type this SDK does not evaluate: {@code VISITS_BY_PAGE}, the web-only types
 * ({@code ORIGIN}, {@code JS_CODE}, {@code DAY_OF_WEEK}, ...) and any future type. It checks as true; the
 * enclosing leaf still applies {@code isInclude}, so an excluded unknown condition is false (PHP,
 * docs/evaluation.md#unknown-condition-types). Immutable and thread-safe.
 *
 * @param targetingType the type as written in the datafile, null when absent
 */
public record UnknownCondition(String targetingType) implements Condition {
    @Override
    public boolean check(TargetingContext context) {
        return true;
    }
}
