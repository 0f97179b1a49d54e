package com.kameleoon.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.exceptions.DataFileInvalid;
import com.kameleoon.internal.DefaultKameleoonClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed datafiles (field types of docs/evaluation.md#the-datafile, DataFileInvalid of docs/evaluation.md#errors; "a
 * malformed datafile keeps the previous one", docs/architecture.md#principles). Cases are in
 * datafiles/malformed-datafiles.json.
 */
class MalformedDataFileTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<Arguments> cases() throws IOException {
        JsonNode root = MAPPER.readTree(Fixtures.datafileText("malformed-datafiles.json"));
        List<Arguments> all = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            String text = c.has("raw") ? c.get("raw").asText() : MAPPER.writeValueAsString(c.get("datafile"));
            List<String> mentions = new ArrayList<>();
            c.get("mentions").forEach(m -> mentions.add(m.asText()));
            all.add(Arguments.of(c.get("name").asText(), text, mentions));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "malformed datafile: {0}")
    @MethodSource("cases")
    void rejectedWithTheFieldPathAndThePreviousConfigurationKeepsAnswering(String name, String text,
            List<String> mentions) {
        try (DefaultKameleoonClient client = Fixtures.client(Fixtures.EXAMPLE)) {
            assertThatThrownBy(() -> client.loadDataFile(text)).isInstanceOf(DataFileInvalid.class)
                    .satisfies(e -> mentions.forEach(m -> assertThat(e.getMessage()).contains(m)));

            assertThat(client.getFeatureList()).hasSize(8).startsWith("new_checkout");
            assertThat(client.getVariation("abc", "new_checkout", false).getKey()).isEqualTo("on");
            assertThat(client.getVariation("abc", "pricing_page", false).getId()).isEqualTo(4011);
        }
    }

    @Test
    void aUsableDatafileReplacesTheConfiguration() {
        try (DefaultKameleoonClient client = Fixtures.client(Fixtures.EXAMPLE)) {
            client.loadDataFile(Fixtures.datafileText("duplicates.json"));

            assertThat(client.getFeatureList()).containsExactly("dup_flag", "other_flag", "dup_variation");
        }
    }

    @Test
    void aClientCreatedOnAMalformedDataFileFails(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"featureFlags\": [{\"featureKey\": \"x\", \"defaultVariationKey\": \"off\","
                + " \"variations\": [], \"rules\": {}}]}");
        KameleoonClientConfig config = KameleoonClientConfig.builder().dataFile(bad).topLevelDomain("example.com")
                .build();

        assertThatThrownBy(() -> new DefaultKameleoonClient("site", config).close())
                .isInstanceOf(DataFileInvalid.class).hasMessageContaining("rules");
    }

    @Test
    void topLevelKeys_unknownKeysAreIgnored() {
        try (DefaultKameleoonClient client = Fixtures.client(Fixtures.EXAMPLE)) {
            client.loadDataFile("{\"featureFlags\": [{\"id\": 1, \"featureKey\": \"k\", \"defaultVariationKey\": \"off\","
                    + " \"environmentEnabled\": true, \"tags\": [\"x\"], \"somethingNew\": {\"a\": 1},"
                    + " \"variations\": [{\"key\": \"off\", \"variables\": [], \"extra\": 1}], \"rules\": []}],"
                    + " \"experiments\": 5, \"meGroups\": \"x\", \"future\": null}");

            assertThat(client.getFeatureList()).containsExactly("k");
            assertThat(client.getVariation("abc", "k", false).getKey()).isEqualTo("off");
            assertThat(client.getVariation("abc", "k", false).getName()).as("name defaults to \"\"").isEmpty();
        }
    }

    @Test
    void topLevelKeys_optionalTopLevelKeysMayBeAbsent() {
        try (DefaultKameleoonClient client = Fixtures.client(Fixtures.EXAMPLE)) {
            client.loadDataFile("{\"featureFlags\": []}");

            assertThat(client.getFeatureList()).isEmpty();
            assertThat(client.getVariations("abc", false, false)).isEmpty();
        }
    }
}
