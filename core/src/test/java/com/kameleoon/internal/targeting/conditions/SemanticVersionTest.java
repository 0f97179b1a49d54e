package com.kameleoon.internal.targeting.conditions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("APPLICATION_VERSION version parsing (docs/evaluation.md#application_version)")
class SemanticVersionTest {

    @ParameterizedTest(name = "\"{0}\" is {1}.{2}.{3}")
    @CsvSource({
        "1, 1, 0, 0",
        "1.2, 1, 2, 0",
        "1.2.3, 1, 2, 3",
        "1.2.3.4, 1, 2, 3",
        "1.2.3.x, 1, 2, 3",
        "1.2.3., 1, 2, 3",
        "010.002.000, 10, 2, 0",
    })
    void parses(String text, long major, long minor, long patch) {
        assertThat(SemanticVersion.parse(text)).isEqualTo(new SemanticVersion(major, minor, patch));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "1.", "1..2", ".1", "3.x.1", "+1.2", "-1", "1.-2", " 1", "1 ", "a", "1.2a",
        "１.2"})
    void rejects(String text) {
        assertThat(SemanticVersion.parse(text)).isNull();
        assertThat(new SemanticVersion(1, 0, 0).compareToText(text)).isEqualTo(SemanticVersion.INVALID);
    }

    @Test
    void nullIsInvalid() {
        assertThat(SemanticVersion.parse(null)).isNull();
        assertThat(new SemanticVersion(1, 0, 0).compareToText(null)).isEqualTo(SemanticVersion.INVALID);
    }

    @Test
    @DisplayName("versions compare part by part, numerically")
    void compares() {
        SemanticVersion v199 = SemanticVersion.parse("1.9.9");
        assertThat(v199.compareToText("1.10.0")).isPositive();
        assertThat(v199.compareToText("1.9.9")).isZero();
        assertThat(v199.compareToText("1.9")).isNegative();
        assertThat(v199.compareToText("2")).isPositive();
        assertThat(SemanticVersion.parse("1.10.0")).isGreaterThan(v199);
    }

    @Test
    @DisplayName("BROWSER reads a version as the number major.minor (docs/evaluation.md#browser)")
    void majorMinor() {
        assertThat(SemanticVersion.parse("100.2.3").majorMinor()).isEqualTo(100.2);
        assertThat(SemanticVersion.parse("100").majorMinor()).isEqualTo(100.0);
        assertThat(SemanticVersion.parse("1.10").majorMinor()).isEqualTo(1.1);
    }

    @Test
    void hugePartsSaturateInsteadOfWrapping() {
        SemanticVersion huge = SemanticVersion.parse("99999999999999999999999");
        assertThat(huge.major()).isEqualTo(Long.MAX_VALUE);
        assertThat(huge.compareToText("1")).isNegative();
    }
}
