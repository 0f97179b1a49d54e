package com.kameleoon.internal.targeting.conditions;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("string operators (docs/evaluation.md#match-operators)")
class StringMatchTest {
    private final List<String> logged = new ArrayList<>();
    private LogLevel previousLevel;

    @BeforeEach
    void captureLogs() {
        previousLevel = KameleoonLogger.getLogLevel();
        KameleoonLogger.setLogLevel(LogLevel.ERROR);
        KameleoonLogger.setLogger((level, message) -> logged.add(message));
    }

    @AfterEach
    void restoreLogs() {
        KameleoonLogger.setLogger(null);
        KameleoonLogger.setLogLevel(previousLevel);
    }

    @Test
    @DisplayName("EXACT is case-sensitive equality, CONTAINS a case-sensitive substring test")
    void exactAndContains() {
        assertThat(StringMatch.of("EXACT", "abc", "T", "f").matches("abc")).isTrue();
        assertThat(StringMatch.of("EXACT", "abc", "T", "f").matches("ABC")).isFalse();
        assertThat(StringMatch.of("CONTAINS", "b", "T", "f").matches("abc")).isTrue();
        assertThat(StringMatch.of("CONTAINS", "B", "T", "f").matches("abc")).isFalse();
        assertThat(StringMatch.of("CONTAINS", "", "T", "f").matches("")).isTrue();
        assertThat(StringMatch.of("EXACT", "abc", "T", "f").matches(null)).isFalse();
    }

    @ParameterizedTest(name = "/{0}/ on \"{1}\": {2}")
    @CsvSource({
        "b, abc, true",
        "^b, abc, false",
        "^a.c$, abc, true",
        "A, abc, false",
        "\\d{3}, x123y, true",
        "a\\/b, a/b, true",
        "a/b, a/b, false",
        "[/], /, false",
        "\\\\/, \\/, false",
        "\\\\\\/, \\/, true",
        "'', anything, true",
    })
    @DisplayName("REGULAR_EXPRESSION is an unanchored search; an unescaped '/' never matches")
    void regularExpression(String pattern, String value, boolean expected) {
        assertThat(StringMatch.of("REGULAR_EXPRESSION", pattern, "T", "f").matches(value)).isEqualTo(expected);
    }

    @Test
    @DisplayName("an invalid pattern never matches, throws nothing, and is logged once")
    void invalidPatternLoggedOnce() {
        String pattern = "(unclosed-" + System.nanoTime();
        StringMatch first = StringMatch.of("REGULAR_EXPRESSION", pattern, "PAGE_URL", "matchType");
        StringMatch second = StringMatch.of("REGULAR_EXPRESSION", pattern, "PAGE_URL", "matchType");
        assertThat(first.matches(pattern)).isFalse();
        assertThat(second.matches("anything")).isFalse();
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0)).contains("PAGE_URL", "invalid regular expression", pattern);
    }

    @Test
    @DisplayName("a pattern with an unescaped '/' is logged once")
    void slashLoggedOnce() {
        String pattern = "https://" + System.nanoTime();
        StringMatch.of("REGULAR_EXPRESSION", pattern, "PAGE_URL", "matchType");
        StringMatch.of("REGULAR_EXPRESSION", pattern, "PAGE_URL", "matchType");
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0)).contains("unescaped '/'");
    }

    @Test
    @DisplayName("an operator the type does not support never matches and is logged")
    void unsupportedOperator() {
        String operator = "LOWER_" + System.nanoTime();
        StringMatch match = StringMatch.of(operator, "abc", "PAGE_TITLE", "matchType");
        assertThat(match.matches("abc")).isFalse();
        assertThat(logged).singleElement().asString().contains("PAGE_TITLE", operator);
    }

    @Test
    @DisplayName("the description names the operator and the text, shortened to 100 characters")
    void description() {
        assertThat(StringMatch.of("CONTAINS", "/checkout", "T", "f")).hasToString("CONTAINS '/checkout'");
        assertThat(StringMatch.of("EXACT", "y".repeat(100), "T", "f")).hasToString("EXACT '" + "y".repeat(100) + "'");
        assertThat(StringMatch.of("EXACT", "y".repeat(101), "T", "f"))
                .hasToString("EXACT '" + "y".repeat(100) + "...'");
    }

    @Test
    void hugePatternIsNotKeptWholeInTheLog() {
        String pattern = "(" + "x".repeat(1 << 20);
        assertThat(StringMatch.of("REGULAR_EXPRESSION", pattern, "T", "f").matches("x")).isFalse();
        assertThat(logged).singleElement().asString().hasSizeLessThan(1000);
    }
}
