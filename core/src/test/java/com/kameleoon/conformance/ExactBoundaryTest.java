package com.kameleoon.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.SpecHash;
import com.kameleoon.conformance.BoundaryVisitors.Hit;
import com.kameleoon.internal.DefaultKameleoonClient;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden-style cases whose visitors sit exactly on a threshold of docs/evaluation.md#exposition-and-share-boundaries: a
 * running share total equal to the variation hash, and a rule exposition equal to the rule hash. The official SDKs'
 * golden results never hit a threshold exactly (one chance in 2^32 per comparison), so they cannot tell {@code >=} from
 * {@code >} or {@code <=} from {@code <}. Here the datafile is built around visitors found by {@link BoundaryVisitors};
 * the expected answers follow from the documented comparisons alone (the first entry whose running total is {@code >=}
 * the variation hash is chosen; a visitor whose rule hash is {@code <=} the exposition is in the rule), and each case
 * runs through the public API as the conformance cases do.
 */
class ExactBoundaryTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** share_boundary: control gets [0, low], variant_a (low, high], variant_b the rest; hashed on experiment 8101. */
    private static final Hit SHARE_LOW = BoundaryVisitors.onGrid("share-low-", "8101", 0.1, 0.5);
    private static final Hit SHARE_HIGH = BoundaryVisitors.onGrid("share-high-", "8101", 0.5, 0.9);
    /** experiment_exposition: rule 7201 (experiment) with exposition = this visitor's rule hash, then a fallback. */
    private static final Hit EXPERIMENT_EDGE = BoundaryVisitors.onGrid("experiment-edge-", "7201", 0.1, 0.9);
    private static final Hit EXPERIMENT_ABOVE =
            BoundaryVisitors.where("experiment-above-", "7201", h -> h > EXPERIMENT_EDGE.bucket());
    /** delivery_exposition: rule 7301 (delivery) with exposition = this visitor's rule hash, nothing after it. */
    private static final Hit DELIVERY_EDGE = BoundaryVisitors.onGrid("delivery-edge-", "7301", 0.1, 0.9);
    private static final Hit DELIVERY_ABOVE =
            BoundaryVisitors.where("delivery-above-", "7301", h -> h > DELIVERY_EDGE.bucket());

    @TempDir
    static Path dir;

    /** One case: a visitor, the hash input that puts it on (or beside) a threshold, and the documented answer. */
    private record Case(String id, Hit visitor, String hashSuffix, String featureKey, String key, Integer variationId,
            Integer experimentId) {
    }

    private static List<Case> cases() {
        return List.of(
                // running total after control = low = the hash: total >= hash at the first entry
                new Case("share-total-equals-hash-first-entry", SHARE_LOW, "8101", "share_boundary",
                        "control", 9101, 8101),
                // low < hash; after variant_a the total is low + (high - low) = high = the hash
                new Case("share-total-equals-hash-second-entry", SHARE_HIGH, "8101", "share_boundary",
                        "variant_a", 9102, 8101),
                // rule hash = exposition: in the experiment rule, whose only entry covers every hash
                new Case("experiment-rule-hash-equals-exposition", EXPERIMENT_EDGE, "7201", "experiment_exposition",
                        "on", 9201, 8201),
                // rule hash > exposition: outside the experiment, so the next rule (exposition 1) decides
                new Case("experiment-rule-hash-above-exposition", EXPERIMENT_ABOVE, "7201", "experiment_exposition",
                        "fallback", 9202, 8202),
                // rule hash = exposition: in the delivery, which serves its first entry
                new Case("delivery-rule-hash-equals-exposition", DELIVERY_EDGE, "7301", "delivery_exposition",
                        "on", 9301, 8301),
                // rule hash > exposition: a delivery stops the loop, so the default variation with no ids
                new Case("delivery-rule-hash-above-exposition", DELIVERY_ABOVE, "7301", "delivery_exposition",
                        "off", null, null));
    }

    @Test
    void theVisitorsSitExactlyOnTheThresholdsOfTheDatafile() {
        double low = SHARE_LOW.bucket();
        double high = SHARE_HIGH.bucket();
        assertThat(SpecHash.bucket(SHARE_LOW.code() + "8101")).isEqualTo(low);
        assertThat(SpecHash.bucket(SHARE_HIGH.code() + "8101")).isEqualTo(high);
        assertThat(low + (high - low)).as("the running total reaches the hash without rounding").isEqualTo(high);
        assertThat(low + (high - low) + (1 - high)).isEqualTo(1.0);
        for (Hit edge : List.of(SHARE_LOW, SHARE_HIGH, EXPERIMENT_EDGE, DELIVERY_EDGE)) {
            assertThat(Double.parseDouble(decimal(edge.bucket()))).as("the datafile's literal parses back exactly")
                    .isEqualTo(edge.bucket());
        }
        assertThat(SpecHash.bucket(EXPERIMENT_EDGE.code() + "7201")).isEqualTo(EXPERIMENT_EDGE.bucket());
        assertThat(SpecHash.bucket(DELIVERY_EDGE.code() + "7301")).isEqualTo(DELIVERY_EDGE.bucket());
        assertThat(EXPERIMENT_ABOVE.bucket()).isGreaterThan(EXPERIMENT_EDGE.bucket());
        assertThat(DELIVERY_ABOVE.bucket()).isGreaterThan(DELIVERY_EDGE.bucket());
    }

    @TestFactory
    Stream<DynamicTest> decisionsAtTheThresholdsFollowTheDocumentedComparisons() throws IOException {
        Path datafile = dir.resolve("exact-boundaries.json");
        Files.writeString(datafile, datafile(), StandardCharsets.UTF_8);
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.id() + " (" + c.visitor().code() + ")",
                () -> run(datafile, c)));
    }

    private static void run(Path datafile, Case c) {
        assertThat(SpecHash.bucket(c.visitor().code() + c.hashSuffix())).as("the case's hash")
                .isEqualTo(c.visitor().bucket());
        ObjectNode testCase = MAPPER.createObjectNode().put("id", c.id()).put("visitorCode", c.visitor().code());
        ArrayNode calls = testCase.putArray("calls");
        calls.addObject().put("method", "getVariation").put("featureKey", c.featureKey()).put("track", false);
        calls.addObject().put("method", "isFeatureActive").put("featureKey", c.featureKey()).put("track", false);

        ArrayNode wanted = MAPPER.createArrayNode();
        ObjectNode variation = wanted.addObject().put("method", "getVariation").putObject("variation");
        variation.put("key", c.key());
        variation.set("id", c.variationId() == null ? MAPPER.nullNode() : MAPPER.valueToTree(c.variationId()));
        variation.set("experimentId", c.experimentId() == null ? MAPPER.nullNode()
                : MAPPER.valueToTree(c.experimentId()));
        variation.put("name", c.key());
        variation.putObject("variables");
        wanted.addObject().put("method", "isFeatureActive").put("value", !c.key().equals("off"));

        KameleoonClientConfig config = KameleoonClientConfig.builder().dataFile(datafile)
                .topLevelDomain("example.com").build();
        try (DefaultKameleoonClient client = new DefaultKameleoonClient("boundaries", config)) {
            JsonNode actual = ConformanceRunner.run(client, testCase);
            assertTrue(JsonComparison.same(wanted, actual),
                    () -> "case " + c.id() + "\nexpected: " + wanted + "\nactual:   " + actual);
        }
    }

    /** The exact decimal of a grid bucket: the JSON literal the SDK must parse back to the same double. */
    private static String decimal(double bucket) {
        return new BigDecimal(bucket).toPlainString();
    }

    private static String datafile() {
        double low = SHARE_LOW.bucket();
        double high = SHARE_HIGH.bucket();
        return """
                {
                  "configuration": {"consentType": "NOT_REQUIRED", "consentOptOutBehavior": "PARTIALLY_BLOCK"},
                  "segments": [],
                  "customData": [],
                  "featureFlags": [
                    {
                      "id": 1, "featureKey": "share_boundary", "defaultVariationKey": "off", "environmentEnabled": true,
                      "variations": [%s, %s, %s, %s],
                      "rules": [
                        {"id": 7101, "type": "EXPERIMENTATION", "exposition": 1.0, "experimentId": 8101,
                         "respoolTime": null, "segmentId": null, "variationByExposition": [
                          {"variationKey": "control", "variationId": 9101, "exposition": %s},
                          {"variationKey": "variant_a", "variationId": 9102, "exposition": %s},
                          {"variationKey": "variant_b", "variationId": 9103, "exposition": %s}]}
                      ]
                    },
                    {
                      "id": 2, "featureKey": "experiment_exposition", "defaultVariationKey": "off",
                      "environmentEnabled": true,
                      "variations": [%s, %s, %s],
                      "rules": [
                        {"id": 7201, "type": "EXPERIMENTATION", "exposition": %s, "experimentId": 8201,
                         "respoolTime": null, "segmentId": null, "variationByExposition": [
                          {"variationKey": "on", "variationId": 9201, "exposition": 1.0}]},
                        {"id": 7202, "type": "EXPERIMENTATION", "exposition": 1.0, "experimentId": 8202,
                         "respoolTime": null, "segmentId": null, "variationByExposition": [
                          {"variationKey": "fallback", "variationId": 9202, "exposition": 1.0}]}
                      ]
                    },
                    {
                      "id": 3, "featureKey": "delivery_exposition", "defaultVariationKey": "off",
                      "environmentEnabled": true,
                      "variations": [%s, %s],
                      "rules": [
                        {"id": 7301, "type": "TARGETED_DELIVERY", "exposition": %s, "experimentId": 8301,
                         "respoolTime": null, "segmentId": null, "variationByExposition": [
                          {"variationKey": "on", "variationId": 9301, "exposition": 1.0}]}
                      ]
                    }
                  ]
                }
                """.formatted(
                variation("off"), variation("control"), variation("variant_a"), variation("variant_b"),
                decimal(low), decimal(high - low), decimal(1 - high),
                variation("off"), variation("on"), variation("fallback"),
                decimal(EXPERIMENT_EDGE.bucket()),
                variation("off"), variation("on"),
                decimal(DELIVERY_EDGE.bucket()));
    }

    private static String variation(String key) {
        return "{\"key\": \"" + key + "\", \"name\": \"" + key + "\", \"variables\": []}";
    }
}
