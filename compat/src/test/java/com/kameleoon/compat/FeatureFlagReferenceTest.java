package com.kameleoon.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonClientFactory;
import com.kameleoon.KameleoonException;
import com.kameleoon.types.Variation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference sections on feature flags: getVariation(s), isFeatureActive, the deprecated getFeature* family,
 * getFeatureList, getActiveFeatures, setForcedVariation, evaluateAudiences, getEngineTrackingCode, getDataFile, and
 * the exceptions each documents, caught by their nested names. Buckets are the official SDKs' (conformance set).
 */
@Timeout(60)
class FeatureFlagReferenceTest {
    private static final String SITE = "compat-flags";
    /** The official SDKs: new_checkout on, pricing_page variant_b, b2b_onboarding self_serve, homepage_hero hero_v2. */
    private static final String VISITOR = "qxvorw8vajdmlxu9";

    @TempDir
    static Path directory;
    private static CompatBackend backend;
    private static KameleoonClient kameleoonClient;

    @BeforeAll
    static void start() throws Exception {
        backend = CompatBackend.start(SITE, directory);
        kameleoonClient = KameleoonClientFactory.create(SITE, backend.configPath());
        kameleoonClient.waitInit().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        KameleoonClientFactory.forget(SITE);
        backend.close();
    }

    @Test
    void getVariationGivesTheVariationWithItsIdsAndVariables() {
        try {
            Variation variation = kameleoonClient.getVariation(VISITOR, "pricing_page");
            assertThat(variation.getKey()).isEqualTo("variant_b");
            assertThat(variation.getId()).isNotNull();
            assertThat(variation.getExperimentId()).isEqualTo(3002);
            assertThat(variation.getVariables()).containsKeys("show_banner", "discount_percent", "headline");
            assertThat(kameleoonClient.getVariation(VISITOR, "new_checkout", false).getKey()).isEqualTo("on");
        } catch (KameleoonException.VisitorCodeInvalid | KameleoonException.FeatureNotFound
                | KameleoonException.FeatureEnvironmentDisabled e) {
            fail("unexpected", e);
        }
    }

    @Test
    void getVariationsGivesEveryFlagOrOnlyTheActiveOnes() {
        Map<String, Variation> all = kameleoonClient.getVariations(VISITOR);
        Map<String, Variation> active = kameleoonClient.getVariations(VISITOR, true);

        assertThat(all.get("pricing_page").getKey()).isEqualTo("variant_b");
        assertThat(all.get("vip_free_shipping").getKey()).isEqualTo("off");
        assertThat(all).doesNotContainKey("legacy_dashboard");
        assertThat(active).containsOnlyKeys("new_checkout", "pricing_page", "b2b_onboarding", "homepage_hero");
    }

    @Test
    void isFeatureActiveIsFalseForAFlagOffInTheEnvironment() throws Exception {
        assertThat(kameleoonClient.isFeatureActive(VISITOR, "new_checkout")).isTrue();
        assertThat(kameleoonClient.isFeatureActive(VISITOR, "homepage_video", false)).isFalse();
        assertThat(kameleoonClient.isFeatureActive(VISITOR, "legacy_dashboard")).isFalse();
    }

    @Test
    void eachDocumentedExceptionIsThrownAndCaughtByItsNestedName() {
        try {
            kameleoonClient.getVariation(VISITOR, "no_such_flag");
            fail("FeatureNotFound expected");
        } catch (KameleoonException.FeatureNotFound expected) {
            assertThat(expected.getMessage()).contains("no_such_flag");
        }
        try {
            kameleoonClient.getVariation(VISITOR, "legacy_dashboard");
            fail("FeatureEnvironmentDisabled expected");
        } catch (KameleoonException.FeatureEnvironmentDisabled expected) {
            assertThat(expected).isInstanceOf(KameleoonException.FeatureException.class);
        }
        try {
            kameleoonClient.getVariation("", "pricing_page");
            fail("VisitorCodeInvalid expected");
        } catch (KameleoonException.VisitorCodeInvalid expected) {
            assertThat(expected).isInstanceOf(KameleoonException.class);
        }
        try {
            kameleoonClient.getVariation("x".repeat(256), "pricing_page");
            fail("VisitorCodeInvalid expected");
        } catch (KameleoonException e) {
            assertThat(e).isInstanceOf(KameleoonException.VisitorCodeInvalid.class);
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void theDeprecatedFeatureMethodsStillAnswer() throws KameleoonException {
        assertThat(kameleoonClient.getFeatureVariationKey(VISITOR, "pricing_page")).isEqualTo("variant_b");
        Object discount = kameleoonClient.getFeatureVariable(VISITOR, "pricing_page", "discount_percent");
        Map<String, Object> variables = kameleoonClient.getFeatureVariables(VISITOR, "pricing_page");
        assertThat(variables).containsEntry("discount_percent", discount).containsKey("headline");
        assertThat(kameleoonClient.getFeatureVariationVariables("pricing_page", "variant_a"))
                .containsEntry("show_banner", true).containsEntry("discount_percent", 10);
        assertThat(kameleoonClient.getActiveFeatures(VISITOR)).containsKeys("new_checkout", "pricing_page");
        List<String> activeKeys = kameleoonClient.getActiveFeatureListForVisitorCode(VISITOR);
        assertThat(activeKeys).contains("new_checkout", "pricing_page");
        try {
            kameleoonClient.getFeatureVariable(VISITOR, "pricing_page", "no_such_variable");
            fail("FeatureVariableNotFound expected");
        } catch (KameleoonException.FeatureVariableNotFound expected) {
            assertThat(expected.getMessage()).contains("no_such_variable");
        }
        try {
            kameleoonClient.getFeatureVariationVariables("pricing_page", "no_such_variation");
            fail("FeatureVariationNotFound expected");
        } catch (KameleoonException.FeatureVariationNotFound expected) {
            assertThat(expected.getMessage()).contains("no_such_variation");
        }
    }

    @Test
    void featureListAndDataFileDescribeTheConfiguration() {
        assertThat(kameleoonClient.getFeatureList()).contains("new_checkout", "pricing_page", "legacy_dashboard");
        assertThat(kameleoonClient.getDataFile().getFeatureFlags().get("pricing_page").getVariations())
                .containsKeys("off", "control", "variant_a", "variant_b");
        assertThat(kameleoonClient.getDataFile().getFeatureFlags().get("legacy_dashboard").isEnvironmentEnabled())
                .isFalse();
    }

    @Test
    void aForcedVariationWinsUntilItIsReset() throws Exception {
        kameleoonClient.setForcedVariation(VISITOR, 3002, "control");
        assertThat(kameleoonClient.getVariation(VISITOR, "pricing_page", false).getKey()).isEqualTo("control");

        kameleoonClient.setForcedVariation(VISITOR, 3002, null);
        assertThat(kameleoonClient.getVariation(VISITOR, "pricing_page", false).getKey()).isEqualTo("variant_b");
    }

    @Test
    void theEngineTrackingCodeAssignsTheTrackedVariations() throws Exception {
        String visitor = "compatenginevis1";
        Variation variation = kameleoonClient.getVariation(visitor, "pricing_page");
        kameleoonClient.evaluateAudiences(visitor);

        String code = kameleoonClient.getEngineTrackingCode(visitor);
        assertThat(code).startsWith("window.kameleoonQueue=window.kameleoonQueue||[];");
        if (variation.getId() != null) {
            assertThat(code).contains("['Experiments.assignVariation'," + variation.getExperimentId() + ","
                    + variation.getId());
        }
    }
}
