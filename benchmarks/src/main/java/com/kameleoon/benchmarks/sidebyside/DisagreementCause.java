package com.kameleoon.benchmarks.sidebyside;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Names the datafile feature that a flag's disagreements come from, mechanically, from the datafile alone: the
 * first of these that the flag has, in this order, is its cause (a flag with two features counts under the first):
 *
 * <ol>
 *   <li>{@code mutually exclusive group}: the flag's {@code mutuallyExclusiveGroup} is set;</li>
 *   <li>{@code holdout}: the datafile has a {@code holdout};</li>
 *   <li>{@code consent required}: {@code configuration.consentType} is {@code REQUIRED} (no visitor consented);</li>
 *   <li>{@code bucketing on custom data}: the flag's {@code bucketingCustomDataId} is set;</li>
 *   <li>{@code condition unknown to the official SDK: T…}: a rule's segment reaches (through {@code SEGMENT}
 *       conditions) a condition type that the official SDK's own {@code TargetingConditionType.fromString} maps to
 *       {@code UNKNOWN} (reported by the official side);</li>
 *   <li>{@code targeting on T…}: the condition types its rules' segments reach;</li>
 *   <li>{@code no targeting}: none of the above (bucketing or rule order).</li>
 * </ol>
 */
public final class DisagreementCause {
    private final JsonNode datafile;
    private final Set<String> unsupported;
    private final Map<Integer, JsonNode> segments = new HashMap<>();

    /**
     * @param datafile the parsed datafile
     * @param unsupported condition types the official SDK does not know
     */
    public DisagreementCause(JsonNode datafile, Set<String> unsupported) {
        this.datafile = datafile;
        this.unsupported = unsupported;
        for (JsonNode segment : datafile.path("segments")) {
            segments.put(segment.path("id").asInt(), segment);
        }
    }

    /**
     * @param flagKey a flag of the datafile
     * @return its cause, as the class comment orders them
     */
    public String of(String flagKey) {
        JsonNode flag = null;
        for (JsonNode candidate : datafile.path("featureFlags")) {
            if (candidate.path("featureKey").asText().equals(flagKey)) {
                flag = candidate;
            }
        }
        if (flag == null) {
            return "flag missing from the datafile";
        }
        if (!flag.path("mutuallyExclusiveGroup").isNull() && !flag.path("mutuallyExclusiveGroup").isMissingNode()) {
            return "mutually exclusive group";
        }
        if (!datafile.path("holdout").isNull() && !datafile.path("holdout").isMissingNode()) {
            return "holdout";
        }
        if (datafile.path("configuration").path("consentType").asText().equals("REQUIRED")) {
            return "consent required";
        }
        if (!flag.path("bucketingCustomDataId").isNull() && !flag.path("bucketingCustomDataId").isMissingNode()) {
            return "bucketing on custom data";
        }
        Set<String> types = new TreeSet<>();
        for (JsonNode rule : flag.path("rules")) {
            if (rule.path("segmentId").canConvertToInt() && !rule.path("segmentId").isNull()) {
                collect(rule.path("segmentId").asInt(), types, new TreeSet<>());
            }
        }
        Set<String> unknown = new TreeSet<>(types);
        unknown.retainAll(unsupported);
        if (!unknown.isEmpty()) {
            return "condition unknown to the official SDK: " + String.join(", ", unknown);
        }
        return types.isEmpty() ? "no targeting" : "targeting on " + String.join(", ", types);
    }

    private void collect(int segmentId, Set<String> types, Set<Integer> seen) {
        JsonNode segment = segments.get(segmentId);
        if (segment == null || !seen.add(segmentId)) {
            return;
        }
        for (JsonNode level : segment.path("conditionsData").path("firstLevel")) {
            for (JsonNode condition : level.path("conditions")) {
                String type = condition.path("targetingType").asText();
                if (type.equals("SEGMENT")) {
                    collect(condition.path("segmentId").asInt(), types, seen);
                } else {
                    types.add(type);
                }
            }
        }
    }
}
