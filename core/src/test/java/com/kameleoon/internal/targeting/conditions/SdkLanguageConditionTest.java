package com.kameleoon.internal.targeting.conditions;

import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.check;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.condition;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.visitor;
import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.internal.targeting.TargetingContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fixtures' SDK is {@code JAVA} version {@value TargetingFixtures#SDK_VERSION}. */
@DisplayName("SDK_LANGUAGE (docs/evaluation.md#sdk_language)")
class SdkLanguageConditionTest {

    private static String json(String language, String version, String operator) {
        return "{\"targetingType\":\"SDK_LANGUAGE\",\"sdkLanguage\":\"" + language + "\",\"version\":\"" + version
                + "\",\"versionMatchType\":\"" + operator + "\"}";
    }

    @Test
    @DisplayName("SDK_LANGUAGE compares the SDK name exactly; this SDK is JAVA")
    void language() {
        assertThat(check("{\"targetingType\":\"SDK_LANGUAGE\",\"sdkLanguage\":\"JAVA\"}", null)).isTrue();
        assertThat(check("{\"targetingType\":\"SDK_LANGUAGE\",\"sdkLanguage\":\"PHP\"}", visitor())).isFalse();
        assertThat(check("{\"targetingType\":\"SDK_LANGUAGE\",\"sdkLanguage\":\"java\"}", null)).isFalse();
        assertThat(check("{\"targetingType\":\"SDK_LANGUAGE\"}", null)).isFalse();
    }

    @ParameterizedTest(name = "4.2.1 {1} {0} is {2}")
    @CsvSource({
        "4.2.1, EQUAL, true",
        "4.2, GREATER, true",
        "4.2.0, GREATER, true",
        "4.10, LOWER, true",
        "4.2.1, LOWER, false",
        "5, LOWER, true",
        "4.2.1.7, EQUAL, true",
        "4.2.x, EQUAL, false",
        "'', EQUAL, false",
        "4.2.1, CONTAINS, false",
    })
    @DisplayName("SDK_LANGUAGE compares the SDK's own version (APPLICATION_VERSION rules)")
    void version(String version, String operator, boolean expected) {
        assertThat(check(json("JAVA", version, operator), null)).isEqualTo(expected);
    }

    @Test
    @DisplayName("SDK_LANGUAGE another language fails even when the version would match")
    void languageBeforeVersion() {
        assertThat(check(json("GO", "4.2.1", "EQUAL"), null)).isFalse();
    }

    @Test
    void invalidSdkVersionNeverMatches() {
        TargetingContext context = new TargetingContext("v", null, TargetingContext.NO_EXPERIMENT, null, 0,
                TargetingFixtures.ZONE, "JAVA", "dev-build");
        assertThat(condition(json("JAVA", "1.0.0", "GREATER")).check(context)).isFalse();
    }
}
