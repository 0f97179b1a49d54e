package com.kameleoon.internal.datafile;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.internal.config.LogCapture;
import com.kameleoon.internal.visitor.RuleType;
import com.kameleoon.logging.LogLevel;
import com.kameleoon.types.Variable;
import com.kameleoon.types.Variation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/evaluation.md#the-datafile: every key of the datafile is read and compiled into the indexes of
 * #compiled-indexes.
 */
class DataFileParserTest {

    private static Configuration example() throws IOException {
        try (InputStream in = DataFileParserTest.class.getResourceAsStream("/conformance/example-datafile.json")) {
            return DataFileParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void projectSettings_settings() throws IOException {
        Settings settings = example().settings();
        assertThat(settings.consentRequired()).isFalse();
        assertThat(settings.fullyBlockWithoutConsent()).isFalse();
        assertThat(settings.dataApiDomain()).isEqualTo("data.kameleoon.io");
        assertThat(settings.realTimeUpdate()).isFalse();
    }

    @Test
    void customDataDefinitions_customDataIndexes() throws IOException {
        CustomDataInfo info = example().customData();
        assertThat(info.indexById()).containsEntry(9001, 1).containsEntry(9003, 3);
        assertThat(info.indexByName()).containsEntry("customer_tier", 1).containsEntry("user_id", 4);
        assertThat(info.isLocalOnly(2)).isTrue();
        assertThat(info.isLocalOnly(1)).isFalse();
        assertThat(info.visitorScope()).contains(1, 3, 4);
        assertThat(info.mappingIdentifierIndex()).isEqualTo(4);
    }

    @Test
    void featureFlags_flagsInOrderWithResolvedBucketingIndex() throws IOException {
        Configuration config = example();
        assertThat(config.featureKeys()).containsExactly("new_checkout", "pricing_page", "vip_free_shipping",
                "search_algorithm", "legacy_dashboard", "b2b_onboarding", "homepage_hero", "homepage_video");
        assertThat(config.flag("b2b_onboarding").bucketingIndex()).isEqualTo(3);
        assertThat(config.flag("pricing_page").bucketingIndex()).isEqualTo(-1);
        assertThat(config.flag("legacy_dashboard").environmentEnabled()).isFalse();
        assertThat(config.flag("pricing_page").jsCss()).as("its first variation has JS and CSS variables").isTrue();
        assertThat(config.flag("search_algorithm").jsCss()).isFalse();
        assertThat(config.hasAnyTargetedDeliveryRule()).isTrue();
        assertThat(config.dateModified()).isNotNull();
    }

    @Test
    void rules_keepArrayOrderAndPrecomputeHashSuffixes() throws IOException {
        List<RuleDef> rules = example().flag("search_algorithm").rules();
        assertThat(rules).extracting(RuleDef::id).containsExactly(2004, 2014);
        RuleDef experiment = rules.get(0);
        assertThat(experiment.type()).isEqualTo(RuleType.EXPERIMENTATION);
        assertThat(experiment.expositionHashSuffix()).isEqualTo("20041735689600");
        assertThat(experiment.variationHashSuffix()).isEqualTo("30041735689600");
        assertThat(experiment.segment().id()).isEqualTo(502);
        assertThat(rules.get(1).expositionHashSuffix()).as("null respoolTime adds nothing").isEqualTo("2014");
    }

    @Test
    void variationShares_entriesCarryTheirPrecomputedVariation() throws IOException {
        VariationByExposition entry = example().flag("pricing_page").rules().get(0).variations().get(1);
        Variation variation = entry.result();
        assertThat(variation.getKey()).isEqualTo("variant_a");
        assertThat(variation.getId()).isEqualTo(4011);
        assertThat(variation.getExperimentId()).isEqualTo(3002);
        assertThat(variation.getVariable("discount_percent").getValue()).isEqualTo(10);
        assertThat(variation.getVariable("layout").getValue()).isEqualTo(Map.of("columns", 3, "highlight", "pro"));
    }

    @Test
    void compiledIndexes_indexes() throws IOException {
        Configuration config = example();
        assertThat(config.ruleByExperimentId(3004).id()).isEqualTo(2004);
        assertThat(config.flagByExperimentId(3004).key()).isEqualTo("search_algorithm");
        assertThat(config.variationById(4031).variationKey()).isEqualTo("vector");
        assertThat(config.meGroup("homepage")).extracting(FlagDef::key).containsExactly("homepage_hero",
                "homepage_video");
        assertThat(config.audienceSegments()).extracting(SegmentDef::id).containsExactly(501);
        assertThat(config.segment(502).tree()).isNotNull();
        assertThat(config.flagById(1005).key()).isEqualTo("legacy_dashboard");
    }

    @Test
    void unknownKeysAreIgnoredAndOptionalSectionsDefault() {
        Configuration config = DataFileParser.parse("{\"featureFlags\": [], \"experiments\": [1], \"x\": {}}");
        assertThat(config.flags()).isEmpty();
        assertThat(config.settings()).isEqualTo(Settings.DEFAULT);
        assertThat(config.customData()).isEqualTo(CustomDataInfo.EMPTY);
        assertThat(config.holdout()).isNull();
        assertThat(config.dateModified()).isNull();
    }

    @Test
    void duplicatedFeatureKeyKeepsTheFirstPositionWithTheLaterDefinition() {
        Configuration config = DataFileParser.parse("{\"featureFlags\": ["
                + "{\"id\": 1, \"featureKey\": \"a\", \"defaultVariationKey\": \"off\"},"
                + "{\"id\": 2, \"featureKey\": \"b\", \"defaultVariationKey\": \"off\"},"
                + "{\"id\": 3, \"featureKey\": \"a\", \"defaultVariationKey\": \"on\"}]}");
        assertThat(config.featureKeys()).containsExactly("a", "b");
        assertThat(config.flag("a").id()).isEqualTo(3);
    }

    @Test
    void meGroupsAreSortedByIdAndIncludeDisabledFlags() {
        Configuration config = DataFileParser.parse("{\"featureFlags\": ["
                + "{\"id\": 9, \"featureKey\": \"late\", \"defaultVariationKey\": \"off\", \"environmentEnabled\": true,"
                + " \"mutuallyExclusiveGroup\": \"g\"},"
                + "{\"id\": 2, \"featureKey\": \"early\", \"defaultVariationKey\": \"off\", \"environmentEnabled\": false,"
                + " \"mutuallyExclusiveGroup\": \"g\"},"
                + "{\"id\": 5, \"featureKey\": \"empty-name\", \"defaultVariationKey\": \"off\","
                + " \"mutuallyExclusiveGroup\": \"\"}]}");
        assertThat(config.meGroup("g")).extracting(FlagDef::key).containsExactly("early", "late");
        assertThat(config.meGroup("")).as("PHP: an empty name is a group").extracting(FlagDef::key)
                .containsExactly("empty-name");
    }

    @Test
    void mappingIdentifierLastOneWinsAndHoldoutIsRead() {
        Configuration config = DataFileParser.parse("{\"featureFlags\": [], \"customData\": ["
                + "{\"id\": 1, \"index\": 7, \"isMappingIdentifier\": true},"
                + "{\"id\": 2, \"index\": 8, \"isMappingIdentifier\": true}],"
                + "\"holdout\": {\"experimentId\": 9999, \"variationByExposition\": ["
                + "{\"variationKey\": \"in-holdout\", \"variationId\": 1, \"exposition\": 0.05},"
                + "{\"variationKey\": \"not-in-holdout\", \"variationId\": 2, \"exposition\": 0.95}]}}");
        assertThat(config.customData().mappingIdentifierIndex()).isEqualTo(8);
        assertThat(config.holdout().experimentId()).isEqualTo(9999);
        assertThat(config.holdout().variations()).extracting(VariationByExposition::variationKey)
                .containsExactly("in-holdout", "not-in-holdout");
    }

    @Test
    void variationMissingFromTheFlagIsServedBare() {
        Configuration config = DataFileParser.parse("{\"featureFlags\": [{\"id\": 1, \"featureKey\": \"f\","
                + " \"defaultVariationKey\": \"ghost\", \"variations\": [{\"key\": \"on\"}], \"rules\": [{\"id\": 1,"
                + " \"experimentId\": 5, \"variationByExposition\": [{\"variationKey\": \"nope\", \"variationId\": 6,"
                + " \"exposition\": 1}]}]}]}");
        FlagDef flag = config.flag("f");
        assertThat(flag.defaultVariation().getKey()).isEqualTo("ghost");
        assertThat(flag.defaultVariation().getName()).isEmpty();
        Variation bare = flag.rules().get(0).variations().get(0).result();
        assertThat(bare.getKey()).isEqualTo("nope");
        assertThat(bare.getVariables()).isEmpty();
        assertThat(config.dataFileView().getFeatureFlags().get("f").getRules().get(0).getVariations())
                .as("getDataFile lists only rule variations that exist in the flag").isEmpty();
    }

    @Test
    void aJsonVariableThatDoesNotParseIsNullAndSaidSo() {
        try (LogCapture log = new LogCapture()) {
            Configuration config = DataFileParser.parse("{\"featureFlags\": [{\"id\": 1, \"featureKey\": \"f\","
                    + " \"defaultVariationKey\": \"on\", \"variations\": [{\"key\": \"on\", \"variables\": ["
                    + "{\"key\": \"broken\", \"type\": \"JSON\", \"value\": \"{\\\"a\\\": 1,\"},"
                    + "{\"key\": \"object\", \"type\": \"JSON\", \"value\": {\"a\": 1}},"
                    + "{\"key\": \"fine\", \"type\": \"JSON\", \"value\": \"{\\\"a\\\": 1}\"}]}], \"rules\": []}]}");
            Map<String, Variable> variables = config.flag("f").defaultVariation().getVariables();
            assertThat(variables.get("broken").getValue()).isNull();
            assertThat(variables.get("object").getValue()).isNull();
            assertThat(variables.get("fine").getValue()).isEqualTo(Map.of("a", 1));
            assertThat(log.lines(LogLevel.WARNING)).filteredOn(line -> line.contains("variable")).hasSize(2)
                    .anySatisfy(line -> assertThat(line).contains("'broken'", "does not parse", "its value is null"))
                    .anySatisfy(line -> assertThat(line).contains("'object'", "is a object, not a string of JSON text"));
        }
    }
}
