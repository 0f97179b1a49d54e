package com.kameleoon.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link TestDataFile} in the v3 datafile format that the SDK fetches from {@code /v3/{siteCode}}: the
 * project settings, one segment per targeted rule, and the flags with their variations, variables and rules.
 * Built as a Jackson tree rather than by concatenating strings, so every key and value is escaped correctly.
 * Stateless and thread-safe.
 */
final class DataFileJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DataFileJson() {
    }

    static String write(TestDataFile dataFile) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode settings = root.putObject("configuration");
        settings.put("realTimeUpdate", dataFile.realTimeUpdate());
        settings.put("consentType", "NOT_REQUIRED");
        settings.put("consentOptOutBehavior", "PARTIALLY_BLOCK");
        root.putArray("customData");
        ArrayNode segments = root.putArray("segments");
        ArrayNode flags = root.putArray("featureFlags");
        List<TestFlag> declared = dataFile.flags();
        for (int f = 0; f < declared.size(); f++) {
            flags.add(flag(declared.get(f), f + 1, segments));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the datafile", e); // a tree of plain nodes always writes
        }
    }

    private static ObjectNode flag(TestFlag flag, int flagNumber, ArrayNode segments) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", DataFileIds.flag(flagNumber));
        json.put("featureKey", flag.key());
        json.put("defaultVariationKey", flag.defaultVariationKey());
        json.put("environmentEnabled", flag.isEnvironmentEnabled());
        json.putNull("mutuallyExclusiveGroup");
        json.putNull("bucketingCustomDataId");
        ArrayNode variations = json.putArray("variations");
        for (TestVariation variation : flag.declaredVariations()) {
            variations.add(variation(variation));
        }
        ArrayNode rules = json.putArray("rules");
        List<TestRule> declared = flag.declaredRules();
        for (int r = 0; r < declared.size(); r++) {
            rules.add(rule(flag, declared.get(r), flagNumber, r + 1, segments));
        }
        return json;
    }

    private static ObjectNode variation(TestVariation variation) {
        ObjectNode json = JSON.createObjectNode();
        json.put("key", variation.key());
        json.put("name", variation.name());
        ArrayNode variables = json.putArray("variables");
        for (TestVariable variable : variation.variables()) {
            ObjectNode v = variables.addObject();
            v.put("key", variable.key());
            v.put("type", variable.type());
            Object value = variable.value();
            if (value instanceof Boolean b) {
                v.put("value", b);
            } else if (value instanceof Long l) {
                v.put("value", l);
            } else if (value instanceof Double d) {
                v.put("value", d);
            } else {
                v.put("value", value.toString());
            }
        }
        return json;
    }

    private static ObjectNode rule(TestFlag flag, TestRule rule, int flagNumber, int ruleNumber, ArrayNode segments) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", DataFileIds.rule(flagNumber, ruleNumber));
        json.put("order", ruleNumber);
        json.put("type", rule.experiment() ? "EXPERIMENTATION" : "TARGETED_DELIVERY");
        json.put("exposition", rule.exposurePercent() / 100.0);
        json.put("experimentId", DataFileIds.experiment(flagNumber, ruleNumber));
        json.putNull("respoolTime");
        if (rule.conditions().isEmpty()) {
            json.putNull("segmentId");
        } else {
            int segmentId = DataFileIds.segment(flagNumber, ruleNumber);
            segments.add(segment(segmentId, flag.key(), rule));
            json.put("segmentId", segmentId);
        }
        ArrayNode split = json.putArray("variationByExposition");
        List<String> keys = flag.variationKeys();
        for (VariationWeight weight : rule.split()) {
            ObjectNode entry = split.addObject();
            entry.put("variationKey", weight.variationKey());
            entry.put("variationId", DataFileIds.variation(flagNumber, ruleNumber,
                    keys.indexOf(weight.variationKey()) + 1));
            entry.put("exposition", weight.percent() / 100.0);
        }
        return json;
    }

    /* All conditions in one group joined by the same operator: a plain AND (or OR) of them under the client's
       tree-building rules. */
    private static ObjectNode segment(int segmentId, String flagKey, TestRule rule) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", segmentId);
        json.put("name", "targeting of " + flagKey + " rule " + segmentId);
        json.put("audienceTracking", false);
        ObjectNode tree = json.putObject("conditionsData");
        tree.putArray("firstLevelOrOperators");
        ObjectNode group = tree.putArray("firstLevel").addObject();
        ArrayNode operators = group.putArray("orOperators");
        ArrayNode conditions = group.putArray("conditions");
        List<TestCondition> declared = rule.conditions();
        for (int c = 0; c < declared.size(); c++) {
            if (c > 0) {
                operators.add(rule.anyCondition());
            }
            TestCondition condition = declared.get(c);
            ObjectNode leaf = conditions.addObject();
            leaf.put("id", DataFileIds.condition(segmentId, c + 1));
            leaf.put("targetingType", condition.targetingType());
            leaf.put("isInclude", condition.include());
            for (Map.Entry<String, String> field : condition.fields().entrySet()) {
                leaf.put(field.getKey(), field.getValue());
            }
        }
        return json;
    }
}
