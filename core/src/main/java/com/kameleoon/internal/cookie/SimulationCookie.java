package com.kameleoon.internal.cookie;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.JsonTreeReader;
import com.kameleoon.internal.datafile.FlagDef;
import com.kameleoon.internal.datafile.RuleDef;
import com.kameleoon.internal.datafile.VariationByExposition;
import com.kameleoon.internal.visitor.ForcedVariation;
import com.kameleoon.logging.KameleoonLogger;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the {@code kameleoonSimulationFFData} cookie (docs/evaluation.md#simulated-variations,
 * docs/wire-format.md#simulation-cookie): a URI-encoded JSON object {@code {"featureKey": {"expId": n, "varId": m}}}.
 * Invalid entries are logged and skipped one by one (PHP); valid ones become simulated variations. Stateless.
 */
public final class SimulationCookie {
    /** The cookie's name. */
    public static final String NAME = "kameleoonSimulationFFData";

    private SimulationCookie() {
    }

    /**
     * Parses the cookie value.
     *
     * @param rawValue the cookie value as received (percent-encoded), may be null
     * @param config the configuration in force
     * @return feature key to simulated variation; empty when absent or unusable
     */
    public static Map<String, ForcedVariation> parse(String rawValue, Configuration config) {
        Map<String, ForcedVariation> result = new LinkedHashMap<>();
        if (rawValue == null || rawValue.isEmpty()) {
            return result;
        }
        JsonNode root;
        try {
            root = JsonTreeReader.SHARED.readTree(UriComponent.decode(rawValue, true));
        } catch (Exception e) {
            KameleoonLogger.warning("simulation cookie is not valid JSON; ignored");
            return result;
        }
        if (root == null || !root.isObject()) {
            KameleoonLogger.warning("simulation cookie is not a JSON object; ignored");
            return result;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            ForcedVariation forced = entry(field.getKey(), field.getValue(), config);
            if (forced != null) {
                result.put(field.getKey(), forced);
            }
        }
        return result;
    }

    private static ForcedVariation entry(String featureKey, JsonNode json, Configuration config) {
        FlagDef flag = config.flag(featureKey);
        if (flag == null) {
            return skip(featureKey, "unknown feature");
        }
        JsonNode expId = json == null ? null : json.get("expId");
        if (expId == null || !expId.canConvertToInt() || !expId.isIntegralNumber() || expId.intValue() < 0) {
            return skip(featureKey, "expId must be a non-negative integer");
        }
        if (expId.intValue() == 0) {
            return new ForcedVariation(0, null, null, true, true);
        }
        JsonNode varId = json.get("varId");
        if (varId == null || !varId.isIntegralNumber() || !varId.canConvertToInt()) {
            return skip(featureKey, "varId must be an integer");
        }
        RuleDef rule = flag.ruleByExperimentId(expId.intValue());
        if (rule == null) {
            return skip(featureKey, "experiment " + expId.intValue() + " is not a rule of the feature");
        }
        for (VariationByExposition entry : rule.variations()) {
            if (entry.variationId() != null && entry.variationId() == varId.intValue()) {
                return new ForcedVariation(rule.experimentId(), entry.variationKey(), entry.variationId(), true, true);
            }
        }
        return skip(featureKey, "variation " + varId.intValue() + " is not in experiment " + expId.intValue());
    }

    private static ForcedVariation skip(String featureKey, String why) {
        KameleoonLogger.warning("simulation cookie entry for '" + featureKey + "' skipped: " + why);
        return null;
    }
}
