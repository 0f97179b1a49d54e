package com.kameleoon.openfeature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ImmutableStructure;
import dev.openfeature.sdk.MutableTrackingEventDetails;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mapping from OpenFeature to Kameleoon, through OpenFeature's own client, against a real Kameleoon client. */
class KameleoonProviderTest {
    private static ProviderFixture fixture;

    @BeforeAll
    static void start() {
        fixture = ProviderFixture.start();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static EvaluationContext visitor(String code) {
        return new ImmutableContext(code);
    }

    private static EvaluationContext visitor(String code, Map<String, Value> attributes) {
        return new ImmutableContext(code, attributes);
    }

    @Test
    void booleanIsWhetherTheFlagIsActiveWithTheRuleIdsAsMetadataAndTheExposureTracked() {
        FlagEvaluationDetails<Boolean> details = fixture.features.getBooleanDetails("boolean_flag", false,
                visitor("bool-visitor"));

        assertThat(details.getValue()).isTrue();
        assertThat(details.getReason()).isEqualTo(Reason.TARGETING_MATCH.name());
        assertThat(details.getVariant()).isEqualTo("on");
        assertThat(details.getErrorCode()).isNull();
        assertThat(details.getFlagMetadata().getInteger("experimentId")).isEqualTo(3101);
        assertThat(details.getFlagMetadata().getInteger("variationId")).isEqualTo(4101);
        assertThat(fixture.linesOf("bool-visitor", 1))
                .anySatisfy(line -> assertThat(line).startsWith("eventType=experiment&id=3101&variationId=4101&"));
    }

    @Test
    void stringIsTheVariationKey() {
        FlagEvaluationDetails<String> details = fixture.features.getStringDetails("string_flag", "none",
                visitor("string-visitor"));

        assertThat(details.getValue()).isEqualTo("greeting_b");
        assertThat(details.getVariant()).isEqualTo("greeting_b");
        assertThat(details.getReason()).isEqualTo(Reason.TARGETING_MATCH.name());
    }

    @Test
    void aVariableIsNamedAfterAColonOrByTheVariableKeyAttribute() {
        EvaluationContext context = visitor("typed-visitor");
        assertThat(fixture.features.getIntegerValue("typed_flag:count", 0, context)).isEqualTo(42);
        assertThat(fixture.features.getLongValue("typed_flag:big", 0L, context)).isEqualTo(10_000_000_000L);
        assertThat(fixture.features.getDoubleValue("typed_flag:ratio", 0.0, context)).isEqualTo(0.75);
        assertThat(fixture.features.getDoubleValue("typed_flag:count", 0.0, context)).isEqualTo(42.0);
        assertThat(fixture.features.getStringValue("typed_flag:title", "", context)).isEqualTo("Welcome back");
        assertThat(fixture.features.getBooleanValue("typed_flag:enabled", false, context)).isTrue();
        Value settings = fixture.features.getObjectValue("typed_flag:settings", new Value(), context);
        assertThat(settings.asStructure().getValue("columns").asInteger()).isEqualTo(3);
        assertThat(settings.asStructure().getValue("tags").asList()).extracting(Value::asString)
                .containsExactly("new", "sale");

        EvaluationContext named = visitor("typed-visitor", Map.of("variableKey", new Value("title")));
        assertThat(fixture.features.getStringValue("typed_flag", "", named)).isEqualTo("Welcome back");
    }

    @Test
    void aNumberWithoutANamedVariableReadsTheOnlyVariableAndAnObjectReadsThemAll() {
        assertThat(fixture.features.getIntegerValue("single_variable_flag", 0, visitor("single"))).isEqualTo(5);

        Value all = fixture.features.getObjectValue("typed_flag", new Value(), visitor("all"));
        assertThat(all.asStructure().keySet()).containsExactlyInAnyOrder("enabled", "count", "ratio", "title", "settings",
                "big");
        assertThat(all.asStructure().getValue("title").asString()).isEqualTo("Welcome back");
    }

    @Test
    void severalVariablesWithoutANameIsAGeneralErrorThatSaysHowToNameOne() {
        FlagEvaluationDetails<Integer> details = fixture.features.getIntegerDetails("typed_flag", 7,
                visitor("ambiguous"));

        assertThat(details.getValue()).isEqualTo(7);
        assertThat(details.getErrorCode()).isEqualTo(ErrorCode.GENERAL);
        assertThat(details.getErrorMessage()).contains("typed_flag:enabled").contains("variableKey");
    }

    @Test
    void theDefaultVariationIsReasonDefaultWithoutMetadata() {
        FlagEvaluationDetails<Boolean> details = fixture.features.getBooleanDetails("default_only_flag", true,
                visitor("default-visitor"));

        assertThat(details.getValue()).isFalse();
        assertThat(details.getReason()).isEqualTo(Reason.DEFAULT.name());
        assertThat(details.getVariant()).isEqualTo("off");
        assertThat(details.getFlagMetadata().isEmpty()).isTrue();
    }

    @Test
    void aFlagOffInTheEnvironmentIsDisabledWithTheCallersDefault() {
        FlagEvaluationDetails<String> details = fixture.features.getStringDetails("disabled_flag", "fallback",
                visitor("disabled-visitor"));

        assertThat(details.getValue()).isEqualTo("fallback");
        assertThat(details.getReason()).isEqualTo(Reason.DISABLED.name());
        assertThat(details.getErrorCode()).isNull();
    }

    @Test
    void anUnknownFlagOrVariableIsFlagNotFound() {
        FlagEvaluationDetails<Boolean> flag = fixture.features.getBooleanDetails("no_such_flag", true,
                visitor("missing"));
        assertThat(flag.getValue()).isTrue();
        assertThat(flag.getReason()).isEqualTo(Reason.ERROR.name());
        assertThat(flag.getErrorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);

        FlagEvaluationDetails<Integer> variable = fixture.features.getIntegerDetails("typed_flag:nope", 3,
                visitor("missing"));
        assertThat(variable.getValue()).isEqualTo(3);
        assertThat(variable.getErrorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);
        assertThat(variable.getErrorMessage()).contains("nope");
    }

    @Test
    void aVariableOfAnotherTypeIsTypeMismatchWithTheDefault() {
        FlagEvaluationDetails<Integer> text = fixture.features.getIntegerDetails("typed_flag:title", 9,
                visitor("mismatch"));
        assertThat(text.getValue()).isEqualTo(9);
        assertThat(text.getErrorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(text.getErrorMessage()).contains("title").contains("integer");

        FlagEvaluationDetails<Integer> fraction = fixture.features.getIntegerDetails("typed_flag:ratio", 9,
                visitor("mismatch"));
        assertThat(fraction.getErrorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH);

        FlagEvaluationDetails<Double> none = fixture.features.getDoubleDetails("boolean_flag", 1.5,
                visitor("mismatch"));
        assertThat(none.getValue()).isEqualTo(1.5);
        assertThat(none.getErrorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH);
    }

    @Test
    void aVariableTheServedVariationLacksGivesTheDefaultWithReasonDefault() {
        FlagEvaluationDetails<Integer> details = fixture.features.getIntegerDetails("sparse_flag:discount", 1,
                visitor("sparse-visitor"));

        assertThat(details.getValue()).isEqualTo(1);
        assertThat(details.getReason()).isEqualTo(Reason.DEFAULT.name());
        assertThat(details.getVariant()).isEqualTo("off");
        assertThat(details.getErrorCode()).isNull();
    }

    @Test
    void customDataFromTheContextIsTargetedByIndexOrByName() {
        EvaluationContext byIndex = visitor("gold-by-index",
                Map.of("customData", new Value(new ImmutableStructure(Map.of("1", new Value("gold"))))));
        assertThat(fixture.features.getIntegerDetails("gold_flag:discount", 0, byIndex).getValue()).isEqualTo(15);

        EvaluationContext byName = visitor("gold-by-name",
                Map.of("customData", new Value(new ImmutableStructure(Map.of("tier", new Value("gold"))))));
        FlagEvaluationDetails<Integer> details = fixture.features.getIntegerDetails("gold_flag:discount", 0, byName);
        assertThat(details.getValue()).isEqualTo(15);
        assertThat(details.getReason()).isEqualTo(Reason.TARGETING_MATCH.name());

        EvaluationContext silver = visitor("silver",
                Map.of("customData", new Value(new ImmutableStructure(Map.of("tier", new Value("silver"))))));
        assertThat(fixture.features.getIntegerValue("gold_flag:discount", 99, silver)).isZero();
    }

    @Test
    void theDeviceFromTheContextIsTargeted() {
        assertThat(fixture.features.getStringValue("phone_flag", "", visitor("phone-user",
                Map.of("device", new Value("phone"))))).isEqualTo("mobile");
        assertThat(fixture.features.getStringValue("phone_flag", "", visitor("desktop-user",
                Map.of("device", new Value("desktop"))))).isEqualTo("off");
    }

    @Test
    void anAttributeKameleoonCannotTakeIsInvalidContextNamingIt() {
        FlagEvaluationDetails<Boolean> details = fixture.features.getBooleanDetails("boolean_flag", false,
                visitor("toaster-user", Map.of("device", new Value("toaster"))));

        assertThat(details.getErrorCode()).isEqualTo(ErrorCode.INVALID_CONTEXT);
        assertThat(details.getErrorMessage()).contains("device").contains("phone, tablet, desktop")
                .contains("toaster");
    }

    @Test
    void withoutATargetingKeyItIsTargetingKeyMissing() {
        FlagEvaluationDetails<Boolean> details = fixture.features.getBooleanDetails("boolean_flag", true,
                new ImmutableContext());

        assertThat(details.getValue()).isTrue();
        assertThat(details.getErrorCode()).isEqualTo(ErrorCode.TARGETING_KEY_MISSING);
    }

    @Test
    void aVisitorCodeLongerThanKameleoonTakesIsInvalidContextWithOrWithoutVisitorData() {
        FlagEvaluationDetails<Boolean> bare = fixture.features.getBooleanDetails("boolean_flag", false,
                visitor("v".repeat(256)));
        assertThat(bare.getErrorCode()).isEqualTo(ErrorCode.INVALID_CONTEXT);
        assertThat(bare.getErrorMessage()).contains("255");

        FlagEvaluationDetails<Boolean> withData = fixture.features.getBooleanDetails("boolean_flag", false,
                visitor("w".repeat(256), Map.of("device", new Value("phone"))));
        assertThat(withData.getErrorCode()).isEqualTo(ErrorCode.INVALID_CONTEXT);
    }

    @Test
    void configurationChangedNamesTheFlagsOfTheNewDatafileAndTheFlagsItRemoved() throws InterruptedException {
        String withTwoFlags = ProviderFixture.dataFile("/events-flags-updated.json");
        try (ProviderFixture own = ProviderFixture.start(KameleoonProviderOptions.defaults(), withTwoFlags)) {
            List<List<String>> changes = new CopyOnWriteArrayList<>();
            own.features.onProviderConfigurationChanged(details -> changes.add(details.getFlagsChanged()));
            own.server.awaitOpenStreams(own.siteCode, 1, Duration.ofSeconds(5));

            own.server.setDataFile(own.siteCode, null, ProviderFixture.dataFile("/events-flags.json"));
            own.server.pushConfigurationUpdate(own.siteCode, System.currentTimeMillis());

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (changes.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(changes).hasSize(1);
            assertThat(changes.get(0)).containsExactly("welcome_banner", "holiday_theme");
        }
    }

    @Test
    void trackIsAConversionOfTheGoalNamedByTheEvent() {
        MutableTrackingEventDetails details = new MutableTrackingEventDetails(12.5)
                .add("metadata", new Value(new ImmutableStructure(Map.of("1", new Value("gold")))));
        fixture.features.track("77", visitor("buyer"), details);
        fixture.features.track("78", visitor("buyer"), new MutableTrackingEventDetails(3).add("negative", true));

        List<String> lines = fixture.linesOf("buyer", 2);
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("eventType=conversion&goalId=77&revenue=12.5&negative=false&").contains("metadata="));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("eventType=conversion&goalId=78&revenue=3&negative=true&"));
    }

    @Test
    void trackRejectsAnEventNameThatIsNotAGoalId() {
        assertThatThrownBy(() -> fixture.provider.track("purchase", visitor("buyer-2"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("goal id")
                .hasMessageContaining("purchase");
    }
}
