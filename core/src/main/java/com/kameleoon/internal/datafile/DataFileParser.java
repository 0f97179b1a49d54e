package com.kameleoon.internal.datafile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.internal.JsonTreeReader;
import com.kameleoon.exceptions.DataFileInvalid;
import com.kameleoon.internal.targeting.ConditionFactory;
import com.kameleoon.internal.targeting.ConditionLeaf;
import com.kameleoon.internal.targeting.TargetingNode;
import com.kameleoon.internal.targeting.TargetingTreeBuilder;
import com.kameleoon.internal.visitor.RuleType;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.types.DataFile;
import com.kameleoon.types.FeatureFlag;
import com.kameleoon.types.Rule;
import com.kameleoon.types.Variable;
import com.kameleoon.types.Variation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a v3 datafile (docs/evaluation.md#the-datafile) and compiles it into a {@link Configuration}. Every known key
 * is read, unknown keys are ignored, and a field of the wrong type raises {@link DataFileInvalid} naming it.
 * The text is read into a tree by {@link JsonTreeReader}, not by an {@code ObjectMapper}, whose construction would
 * dominate a cold client's start-up. Thread-safe (stateless).
 */
public final class DataFileParser {
    private static final VariableParser VARIABLES = new VariableParser(JsonTreeReader.SHARED);

    private DataFileParser() {
    }

    /**
     * Parses and compiles a datafile.
     *
     * @param json the datafile text
     * @return the compiled configuration
     * @throws DataFileInvalid when the text is not JSON or a field has the wrong type
     */
    public static Configuration parse(String json) {
        if (json == null || json.isBlank()) {
            throw new DataFileInvalid("datafile is empty");
        }
        JsonNode root;
        try {
            root = JsonTreeReader.SHARED.readTree(json);
        } catch (JsonProcessingException e) {
            throw new DataFileInvalid("datafile is not valid JSON: " + e.getOriginalMessage(), e);
        }
        return compile(root);
    }

    /**
     * Compiles a parsed datafile.
     *
     * @param root the datafile's JSON tree
     * @return the compiled configuration
     * @throws DataFileInvalid when a field has the wrong type
     */
    public static Configuration compile(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new DataFileInvalid("datafile: expected a JSON object");
        }
        if (JsonFields.array(root, "featureFlags", "") == null) {
            throw new DataFileInvalid("featureFlags: required array is missing");
        }
        try {
            return new Compilation(root).run();
        } catch (DataFileInvalid e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DataFileInvalid("datafile could not be compiled: " + e.getMessage(), e);
        }
    }

    /** One compilation: the indexes under construction. */
    private static final class Compilation {
        private final JsonNode root;
        private final Map<Integer, SegmentDef> segmentsById = new HashMap<>();
        private final List<SegmentDef> audienceSegments = new ArrayList<>();
        private final Map<Integer, RuleDef> rulesByExperimentId = new HashMap<>();
        private final Map<Integer, FlagDef> flagsByExperimentId = new HashMap<>();
        private final Map<Integer, VariationByExposition> variationsById = new HashMap<>();
        private CustomDataInfo customData = CustomDataInfo.EMPTY;

        Compilation(JsonNode root) {
            this.root = root;
        }

        Configuration run() {
            Settings settings = settings(JsonFields.object(root, "configuration", ""));
            customData = customData(JsonFields.array(root, "customData", ""));
            segments(JsonFields.array(root, "segments", ""));

            JsonNode flagsJson = root.get("featureFlags");
            LinkedHashMap<String, FlagDef> flagsByKey = new LinkedHashMap<>();
            Map<Integer, FlagDef> flagsById = new HashMap<>();
            for (int i = 0; i < flagsJson.size(); i++) {
                FlagDef flag = flag(flagsJson.get(i), "featureFlags[" + i + "]");
                if (flagsByKey.put(flag.key(), flag) != null) {
                    KameleoonLogger.warning("datafile defines feature '" + flag.key() + "' twice; the later wins");
                }
                flagsById.put(flag.id(), flag);
                for (RuleDef rule : flag.rules()) {
                    rulesByExperimentId.put(rule.experimentId(), rule);
                    flagsByExperimentId.put(rule.experimentId(), flag);
                    for (VariationByExposition entry : rule.variations()) {
                        if (entry.variationId() != null) {
                            variationsById.put(entry.variationId(), entry);
                        }
                    }
                }
            }
            List<FlagDef> flags = List.copyOf(flagsByKey.values());
            Map<String, List<FlagDef>> meGroups = meGroups(flags);
            boolean anyDelivery = false;
            for (FlagDef flag : flags) {
                if (flag.environmentEnabled()) {
                    for (RuleDef rule : flag.rules()) {
                        anyDelivery |= rule.type() == RuleType.TARGETED_DELIVERY;
                    }
                }
            }
            Holdout holdout = holdout(JsonFields.object(root, "holdout", ""));
            Long dateModified = JsonFields.longValue(root, "dateModified", "");
            List<String> featureKeys = List.copyOf(flagsByKey.keySet());
            return new Configuration(flags, Collections.unmodifiableMap(flagsByKey), Map.copyOf(flagsById),
                    Map.copyOf(segmentsById), List.copyOf(audienceSegments), Map.copyOf(rulesByExperimentId),
                    Map.copyOf(flagsByExperimentId), Map.copyOf(variationsById), meGroups, customData, settings,
                    holdout, anyDelivery, dateModified, view(flags, dateModified), featureKeys);
        }

        private Settings settings(JsonNode json) {
            if (json == null) {
                KameleoonLogger.warning("datafile has no 'configuration' object; defaults apply");
                return Settings.DEFAULT;
            }
            String path = "configuration";
            return new Settings(
                    "REQUIRED".equals(JsonFields.string(json, "consentType", path, null)),
                    "FULLY_BLOCK".equals(JsonFields.string(json, "consentOptOutBehavior", path, null)),
                    JsonFields.string(json, "dataApiDomain", path, null),
                    JsonFields.bool(json, "realTimeUpdate", path, false));
        }

        private CustomDataInfo customData(JsonNode array) {
            if (array == null) {
                return CustomDataInfo.EMPTY;
            }
            Map<Integer, Integer> byId = new HashMap<>();
            Map<String, Integer> byName = new HashMap<>();
            Set<Integer> localOnly = new HashSet<>();
            Set<Integer> visitorScope = new HashSet<>();
            int mappingIndex = -1;
            for (int i = 0; i < array.size(); i++) {
                JsonNode json = array.get(i);
                String path = "customData[" + i + "]";
                if (!json.isObject()) {
                    throw new DataFileInvalid(path + ": expected an object");
                }
                int index = JsonFields.integer(json, "index", path, -1);
                Integer id = JsonFields.optionalInteger(json, "id", path);
                String name = JsonFields.string(json, "name", path, null);
                if (id != null) {
                    byId.put(id, index);
                }
                if (name != null) {
                    byName.put(name, index);
                }
                if (JsonFields.bool(json, "localOnly", path, false)) {
                    localOnly.add(index);
                }
                if ("VISITOR".equals(JsonFields.string(json, "scope", path, null))) {
                    visitorScope.add(index);
                }
                if (JsonFields.bool(json, "isMappingIdentifier", path, false)) {
                    if (mappingIndex >= 0) {
                        KameleoonLogger.warning("several custom data are mapping identifiers; index " + index
                                + " wins");
                    }
                    mappingIndex = index;
                }
            }
            return new CustomDataInfo(Map.copyOf(byId), Map.copyOf(byName), Set.copyOf(localOnly),
                    Set.copyOf(visitorScope), mappingIndex);
        }

        private void segments(JsonNode array) {
            if (array == null) {
                return;
            }
            for (int i = 0; i < array.size(); i++) {
                JsonNode json = array.get(i);
                String path = "segments[" + i + "]";
                if (!json.isObject()) {
                    throw new DataFileInvalid(path + ": expected an object");
                }
                Integer id = JsonFields.optionalInteger(json, "id", path);
                if (id == null) {
                    continue;
                }
                TargetingNode tree = tree(JsonFields.object(json, "conditionsData", path), path + ".conditionsData");
                SegmentDef segment = new SegmentDef(id, JsonFields.bool(json, "audienceTracking", path, false), tree);
                segmentsById.put(id, segment);
                if (segment.audienceTracking()) {
                    audienceSegments.add(segment);
                }
            }
        }

        /** Builds the two-level tree; null when there is no tree (no conditionsData or no first-level group). */
        private TargetingNode tree(JsonNode json, String path) {
            if (json == null) {
                return null;
            }
            JsonNode firstLevel = JsonFields.array(json, "firstLevel", path);
            if (firstLevel == null || firstLevel.isEmpty()) {
                return null;
            }
            List<TargetingNode> groups = new ArrayList<>(firstLevel.size());
            for (int g = 0; g < firstLevel.size(); g++) {
                JsonNode group = firstLevel.get(g);
                String groupPath = path + ".firstLevel[" + g + "]";
                if (!group.isObject()) {
                    throw new DataFileInvalid(groupPath + ": expected an object");
                }
                JsonNode conditions = JsonFields.array(group, "conditions", groupPath);
                List<TargetingNode> leaves = new ArrayList<>();
                if (conditions != null) {
                    for (int c = 0; c < conditions.size(); c++) {
                        leaves.add(leaf(conditions.get(c), groupPath + ".conditions[" + c + "]"));
                    }
                }
                groups.add(TargetingTreeBuilder.build(leaves, operators(group, "orOperators", groupPath),
                        node -> node));
            }
            return TargetingTreeBuilder.build(groups, operators(json, "firstLevelOrOperators", path), node -> node);
        }

        private TargetingNode leaf(JsonNode json, String path) {
            if (!json.isObject()) {
                throw new DataFileInvalid(path + ": expected an object");
            }
            boolean include = JsonFields.bool(json, "isInclude", path, true);
            try {
                return new ConditionLeaf(ConditionFactory.create(json), include);
            } catch (IllegalArgumentException e) {
                throw new DataFileInvalid(path + "." + e.getMessage(), e);
            }
        }

        private List<Boolean> operators(JsonNode json, String field, String path) {
            JsonNode array = JsonFields.array(json, field, path);
            if (array == null) {
                return List.of();
            }
            List<Boolean> ops = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                JsonNode op = array.get(i);
                if (!op.isBoolean() && !op.isNull()) {
                    throw JsonFields.invalid(path, field + "[" + i + "]", "a boolean", op);
                }
                ops.add(op.isBoolean() && op.booleanValue());
            }
            return ops;
        }

        private FlagDef flag(JsonNode json, String path) {
            if (!json.isObject()) {
                throw new DataFileInvalid(path + ": expected an object");
            }
            int id = JsonFields.integer(json, "id", path, 0);
            String key = JsonFields.requiredString(json, "featureKey", path);
            String defaultKey = JsonFields.requiredString(json, "defaultVariationKey", path);
            boolean enabled = JsonFields.bool(json, "environmentEnabled", path, false);
            String meGroup = JsonFields.string(json, "mutuallyExclusiveGroup", path, null);
            Integer bucketingId = JsonFields.optionalInteger(json, "bucketingCustomDataId", path);
            int bucketingIndex = -1;
            if (bucketingId != null) {
                Integer index = customData.indexById().get(bucketingId);
                bucketingIndex = index == null ? -1 : index;
            }

            LinkedHashMap<String, Variation> variations = new LinkedHashMap<>();
            boolean jsCss = false;
            JsonNode variationsJson = JsonFields.array(json, "variations", path);
            if (variationsJson != null) {
                for (int i = 0; i < variationsJson.size(); i++) {
                    Variation variation = variation(variationsJson.get(i), path + ".variations[" + i + "]");
                    if (i == 0) {
                        for (Variable variable : variation.getVariables().values()) {
                            jsCss |= "JS".equals(variable.getType()) || "CSS".equals(variable.getType());
                        }
                    }
                    variations.put(variation.getKey(), variation);
                }
            }
            Variation defaultVariation = variations.get(defaultKey);
            if (defaultVariation == null) {
                defaultVariation = new Variation(defaultKey, "", null, null, Map.of());
            }

            List<RuleDef> rules = new ArrayList<>();
            JsonNode rulesJson = JsonFields.array(json, "rules", path);
            if (rulesJson != null) {
                for (int i = 0; i < rulesJson.size(); i++) {
                    rules.add(rule(rulesJson.get(i), path + ".rules[" + i + "]", variations));
                }
            }
            return new FlagDef(id, key, defaultKey, enabled, Collections.unmodifiableMap(variations),
                    List.copyOf(rules), meGroup, bucketingIndex, defaultVariation, jsCss);
        }

        private Variation variation(JsonNode json, String path) {
            if (!json.isObject()) {
                throw new DataFileInvalid(path + ": expected an object");
            }
            String key = JsonFields.requiredString(json, "key", path);
            String name = JsonFields.string(json, "name", path, "");
            LinkedHashMap<String, Variable> variables = new LinkedHashMap<>();
            JsonNode variablesJson = JsonFields.array(json, "variables", path);
            if (variablesJson != null) {
                for (int i = 0; i < variablesJson.size(); i++) {
                    JsonNode variableJson = variablesJson.get(i);
                    String variablePath = path + ".variables[" + i + "]";
                    if (!variableJson.isObject()) {
                        throw new DataFileInvalid(variablePath + ": expected an object");
                    }
                    Variable variable = VARIABLES.parse(variableJson, variablePath);
                    variables.put(variable.getKey(), variable);
                }
            }
            return new Variation(key, name, null, null, variables);
        }

        private RuleDef rule(JsonNode json, String path, Map<String, Variation> flagVariations) {
            if (!json.isObject()) {
                throw new DataFileInvalid(path + ": expected an object");
            }
            int id = JsonFields.integer(json, "id", path, 0);
            RuleType type = RuleType.fromText(JsonFields.string(json, "type", path, null));
            double exposition = JsonFields.number(json, "exposition", path, 0);
            int experimentId = JsonFields.integer(json, "experimentId", path, 0);
            Long respoolTime = JsonFields.longValue(json, "respoolTime", path);
            Integer segmentId = JsonFields.optionalInteger(json, "segmentId", path);
            SegmentDef segment = segmentId == null ? null : segmentsById.get(segmentId);
            if (segmentId != null && segment == null) {
                KameleoonLogger.warning(path + " references unknown segment " + segmentId
                        + "; the rule targets everyone");
            }
            List<VariationByExposition> entries = entries(JsonFields.array(json, "variationByExposition", path),
                    path + ".variationByExposition", flagVariations, experimentId);
            String respool = respoolTime == null ? "" : Long.toString(respoolTime);
            return new RuleDef(id, type, exposition, experimentId, respoolTime, segmentId, segment, entries,
                    id + respool, experimentId + respool);
        }

        private List<VariationByExposition> entries(JsonNode array, String path, Map<String, Variation> flagVariations,
                int experimentId) {
            if (array == null) {
                return List.of();
            }
            List<VariationByExposition> entries = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                JsonNode json = array.get(i);
                String entryPath = path + "[" + i + "]";
                if (!json.isObject()) {
                    throw new DataFileInvalid(entryPath + ": expected an object");
                }
                String key = JsonFields.requiredString(json, "variationKey", entryPath);
                Integer variationId = JsonFields.optionalInteger(json, "variationId", entryPath);
                double exposition = JsonFields.number(json, "exposition", entryPath, 0);
                Variation base = flagVariations.get(key);
                // A key missing from the flag's variations is a datafile inconsistency
                // (docs/evaluation.md#inconsistent-variation-keys): serve the key bare.
                Variation result = base == null
                        ? new Variation(key, "", variationId, experimentId, Map.of())
                        : base.withIds(variationId, experimentId);
                entries.add(new VariationByExposition(key, variationId, exposition, result));
            }
            return List.copyOf(entries);
        }

        private Holdout holdout(JsonNode json) {
            if (json == null) {
                return null;
            }
            int experimentId = JsonFields.integer(json, "experimentId", "holdout", 0);
            List<VariationByExposition> entries = entries(JsonFields.array(json, "variationByExposition", "holdout"),
                    "holdout.variationByExposition", Map.of(), experimentId);
            return new Holdout(experimentId, entries);
        }

        private Map<String, List<FlagDef>> meGroups(List<FlagDef> flags) {
            Map<String, List<FlagDef>> groups = new HashMap<>();
            for (FlagDef flag : flags) {
                if (flag.meGroup() != null) {
                    groups.computeIfAbsent(flag.meGroup(), name -> new ArrayList<>()).add(flag);
                }
            }
            Map<String, List<FlagDef>> sorted = new HashMap<>();
            groups.forEach((name, members) -> {
                members.sort(Comparator.comparingInt(FlagDef::id));
                sorted.put(name, List.copyOf(members));
            });
            return Map.copyOf(sorted);
        }

        private DataFile view(List<FlagDef> flags, Long dateModified) {
            LinkedHashMap<String, FeatureFlag> views = new LinkedHashMap<>();
            for (FlagDef flag : flags) {
                List<Rule> rules = new ArrayList<>(flag.rules().size());
                for (RuleDef rule : flag.rules()) {
                    LinkedHashMap<String, Variation> ruleVariations = new LinkedHashMap<>();
                    for (VariationByExposition entry : rule.variations()) {
                        if (flag.variations().containsKey(entry.variationKey())) {
                            ruleVariations.put(entry.variationKey(), entry.result());
                        }
                    }
                    rules.add(new Rule(ruleVariations));
                }
                views.put(flag.key(), new FeatureFlag(flag.environmentEnabled(), flag.defaultVariationKey(),
                        flag.variations(), rules));
            }
            return new DataFile(views, dateModified);
        }
    }
}
