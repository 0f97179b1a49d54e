package com.kameleoon.internal.datafile;

import com.kameleoon.internal.targeting.TargetingNode;

/**
 * A segment: its id, whether {@code evaluateAudiences} looks at it, and its condition tree.
 *
 * @param id the segment id
 * @param audienceTracking evaluated by {@code evaluateAudiences}
 * @param tree the condition tree; null when the segment has none (matches everyone when used by a rule)
 */
public record SegmentDef(int id, boolean audienceTracking, TargetingNode tree) {
}
