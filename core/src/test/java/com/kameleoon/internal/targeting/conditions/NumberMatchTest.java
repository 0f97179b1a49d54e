package com.kameleoon.internal.targeting.conditions;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.internal.config.LogCapture;
import com.kameleoon.logging.LogLevel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("numeric operators (docs/evaluation.md#match-operators)")
class NumberMatchTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"0, 0", "12, 12", "-12, -12", "+12, 12", "1.5, 1.5", ".5, 0.5", "5., 5", "1e3, 1000", "1E-2, 0.01",
        "-1.5e+2, -150", "007, 7", "-0, 0", "123456789012345, 123456789012345",
        "12345678901234567, 12345678901234567"})
    @DisplayName("decimal text is parsed strictly (docs/evaluation.md#strict-comparisons)")
    void parsesDecimals(String text, double value) {
        assertThat(NumberMatch.parseNumber(text)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1", "1 ", "12abc", "abc", "0x1A", "1,5", "NaN", "Infinity", "-Infinity", "1e", "e3",
        ".", "+", "1d", "1f", "--1", "1.2.3", "٣"})
    @DisplayName("text that is not a number is NaN, which satisfies no comparison"
            + " (docs/evaluation.md#strict-comparisons)")
    void rejectsEverythingElse(String text) {
        double value = NumberMatch.parseNumber(text);
        assertThat(value).isNaN();
        for (NumberMatch match : NumberMatch.values()) {
            assertThat(match.holds(value, 0)).isFalse();
            assertThat(match.holds(0, value)).isFalse();
        }
    }

    @Test
    void operators() {
        assertThat(NumberMatch.LOWER.holds(1, 2)).isTrue();
        assertThat(NumberMatch.LOWER.holds(2, 2)).isFalse();
        assertThat(NumberMatch.EQUAL.holds(2, 2)).isTrue();
        assertThat(NumberMatch.GREATER.holds(3, 2)).isTrue();
        assertThat(NumberMatch.GREATER.holds(2, 2)).isFalse();
        assertThat(NumberMatch.UNSUPPORTED.holds(2, 2)).isFalse();
        assertThat(NumberMatch.LOWER.holds(-1)).isTrue();
        assertThat(NumberMatch.EQUAL.holds(0)).isTrue();
        assertThat(NumberMatch.GREATER.holds(1)).isTrue();
        assertThat(NumberMatch.UNSUPPORTED.holds(0)).isFalse();
    }

    @Test
    @DisplayName("a comparison result of zero or below is not GREATER")
    void greaterNeedsAPositiveComparison() {
        assertThat(NumberMatch.GREATER.holds(0)).isFalse();
        assertThat(NumberMatch.GREATER.holds(-1)).isFalse();
        assertThat(NumberMatch.LOWER.holds(0)).isFalse();
        assertThat(NumberMatch.LOWER.holds(1)).isFalse();
        assertThat(NumberMatch.EQUAL.holds(1)).isFalse();
    }

    @Test
    @DisplayName("no text at all is not a number either (docs/evaluation.md#strict-comparisons)")
    void nullIsNaN() {
        assertThat(NumberMatch.parseNumber(null)).isNaN();
    }

    @Test
    @DisplayName("an operator the type does not support is logged as an error")
    void unsupportedOperatorIsLogged() {
        String operator = "BETWEEN_" + System.nanoTime();
        try (LogCapture log = new LogCapture()) {
            assertThat(NumberMatch.of(operator, "PAGE_VIEWS", "matchType")).isEqualTo(NumberMatch.UNSUPPORTED);
            assertThat(log.lines(LogLevel.ERROR)).singleElement().asString()
                    .contains("PAGE_VIEWS", "matchType", operator, "never matches");
        }
    }

    @Test
    void operatorNames() {
        assertThat(NumberMatch.of("LOWER", "T", "f")).isEqualTo(NumberMatch.LOWER);
        assertThat(NumberMatch.of("EQUAL", "T", "f")).isEqualTo(NumberMatch.EQUAL);
        assertThat(NumberMatch.of("GREATER", "T", "f")).isEqualTo(NumberMatch.GREATER);
        assertThat(NumberMatch.of("EXACT", "T", "f")).isEqualTo(NumberMatch.UNSUPPORTED);
        assertThat(NumberMatch.of(null, "T", "f")).isEqualTo(NumberMatch.UNSUPPORTED);
        assertThat(NumberMatch.of("UNSUPPORTED", "T", "f")).isEqualTo(NumberMatch.UNSUPPORTED);
    }
}
