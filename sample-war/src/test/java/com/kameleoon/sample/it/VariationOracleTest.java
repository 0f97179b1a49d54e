package com.kameleoon.sample.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The committed table stays usable without a container: it was computed on the current datafile (else loading
 * fails, asking for a regeneration), and its answers are variations of that datafile with their own variable.
 * Checked against the datafile's text only, never by evaluating.
 */
class VariationOracleTest {
    private final VariationOracle oracle = VariationOracle.ofSampleDatafile();

    @Test
    void theBrowserAndClusterCodesGetAnExperimentVariationWithTheDatafilesCount() throws IOException {
        JsonNode variations = recommendedProducts().path("variations");
        for (String code : codes()) {
            VariationOracle.Expected expected = oracle.variation(code);

            assertThat(expected.id()).as("%s: consent given, the rule exposes everyone", code).isNotNull();
            JsonNode declared = find(variations, expected.key());
            assertThat(declared.path("variables").get(0).path("value").asInt()).as(code)
                    .isEqualTo(expected.recommendedCount());
        }
    }

    @Test
    void aCodeOutsideTheTableHasNoAnswer() {
        assertThatThrownBy(() -> oracle.variation("not-in-the-table")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("regenerate");
    }

    private static String[] codes() {
        String[] codes = new String[21];
        codes[0] = "browser-shopper-1";
        for (int i = 0; i < 20; i++) {
            codes[i + 1] = "sticky" + i;
        }
        return codes;
    }

    private static JsonNode recommendedProducts() throws IOException {
        try (InputStream in = VariationOracleTest.class.getResourceAsStream("/sample-datafile.json")) {
            return find(new ObjectMapper().readTree(in).path("featureFlags"), VariationOracle.FLAG);
        }
    }

    private static JsonNode find(JsonNode array, String key) {
        for (JsonNode node : array) {
            if (key.equals(node.path("key").asText(node.path("featureKey").asText()))) {
                return node;
            }
        }
        throw new AssertionError(key + " not in the datafile");
    }
}
