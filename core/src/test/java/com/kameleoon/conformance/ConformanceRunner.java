package com.kameleoon.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kameleoon.KameleoonClient;
import com.kameleoon.exceptions.KameleoonException;
import com.kameleoon.types.Variable;
import com.kameleoon.types.Variation;
import java.util.Map;

/**
 * Runs the calls of one conformance case against a client and renders each result in the normalized form of
 * {@code expected.json} (conformance README, "Expected format").
 */
final class ConformanceRunner {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ConformanceRunner() {
    }

    static ArrayNode run(KameleoonClient client, JsonNode testCase) {
        String visitorCode = testCase.get("visitorCode").asText();
        ArrayNode results = NODES.arrayNode();
        for (JsonNode call : testCase.get("calls")) {
            String method = call.get("method").asText();
            ObjectNode result = NODES.objectNode().put("method", method);
            try {
                invoke(client, visitorCode, method, call, result);
            } catch (KameleoonException e) {
                result.removeAll();
                result.put("method", method).put("error", e.getClass().getSimpleName());
            }
            results.add(result);
        }
        return results;
    }

    @SuppressWarnings("deprecation")
    private static void invoke(KameleoonClient client, String code, String method, JsonNode call, ObjectNode out) {
        boolean track = call.path("track").asBoolean(true);
        switch (method) {
            case "getVariation":
                out.set("variation", variation(client.getVariation(code, call.get("featureKey").asText(), track)));
                break;
            case "getVariations": {
                ObjectNode variations = NODES.objectNode();
                Map<String, Variation> all = client.getVariations(code, call.path("onlyActive").asBoolean(false), track);
                all.forEach((key, variation) -> variations.set(key, variation(variation)));
                out.set("variations", variations);
                break;
            }
            case "isFeatureActive":
                out.put("value", client.isFeatureActive(code, call.get("featureKey").asText(), track));
                break;
            case "getFeatureVariable":
                out.set("value", MAPPER.valueToTree(client.getFeatureVariable(code, call.get("featureKey").asText(),
                        call.get("variableKey").asText())));
                break;
            case "getFeatureList":
                out.set("value", MAPPER.valueToTree(client.getFeatureList()));
                break;
            case "setForcedVariation":
                client.setForcedVariation(code, call.get("experimentId").asInt(),
                        call.hasNonNull("variationKey") ? call.get("variationKey").asText() : null,
                        call.path("forceTargeting").asBoolean(true));
                out.put("ok", true);
                break;
            case "trackConversion":
                client.trackConversion(code, call.get("goalId").asInt(), call.path("revenue").asDouble(0),
                        call.path("negative").asBoolean(false), ConformanceData.metadata(call.get("metadata")));
                out.put("ok", true);
                break;
            case "flush":
                client.flush(code, call.path("instant").asBoolean(false));
                out.put("ok", true);
                break;
            case "addData":
                client.addData(code, track, ConformanceData.items(call.get("data")));
                out.put("ok", true);
                break;
            case "setLegalConsent":
                client.setLegalConsent(code, call.get("consent").asBoolean());
                out.put("ok", true);
                break;
            case "evaluateAudiences":
                client.evaluateAudiences(code);
                out.put("ok", true);
                break;
            case "getEngineTrackingCode":
                out.put("value", client.getEngineTrackingCode(code));
                break;
            default:
                throw new IllegalArgumentException("unknown method " + method);
        }
    }

    static ObjectNode variation(Variation variation) {
        ObjectNode node = NODES.objectNode();
        node.put("key", variation.getKey());
        node.set("id", variation.getId() == null ? NODES.nullNode() : NODES.numberNode(variation.getId()));
        node.set("experimentId", variation.getExperimentId() == null ? NODES.nullNode()
                : NODES.numberNode(variation.getExperimentId()));
        node.put("name", variation.getName());
        ObjectNode variables = NODES.objectNode();
        for (Variable variable : variation.getVariables().values()) {
            ObjectNode v = NODES.objectNode();
            v.put("type", variable.getType());
            v.set("value", MAPPER.valueToTree(variable.getValue()));
            variables.set(variable.getKey(), v);
        }
        node.set("variables", variables);
        return node;
    }
}
