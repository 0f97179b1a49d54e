package com.kameleoon.evaluation;

import static com.kameleoon.evaluation.Fixtures.specHash;
import static com.kameleoon.evaluation.Fixtures.visitorWhere;
import static com.kameleoon.evaluation.RuleLoopTest.assertVariation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.SimpleCookieJar;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Device;
import com.kameleoon.data.DeviceType;
import com.kameleoon.exceptions.VisitorCodeInvalid;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.internal.visitor.LegalConsent;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.types.Variation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Project decisions (docs/evaluation.md#project-decisions) and visitor data rules: bucketing code, visitor-code
 * validation, custom data by name and mapping identifier. Example datafile: b2b_onboarding (experiment 3006, guided
 * 4050 for hash <= 0.5, self_serve 4051 above) buckets on custom data id 9003 = index 3 "account_id"; index 4 "user_id"
 * is the mapping identifier.
 */
class ProjectDecisionsTest {
    /** A visitor whose own code puts it in self_serve: hash(code + 3006) > 0.5. */
    private static final String SELF_SERVE = visitorWhere("b2b-", c -> specHash(c + "3006") > 0.5);

    private static DefaultKameleoonClient client() {
        return Fixtures.client(Fixtures.EXAMPLE, new Fixtures.TestClock());
    }

    // ---- bucketing code (docs/evaluation.md#bucketing-code) -------------------------------------------

    @Test
    void bucketingCode_bucketingCustomDataReplacesTheVisitorCode() {
        // hash("acme3006") = 0.1012 => guided, whatever the visitor code
        try (DefaultKameleoonClient client = client()) {
            client.addData(SELF_SERVE, false, new CustomData(3, "acme"));
            assertVariation(client.getVariation(SELF_SERVE, "b2b_onboarding", false), "guided", 4050, 3006);
        }
    }

    @Test
    void bucketingCode_bucketingCustomDataGivenByName() {
        try (DefaultKameleoonClient client = client()) {
            client.addData(SELF_SERVE, false, new CustomData("account_id", "acme"));
            assertVariation(client.getVariation(SELF_SERVE, "b2b_onboarding", false), "guided", 4050, 3006);
        }
    }

    @Test
    void bucketingCode_projectDecision_anEmptyBucketingValueCountsAsAbsent() {
        // PHP would hash "" + "3006" = 0.3477 => guided; the project uses the visitor code => self_serve
        assertThat(specHash("3006")).isLessThanOrEqualTo(0.5);
        try (DefaultKameleoonClient client = client()) {
            client.addData(SELF_SERVE, false, new CustomData(3, ""));
            assertVariation(client.getVariation(SELF_SERVE, "b2b_onboarding", false), "self_serve", 4051, 3006);
        }
    }

    @Test
    void bucketingCode_theFirstNonEmptyValueIsUsed() {
        try (DefaultKameleoonClient client = client()) {
            client.addData(SELF_SERVE, false, new CustomData(3, "", "acme", "globex"));
            assertVariation(client.getVariation(SELF_SERVE, "b2b_onboarding", false), "guided", 4050, 3006);
        }
    }

    @Test
    void addingData_customDataWithAnUnknownNameIsDropped() {
        try (DefaultKameleoonClient client = client()) {
            assertThatCode(() -> client.addData(SELF_SERVE, false, new CustomData("no_such_name", "acme")))
                    .doesNotThrowAnyException();
            assertVariation(client.getVariation(SELF_SERVE, "b2b_onboarding", false), "self_serve", 4051, 3006);
        }
    }

    // ---- mapping identifier (docs/evaluation.md#mapping-identifier) -----------------------------------

    private static Map<String, List<Object>> rows(Map<String, Variation> variations) {
        Map<String, List<Object>> rows = new LinkedHashMap<>();
        variations.forEach((k, v) -> rows.put(k, java.util.Arrays.asList(v.getKey(), v.getId(), v.getExperimentId())));
        return rows;
    }

    private static Map<String, List<Object>> freshVariations(String code) {
        try (DefaultKameleoonClient client = client()) {
            return rows(client.getVariations(code, false, false));
        }
    }

    @Test
    void addingData_step4_afterTheMappingIdentifierTheUserIdBucketsLikeTheAnonymousCode() {
        String anonymous = "anon-7f3k2";
        String userId = visitorWhere("user-", c -> !freshVariations(c).equals(freshVariations(anonymous)));
        Map<String, List<Object>> anonymousBuckets = freshVariations(anonymous);

        try (DefaultKameleoonClient client = client()) {
            client.addData(anonymous, false, new CustomData(4, userId));

            assertThat(rows(client.getVariations(userId, false, false))).isEqualTo(anonymousBuckets);
        }
    }

    @Test
    void addingData_step4_theUserIdSharesTheAnonymousVisitorsData() {
        try (DefaultKameleoonClient client = client()) {
            client.addData("anon-shared", false, new CustomData("user_id", "user-shared"));
            client.addData("user-shared", false, new CustomData(1, "vip"));

            // segment 501 (custom data index 1 == vip) now matches the anonymous code too
            assertVariation(client.getVariation("anon-shared", "vip_free_shipping", false), "on", 4020, 3003);
        }
    }

    // ---- visitor-code validation (docs/evaluation.md#visitor-code-validation) -------------------------

    private static void forEveryMethod(DefaultKameleoonClient client, String code, Consumer<Executable> check) {
        check.accept(() -> client.getVariation(code, "new_checkout", false));
        check.accept(() -> client.getVariations(code, false, false));
        check.accept(() -> client.isFeatureActive(code, "new_checkout", false));
        check.accept(() -> client.addData(code, false, new Device(DeviceType.PHONE)));
        check.accept(() -> client.flush(code, false));
        check.accept(() -> client.trackConversion(code, 1));
        check.accept(() -> client.setLegalConsent(code, true));
        check.accept(() -> client.setForcedVariation(code, 3002, "control", true));
        check.accept(() -> client.evaluateAudiences(code));
        check.accept(() -> client.getEngineTrackingCode(code));
        check.accept(() -> client.getFeatureVariationKey(code, "new_checkout"));
        check.accept(() -> client.getFeatureVariable(code, "pricing_page", "headline"));
        check.accept(() -> client.getActiveFeatures(code));
        check.accept(() -> client.getActiveFeatureListForVisitor(code));
    }

    /**
     * After {@link #forEveryMethod} accepted {@code code}, each call did its work on that one visitor: its own hash
     * decides new_checkout (delivery rule 2001, exposition 0.5: in iff hash(code + "2001") <= 0.5,
     * docs/evaluation.md#hash-inputs and #exposition-and-share-boundaries), and the forced variation, device, consent
     * and conversion it was given are stored under it.
     */
    private static void assertTakenAsItIs(DefaultKameleoonClient client, String code) {
        if (specHash(code + "2001") <= 0.5) {
            assertVariation(client.getVariation(code, "new_checkout", false), "on", 4001, 3001);
        } else {
            assertVariation(client.getVariation(code, "new_checkout", false), "off", null, null);
        }
        assertVariation(client.getVariation(code, "pricing_page", false), "control", 4010, 3002);
        Visitor visitor = client.visitorStore().get(code);
        assertThat(visitor).as("the visitor of %s", code).isNotNull();
        synchronized (visitor) {
            assertThat(visitor.device()).isEqualTo(new Device(DeviceType.PHONE));
            assertThat(visitor.consent()).isEqualTo(LegalConsent.GIVEN);
            assertThat(visitor.conversionGoals()).containsExactly(1);
        }
    }

    @Test
    void visitorCodeValidation_projectDecision_255CharactersAreValidEvenWhenLongerThan255Bytes() {
        String code = "é".repeat(255); // 510 UTF-8 bytes
        try (DefaultKameleoonClient client = client()) {
            forEveryMethod(client, code, call -> assertThatCode(call::execute).doesNotThrowAnyException());
            assertTakenAsItIs(client, code);
            assertThat(client.visitorStore().get(code.substring(1))).as("not cut to 254 characters").isNull();
        }
    }

    @Test
    void visitorCodeValidation_256CharactersAreInvalid() {
        String code = "é".repeat(256);
        try (DefaultKameleoonClient client = client()) {
            forEveryMethod(client, code, call -> assertThatThrownBy(call::execute).isInstanceOf(VisitorCodeInvalid.class));
            assertThatThrownBy(() -> client.getVisitorCode(new SimpleCookieJar(), code))
                    .isInstanceOf(VisitorCodeInvalid.class);
        }
    }

    @Test
    void visitorCodeValidation_emptyCodeIsInvalid() {
        try (DefaultKameleoonClient client = client()) {
            forEveryMethod(client, "", call -> assertThatThrownBy(call::execute).isInstanceOf(VisitorCodeInvalid.class));
        }
    }

    @Test
    void visitorCodeValidation_decided_zeroIsAValidVisitorCode() {
        try (DefaultKameleoonClient client = client()) {
            forEveryMethod(client, "0", call -> assertThatCode(call::execute).doesNotThrowAnyException());
            assertTakenAsItIs(client, "0");
            assertThat(client.getVisitorCode(new SimpleCookieJar(), "0")).isEqualTo("0");
        }
    }

    @Test
    void visitorCodeValidation_validationHappensBeforeTheFlagLookup() {
        try (DefaultKameleoonClient client = client()) {
            assertThatThrownBy(() -> client.getVariation("", "no_such_flag", false))
                    .isInstanceOf(VisitorCodeInvalid.class);
            assertThatThrownBy(() -> client.isFeatureActive("", "no_such_flag", false))
                    .isInstanceOf(VisitorCodeInvalid.class);
            assertThatThrownBy(() -> client.getFeatureVariable("", "no_such_flag", "x"))
                    .isInstanceOf(VisitorCodeInvalid.class);
        }
    }

    @Test
    void bucketingCode_bucketingCustomDataWinsOverTheMappingIdentifier() {
        try (DefaultKameleoonClient client = client()) {
            client.addData("anon-b2b", false, new CustomData(4, SELF_SERVE), new CustomData(3, "acme"));
            assertVariation(client.getVariation(SELF_SERVE, "b2b_onboarding", false), "guided", 4050, 3006);
        }
    }

    @Test
    void dataReadByConditions_visitorCodeConditionsUseTheMethodsCodeNotTheMappingIdentifier() {
        // search_algorithm rule 2: delivery on segment 503 = France AND NOT visitor code ~ ^bot-
        try (DefaultKameleoonClient client = client()) {
            client.addData("fr-anon", false, new com.kameleoon.data.Geolocation("France"),
                    new CustomData(4, "bot-user"));

            assertVariation(client.getVariation("fr-anon", "search_algorithm", false), "bm25", 4032, 3014);
            RuleLoopTest.assertDefault(client.getVariation("bot-user", "search_algorithm", false));
        }
    }
}
