package com.kameleoon.internal.targeting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.targeting.TargetingContext;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.internal.visitor.VisitorVisits;
import java.time.Instant;
import java.time.ZoneId;

/**
 * {@code SAME_DAY_VISITS} (docs/evaluation.md#same_day_visits): compares the number of today's visits with
 * {@code visitCount}. Previous visits are counted from the most recent backwards while they started today;
 * the current visit (the visitor object's start; without visitor object, the start of today) adds one if
 * it started today. "Today" begins at midnight in {@link TargetingContext#zone()}. An absent
 * {@code visitCount} never matches. Immutable and thread-safe.
 *
 * @param visitCount the number compared with, null when absent
 * @param match the operator ({@code matchType})
 */
public record SameDayVisitsCondition(Integer visitCount, NumberMatch match) implements Condition {
    /** The {@code targetingType}. */
    public static final String TYPE = "SAME_DAY_VISITS";

    /**
     * Parses {@code visitCount} and {@code matchType}.
     *
     * @param json the condition object
     * @return the condition
     * @throws IllegalArgumentException when {@code visitCount} is not an integer
     */
    public static SameDayVisitsCondition fromJson(JsonNode json) {
        return new SameDayVisitsCondition(JsonFields.optionalInteger(json, "visitCount"),
                NumberMatch.of(JsonFields.text(json, "matchType", null), TYPE, "matchType"));
    }

    @Override
    public boolean check(TargetingContext context) {
        if (visitCount == null) {
            return false;
        }
        long startOfToday = startOfDay(context.nowMillis(), context.zone());
        Visitor visitor = context.visitor();
        VisitorVisits visits = visitor == null ? VisitorVisits.EMPTY : visitor.visits();
        long currentVisitStart = visitor == null ? startOfToday : visitor.timeStarted();
        int count = currentVisitStart >= startOfToday ? 1 : 0;
        for (int i = 0; i < visits.previousVisits().size(); i++) {
            if (visits.previousVisits().get(i).timeStarted() < startOfToday) {
                break;
            }
            count++;
        }
        return match.holds(count, visitCount);
    }

    /** Midnight of the day containing {@code nowMillis}; DST gaps at midnight resolve to the first valid time. */
    static long startOfDay(long nowMillis, ZoneId zone) {
        ZoneId effective = zone == null ? ZoneId.systemDefault() : zone;
        return Instant.ofEpochMilli(nowMillis).atZone(effective).toLocalDate().atStartOfDay(effective).toInstant()
                .toEpochMilli();
    }
}
