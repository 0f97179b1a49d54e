package com.kameleoon.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.SimpleCookieJar;
import com.kameleoon.SpecHash;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Data;
import com.kameleoon.data.PageView;
import com.kameleoon.exceptions.DataFileInvalid;
import com.kameleoon.exceptions.FeatureNotFound;
import com.kameleoon.exceptions.KameleoonException;
import com.kameleoon.exceptions.VisitorCodeInvalid;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;
import com.kameleoon.types.Variation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input gets the documented exception or a logged no-match, never a NullPointerException or a changed
 * visitor: invalid visitor codes on every method, unknown flags, malformed datafiles, huge values, invalid
 * regular expressions.
 */
class BadInputTest {
    private static final String TOO_LONG = "x".repeat(256);

    private final List<String> logs = new ArrayList<>();
    private DefaultKameleoonClient client;

    @BeforeEach
    void setUp() throws Exception {
        KameleoonLogger.setLogger((level, message) -> logs.add(level + " " + message));
        KameleoonLogger.setLogLevel(LogLevel.DEBUG);
        Path datafile = Path.of(getClass().getResource("/conformance/example-datafile.json").toURI());
        client = new DefaultKameleoonClient("bad-input",
                KameleoonClientConfig.builder().dataFile(datafile).topLevelDomain("example.com").build());
    }

    @AfterEach
    void tearDown() {
        client.close();
        KameleoonLogger.setLogger(null);
        KameleoonLogger.setLogLevel(LogLevel.WARNING);
    }

    @SuppressWarnings("deprecation")
    private List<Consumer<String>> everyMethodTakingAVisitorCode() {
        return List.of(
                code -> client.getVariation(code, "pricing_page"),
                code -> client.getVariations(code),
                code -> client.isFeatureActive(code, "pricing_page"),
                code -> client.addData(code, new CustomData(1, "x")),
                code -> client.flush(code),
                code -> client.trackConversion(code, 1),
                code -> client.setForcedVariation(code, 3002, "control"),
                code -> client.evaluateAudiences(code),
                code -> client.setLegalConsent(code, true),
                code -> client.getEngineTrackingCode(code),
                code -> client.getFeatureVariationKey(code, "pricing_page"),
                code -> client.getFeatureVariable(code, "pricing_page", "headline"),
                code -> client.getActiveFeatures(code),
                code -> client.getActiveFeatureListForVisitor(code));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {TOO_LONG_LITERAL})
    void invalidVisitorCodesAreRejectedByEveryMethod(String code) {
        String visitorCode = TOO_LONG_LITERAL.equals(code) ? TOO_LONG : code;
        for (Consumer<String> method : everyMethodTakingAVisitorCode()) {
            assertThatThrownBy(() -> method.accept(visitorCode)).isInstanceOf(VisitorCodeInvalid.class)
                    .hasMessageStartingWith("Kameleoon SDK: ");
        }
        assertThat(client.visitorStore().size()).isZero();
    }

    private static final String TOO_LONG_LITERAL = "<256 characters>";

    /**
     * 255 characters are evaluated like any code, by their own hash: pricing_page is experiment 3002 with exposition 1
     * and shares control 0.34, variant_a 0.33, variant_b 0.33 (docs/evaluation.md#exposition-and-share-boundaries: the
     * first entry whose running total reaches hash(code + "3002")); the assignment is stored under the whole code.
     */
    @Test
    void longestValidCodeIs255Characters() {
        String code = "y".repeat(255);
        double hash = SpecHash.bucket(code + "3002");
        String key = hash <= 0.34 ? "control" : hash <= 0.34 + 0.33 ? "variant_a" : "variant_b";
        int id = Map.of("control", 4010, "variant_a", 4011, "variant_b", 4012).get(key);

        Variation variation = client.getVariation(code, "pricing_page");

        assertThat(variation.getKey()).isEqualTo(key);
        assertThat(variation.getId()).isEqualTo(id);
        assertThat(variation.getExperimentId()).isEqualTo(3002);
        Visitor visitor = client.visitorStore().get(code);
        assertThat(visitor).as("stored under all 255 characters").isNotNull();
        synchronized (visitor) {
            assertThat(visitor.assignment(3002).variationId()).isEqualTo(id);
        }
        assertThat(client.visitorStore().get(code.substring(1))).isNull();
    }

    @Test
    void unknownAndNullFeatureKeysAreFeatureNotFound() {
        assertThatThrownBy(() -> client.getVariation("v", "nope")).isInstanceOf(FeatureNotFound.class);
        assertThatThrownBy(() -> client.getVariation("v", null)).isInstanceOf(FeatureNotFound.class);
        assertThatThrownBy(() -> client.isFeatureActive("v", "Pricing_Page")).isInstanceOf(FeatureNotFound.class);
    }

    @Test
    void nullDataItemsAndArraysAreSkipped() {
        client.addData("v", (Data[]) null);
        client.addData("v", new Data[] {null, new CustomData(1, "gold")});
        Visitor visitor = client.visitorStore().get("v");
        synchronized (visitor) {
            assertThat(visitor.customData(1).getValues()).containsExactly("gold");
        }
    }

    @Test
    void dataTypesRejectNullsWithAClearMessage() {
        assertThatThrownBy(() -> new PageView(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("url");
        assertThatThrownBy(() -> new CustomData(1, "a", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CustomData(-1, "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.getVisitorCode(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hugeCustomDataIsDroppedWithAnErrorAndTheVisitorIsUnchanged() {
        client.addData("v", new CustomData(1, "gold"));
        client.addData("v", new CustomData(1, "x".repeat(1_000_000)));
        Visitor visitor = client.visitorStore().get("v");
        synchronized (visitor) {
            assertThat(visitor.customData(1).getValues()).containsExactly("gold");
        }
        assertThat(logs).anyMatch(line -> line.startsWith("ERROR") && line.contains("index 1"));
        assertThat(client.getVariation("v", "vip_free_shipping").getKey()).isEqualTo("off");
    }

    @Test
    void unknownCustomDataNameIsDroppedWithAnError() {
        client.addData("v", new CustomData("no_such_name", "x"));
        assertThat(logs).anyMatch(line -> line.startsWith("ERROR") && line.contains("no_such_name"));
        assertThat(client.visitorStore().get("v")).isNull();
    }

    @Test
    void invalidCookieValueIsReplacedNeverEchoed() {
        SimpleCookieJar jar = new SimpleCookieJar(Map.of("kameleoonVisitorCode", "abc; Path=/evil"));
        String code = client.getVisitorCode(jar);
        assertThat(code).matches("[a-z0-9]{16}");
        assertThat(jar.getSetCookieHeaders()).singleElement().asString().doesNotContain("evil");
    }

    @Test
    void malformedDatafilesAreRejectedNamingTheFieldAndThePreviousOneStays() {
        String before = client.getVariation("abc", "pricing_page").getKey();
        assertThatThrownBy(() -> client.loadDataFile("{not json")).isInstanceOf(DataFileInvalid.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> client.loadDataFile("{}")).isInstanceOf(DataFileInvalid.class)
                .hasMessageContaining("featureFlags");
        assertThatThrownBy(() -> client.loadDataFile("{\"featureFlags\": [{\"featureKey\": \"f\", "
                + "\"defaultVariationKey\": \"off\", \"rules\": [{\"exposition\": \"abc\"}]}]}"))
                .isInstanceOf(DataFileInvalid.class).hasMessageContaining("featureFlags[0].rules[0].exposition");
        assertThatThrownBy(() -> client.loadDataFile("{\"featureFlags\": [{\"featureKey\": \"f\", "
                + "\"defaultVariationKey\": \"off\", \"rules\": {}}]}"))
                .isInstanceOf(DataFileInvalid.class).hasMessageContaining("featureFlags[0].rules");
        assertThatThrownBy(() -> client.loadDataFile("[]")).isInstanceOf(DataFileInvalid.class);
        assertThatThrownBy(() -> client.loadDataFile("")).isInstanceOf(DataFileInvalid.class);
        assertThat(client.getVariation("abc", "pricing_page").getKey()).isEqualTo(before);
    }

    @Test
    void missingDataFileIsReportedByPath(@TempDir Path dir) {
        Path missing = dir.resolve("missing.json");
        KameleoonClientConfig config = KameleoonClientConfig.builder().dataFile(missing).build();
        assertThatThrownBy(() -> new DefaultKameleoonClient("s", config)).isInstanceOf(KameleoonException.class)
                .hasMessageContaining("missing.json");
    }

    @Test
    void invalidRegularExpressionIsALoggedNoMatch(@TempDir Path dir) throws Exception {
        String datafile = "{\"featureFlags\": [{\"id\": 1, \"featureKey\": \"f\", \"defaultVariationKey\": \"off\","
                + " \"environmentEnabled\": true, \"variations\": [{\"key\": \"off\"}, {\"key\": \"on\"}],"
                + " \"rules\": [{\"id\": 1, \"type\": \"TARGETED_DELIVERY\", \"exposition\": 1, \"experimentId\": 10,"
                + " \"segmentId\": 5, \"variationByExposition\": [{\"variationKey\": \"on\", \"variationId\": 11,"
                + " \"exposition\": 1}]}]}],"
                + " \"segments\": [{\"id\": 5, \"conditionsData\": {\"firstLevelOrOperators\": [], \"firstLevel\": ["
                + "{\"orOperators\": [], \"conditions\": [{\"targetingType\": \"VISITOR_CODE\", \"isInclude\": true,"
                + " \"matchType\": \"REGULAR_EXPRESSION\", \"visitorCode\": \"([a-z\"}]}]}}],"
                + " \"configuration\": {}}";
        Path file = Files.writeString(dir.resolve("regex.json"), datafile);
        try (DefaultKameleoonClient regexClient = new DefaultKameleoonClient("s",
                KameleoonClientConfig.builder().dataFile(file).build())) {
            assertThat(regexClient.getVariation("abc", "f").getKey()).isEqualTo("off");
            assertThat(regexClient.getVariation("abd", "f").getKey()).isEqualTo("off");
        }
        assertThat(logs.stream().filter(line -> line.startsWith("ERROR") && line.contains("([a-z"))).hasSize(1);
    }
}
