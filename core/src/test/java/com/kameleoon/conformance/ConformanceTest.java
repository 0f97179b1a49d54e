package com.kameleoon.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.exceptions.KameleoonException;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.spi.OutboxLine;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every decision of the official SDKs' golden results (conformance/public and conformance/public-consent):
 * variation keys, ids, experiment ids, variables, values and errors, and the tracking lines each case
 * produced (nonce masked, in PHP's order), one dynamic test per case. Each case
 * starts from a fresh client and an empty visitor store, as the oracles did.
 */
class ConformanceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern NONCE = Pattern.compile("nonce=[0-9A-F]{16}");
    private static final String[] SETS = {"public", "public-consent/partial", "public-consent/full"};

    @TestFactory
    Stream<DynamicTest> decisionsMatchTheOfficialSdks() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String set : SETS) {
            JsonNode cases = read(set + "/cases.json");
            Map<String, JsonNode> expected = expectedById(read(set + "/expected.json"));
            Path datafile = resource(set + "/datafile.json");
            for (JsonNode testCase : cases.get("cases")) {
                String id = testCase.get("id").asText();
                tests.add(DynamicTest.dynamicTest(set + " " + id,
                        () -> runCase(datafile, testCase, expected.get(id))));
            }
        }
        return tests.stream();
    }

    @Test
    void allCasesAreRun() throws Exception {
        int total = 0;
        for (String set : SETS) {
            total += read(set + "/cases.json").get("cases").size();
        }
        assertThat(total).isEqualTo(362 + 188);
    }

    private static void runCase(Path datafile, JsonNode testCase, JsonNode expected) {
        assertThat(expected).as("expected entry").isNotNull();
        KameleoonClientConfig config = KameleoonClientConfig.builder().dataFile(datafile).topLevelDomain("example.com").build();
        try (DefaultKameleoonClient client = new DefaultKameleoonClient("conformance", config)) {
            String dataError = null;
            JsonNode data = testCase.get("data");
            if (data != null && !data.isEmpty()) {
                try {
                    client.addData(testCase.get("visitorCode").asText(), testCase.path("trackData").asBoolean(true),
                            ConformanceData.items(data));
                } catch (KameleoonException e) {
                    dataError = e.getClass().getSimpleName();
                }
            }
            assertThat(dataError).as("error of the case's addData")
                    .isEqualTo(expected.hasNonNull("dataError") ? expected.get("dataError").asText() : null);
            ArrayNode actual = ConformanceRunner.run(client, testCase);
            ArrayNode wanted = normalized(expected.get("results"));
            assertTrue(JsonComparison.same(wanted, actual),
                    () -> "case " + testCase.get("id").asText() + "\nexpected: " + wanted + "\nactual:   " + actual);
            List<String> lines = new ArrayList<>();
            for (OutboxLine line : client.trackingOutbox().claim(Long.MAX_VALUE)) {
                lines.add(NONCE.matcher(line.text()).replaceAll("nonce=<NONCE>"));
            }
            List<String> wantedLines = new ArrayList<>();
            expected.get("tracking").forEach(line -> wantedLines.add(line.asText()));
            assertThat(lines).as("tracking lines of %s, in order", testCase.get("id").asText())
                    .containsExactlyElementsOf(wantedLines);
        }
    }

    /** Drops the JS cross-check annotations: the entries themselves hold the normative PHP answers. */
    private static ArrayNode normalized(JsonNode results) {
        ArrayNode copy = results.deepCopy();
        for (JsonNode entry : copy) {
            ((ObjectNode) entry).remove(List.of("jsDiffers", "js"));
        }
        return copy;
    }

    private static Map<String, JsonNode> expectedById(JsonNode expected) {
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode entry : expected.get("cases")) {
            byId.put(entry.get("id").asText(), entry);
        }
        return byId;
    }

    static JsonNode read(String name) throws IOException {
        try (InputStream in = ConformanceTest.class.getResourceAsStream("/conformance/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource /conformance/" + name);
            }
            return MAPPER.readTree(in);
        }
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(ConformanceTest.class.getResource("/conformance/" + name).toURI());
    }
}
