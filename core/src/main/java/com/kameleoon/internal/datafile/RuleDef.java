package com.kameleoon.internal.datafile;

import com.kameleoon.internal.visitor.RuleType;
import java.util.List;

/**
 * A compiled rule. The hash suffixes are precomputed: {@code id + respoolTime} for the exposition hash and
 * {@code experimentId + respoolTime} for the variation hash.
 *
 * @param id the rule id
 * @param type the rule type
 * @param exposition the share of targeted visitors that enter the rule
 * @param experimentId the experiment id
 * @param respoolTime the re-pooling marker, null when none
 * @param segmentId the targeting segment id, null when none
 * @param segment the resolved segment, null when none or unknown (everyone is targeted)
 * @param variations the variation split in order
 * @param expositionHashSuffix text appended to the bucketing code for the exposition hash
 * @param variationHashSuffix text appended to the bucketing code for the variation hash
 */
public record RuleDef(int id, RuleType type, double exposition, int experimentId, Long respoolTime,
        Integer segmentId, SegmentDef segment, List<VariationByExposition> variations, String expositionHashSuffix,
        String variationHashSuffix) {
}
