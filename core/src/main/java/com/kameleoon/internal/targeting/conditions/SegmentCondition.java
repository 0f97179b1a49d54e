package com.kameleoon.internal.targeting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.datafile.SegmentDef;
import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.targeting.TargetingContext;

/**
 * {@code SEGMENT} (docs/evaluation.md#segment): segment {@code segmentId} matches, evaluated with the same visitor
 * and current experiment. An unknown segment, or one without tree, never matches (PHP; used by a rule, a
 * segment without tree would match everyone). Segments may reference each other in cycles: past
 * {@link TargetingContext#MAX_SEGMENT_DEPTH} nested references the reference is a no-match. The segment is
 * looked up at evaluation, so the condition does not depend on segment order in the datafile. Immutable and
 * thread-safe.
 *
 * @param segmentId the segment, null when absent (never matches)
 */
public record SegmentCondition(Integer segmentId) implements Condition {
    /** The {@code targetingType}. */
    public static final String TYPE = "SEGMENT";

    /**
     * Parses {@code segmentId}.
     *
     * @param json the condition object
     * @return the condition
     * @throws IllegalArgumentException when {@code segmentId} is not an integer
     */
    public static SegmentCondition fromJson(JsonNode json) {
        return new SegmentCondition(JsonFields.optionalInteger(json, "segmentId"));
    }

    @Override
    public boolean check(TargetingContext context) {
        Configuration configuration = context.configuration();
        if (segmentId == null || configuration == null) {
            return false;
        }
        SegmentDef segment = configuration.segment(segmentId);
        if (segment == null || segment.tree() == null) {
            return false;
        }
        if (!context.enterSegment(segmentId)) {
            return false;
        }
        try {
            return segment.tree().evaluate(context);
        } finally {
            context.exitSegment();
        }
    }
}
