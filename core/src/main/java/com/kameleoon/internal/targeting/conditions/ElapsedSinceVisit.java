package com.kameleoon.internal.targeting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.internal.targeting.TargetingContext;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.internal.visitor.VisitorVisits;
import java.util.List;

/** What {@code FIRST_VISIT} and {@code LAST_VISIT} share: the time elapsed since a previous visit's start. */
final class ElapsedSinceVisit {
    private ElapsedSinceVisit() {
    }

    /** @return {@code countInMillis}, or null when absent */
    static Long countInMillis(JsonNode json) {
        return JsonFields.has(json, "countInMillis") ? Long.valueOf(JsonFields.longInteger(json, "countInMillis", 0))
                : null;
    }

    /**
     * @param oldest true for the oldest previous visit, false for the most recent
     * @return whether {@code elapsed <match> countInMillis}; false without previous visits or count
     */
    static boolean holds(TargetingContext context, Long countInMillis, NumberMatch match, boolean oldest) {
        Visitor visitor = context.visitor();
        if (countInMillis == null || visitor == null) {
            return false;
        }
        List<VisitorVisits.Visit> previous = visitor.visits().previousVisits();
        if (previous.isEmpty()) {
            return false;
        }
        // Most recent first: the oldest is the last one.
        VisitorVisits.Visit visit = oldest ? previous.get(previous.size() - 1) : previous.get(0);
        return match.holds(context.nowMillis() - visit.timeStarted(), countInMillis);
    }
}
