package com.kameleoon.internal.targeting.conditions;

import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.check;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.condition;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.context;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.data.CustomData;
import com.kameleoon.internal.config.LogCapture;
import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.logging.LogLevel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("CUSTOM_DATUM (docs/evaluation.md#custom_datum)")
class CustomDatumConditionTest {

    private static String json(String operator, String value) {
        return "{\"targetingType\":\"CUSTOM_DATUM\",\"isInclude\":true,\"customDataIndex\":\"1\","
                + "\"valueMatchType\":\"" + operator + "\",\"value\":" + value + "}";
    }

    private static Visitor withValues(String... values) {
        Visitor visitor = visitor();
        visitor.putCustomData(new CustomData(1, values), false);
        return visitor;
    }

    @Nested
    @DisplayName("CUSTOM_DATUM without data at the index: only UNDEFINED holds")
    class Missing {
        @Test
        void undefinedHoldsWithoutVisitorObject() {
            assertThat(check(json("UNDEFINED", "\"\""), null)).isTrue();
        }

        @Test
        void undefinedHoldsWhenTheIndexHasNoData() {
            Visitor visitor = visitor();
            visitor.putCustomData(new CustomData(2, "x"), false);
            assertThat(check(json("UNDEFINED", "\"\""), visitor)).isTrue();
        }

        @Test
        void everyOtherOperatorFailsWithoutData() {
            for (String operator : new String[] {"EXACT", "CONTAINS", "REGULAR_EXPRESSION", "LOWER", "EQUAL",
                    "GREATER", "TRUE", "FALSE", "AMONG_VALUES"}) {
                assertThat(check(json(operator, "\"1\""), null)).as(operator).isFalse();
                assertThat(check(json(operator, "\"1\""), visitor())).as(operator).isFalse();
            }
        }

        @Test
        void undefinedFailsWhenDataExistsEvenWithoutValues() {
            assertThat(check(json("UNDEFINED", "\"\""), withValues("a"))).isFalse();
            assertThat(check(json("UNDEFINED", "\"\""), withValues())).isFalse();
        }

        @Test
        void anEmptyValueListMatchesNothing() {
            assertThat(check(json("CONTAINS", "\"\""), withValues())).isFalse();
            assertThat(check(json("REGULAR_EXPRESSION", "\".*\""), withValues())).isFalse();
        }

        @Test
        void aMissingIndexReadsAsNoData() {
            assertThat(check("{\"targetingType\":\"CUSTOM_DATUM\",\"valueMatchType\":\"UNDEFINED\"}", withValues("a")))
                    .isTrue();
        }
    }

    @Nested
    @DisplayName("CUSTOM_DATUM string operators: any value matches")
    class Strings {
        @Test
        void exactIsStrictStringEquality() {
            assertThat(check(json("EXACT", "\"vip\""), withValues("basic", "vip"))).isTrue();
            assertThat(check(json("EXACT", "\"vip\""), withValues("VIP"))).isFalse();
            assertThat(check(json("EXACT", "\"vip\""), withValues("vip "))).isFalse();
        }

        @Test
        @DisplayName("EXACT does not emulate PHP loose equality of numeric strings"
                + " (docs/evaluation.md#strict-comparisons)")
        void exactDoesNotCompareNumericStringsAsNumbers() {
            assertThat(check(json("EXACT", "\"1000\""), withValues("1e3"))).isFalse();
            assertThat(check(json("EXACT", "\"1000\""), withValues("1000.0"))).isFalse();
            assertThat(check(json("EXACT", "\"1\""), withValues("+1"))).isFalse();
            assertThat(check(json("EXACT", "\"1000\""), withValues("1000"))).isTrue();
        }

        @Test
        void containsIsACaseSensitiveSubstringTest() {
            assertThat(check(json("CONTAINS", "\"ip\""), withValues("vip"))).isTrue();
            assertThat(check(json("CONTAINS", "\"IP\""), withValues("vip"))).isFalse();
        }

        @Test
        void regularExpressionSearchesUnanchored() {
            assertThat(check(json("REGULAR_EXPRESSION", "\"^v.p$\""), withValues("no", "vip"))).isTrue();
            assertThat(check(json("REGULAR_EXPRESSION", "\"i\""), withValues("vip"))).isTrue();
            assertThat(check(json("REGULAR_EXPRESSION", "\"^I\""), withValues("vip"))).isFalse();
        }

        @Test
        void anInvalidRegularExpressionNeverMatches() {
            Condition invalid = condition(json("REGULAR_EXPRESSION", "\"([a-z\""));
            assertThat(invalid.check(context(withValues("abc")))).isFalse();
        }

        @Test
        @DisplayName("a pattern with an unescaped '/' never matches, an escaped one does"
                + " (docs/evaluation.md#match-operators)")
        void anUnescapedSlashNeverMatches() {
            assertThat(check(json("REGULAR_EXPRESSION", "\"a/b\""), withValues("a/b"))).isFalse();
            assertThat(check(json("REGULAR_EXPRESSION", "\"a[/]b\""), withValues("a/b"))).isFalse();
            assertThat(check(json("REGULAR_EXPRESSION", "\"a\\\\/b\""), withValues("a/b"))).isTrue();
        }
    }

    @Nested
    @DisplayName("CUSTOM_DATUM numeric operators parse strictly (docs/evaluation.md#strict-comparisons)")
    class Numbers {
        @ParameterizedTest(name = "{1} {0} {2} is {3}")
        @CsvSource({
            "GREATER, 1500, 1000, true",
            "GREATER, 1000, 1000, false",
            "GREATER, 1e4, 1000, true",
            "LOWER, 999.5, 1000, true",
            "LOWER, -1, 0, true",
            "LOWER, 1000, 1000, false",
            "EQUAL, 1000.0, 1000, true",
            "EQUAL, .5, 0.5, true",
            "EQUAL, +2, 2, true",
            "EQUAL, 12abc, 12, false",
            "EQUAL, abc, 0, false",
            "EQUAL, '', 0, false",
            "EQUAL, 0x1A, 26, false",
            "EQUAL, ' 5', 5, false",
            "EQUAL, NaN, 0, false",
            "GREATER, Infinity, 0, false",
            "LOWER, '1,5', 2, false",
        })
        void comparesNumbers(String operator, String stored, String conditionValue, boolean expected) {
            assertThat(check(json(operator, "\"" + conditionValue + "\""), withValues(stored))).isEqualTo(expected);
        }

        @Test
        void anyValueMaySatisfyTheComparison() {
            assertThat(check(json("GREATER", "\"1000\""), withValues("abc", "10", "2000"))).isTrue();
        }

        @Test
        void aConditionValueThatIsNotANumberMatchesNothing() {
            assertThat(check(json("LOWER", "\"big\""), withValues("1"))).isFalse();
            assertThat(check(json("GREATER", "\"\""), withValues("1"))).isFalse();
        }

        @Test
        void theConditionValueMayBeAJsonNumber() {
            assertThat(check(json("GREATER", "1000"), withValues("1001"))).isTrue();
        }
    }

    @Nested
    @DisplayName("CUSTOM_DATUM TRUE / FALSE need exactly \"true\" / \"false\"")
    class Booleans {
        @Test
        void trueNeedsTheExactText() {
            assertThat(check(json("TRUE", "\"\""), withValues("x", "true"))).isTrue();
            assertThat(check(json("TRUE", "\"\""), withValues("TRUE", "1", "t"))).isFalse();
        }

        @Test
        void falseNeedsTheExactText() {
            assertThat(check(json("FALSE", "\"\""), withValues("false"))).isTrue();
            assertThat(check(json("FALSE", "\"\""), withValues("False", "0", "true"))).isFalse();
        }
    }

    @Nested
    @DisplayName("CUSTOM_DATUM AMONG_VALUES")
    class AmongValues {
        @Test
        void matchesAStringOfTheList() {
            assertThat(check(json("AMONG_VALUES", "\"[\\\"gold\\\",\\\"silver\\\"]\""), withValues("silver"))).isTrue();
            assertThat(check(json("AMONG_VALUES", "\"[\\\"gold\\\",\\\"silver\\\"]\""), withValues("bronze")))
                    .isFalse();
        }

        @ParameterizedTest(name = "element {0} is the text \"{1}\"")
        @CsvSource({
            "true, true",
            "false, false",
            "null, ''",
            "1, 1",
            "1.0, 1",
            "1.50, 1.5",
            "-3, -3",
            "1e2, 100",
            "0.0001, 0.0001",
        })
        void convertsElementsToText(String element, String text) {
            String condition = json("AMONG_VALUES", "\"[" + element + "]\"");
            assertThat(check(condition, withValues(text))).isTrue();
            assertThat(check(condition, withValues(text + "0"))).isFalse();
        }

        @Test
        void oneDotZeroIsNotTheText1Point0() {
            assertThat(check(json("AMONG_VALUES", "\"[1.0]\""), withValues("1.0"))).isFalse();
        }

        @Test
        void acceptsAJsonArrayInsteadOfArrayText() {
            assertThat(check(json("AMONG_VALUES", "[\"a\", 2, true]"), withValues("2"))).isTrue();
        }

        @Test
        void valueThatIsNotAJsonArrayNeverMatches() {
            assertThat(check(json("AMONG_VALUES", "\"gold\""), withValues("gold"))).isFalse();
            assertThat(check(json("AMONG_VALUES", "\"{\\\"a\\\":1}\""), withValues("1"))).isFalse();
            assertThat(check(json("AMONG_VALUES", "\"[1,\""), withValues("1"))).isFalse();
            assertThat(check("{\"targetingType\":\"CUSTOM_DATUM\",\"customDataIndex\":1,"
                    + "\"valueMatchType\":\"AMONG_VALUES\"}", withValues(""))).isFalse();
        }

        @Test
        @DisplayName("AMONG_VALUES a value that is not a JSON array is logged as an error, once per value")
        void valueThatIsNotAJsonArrayIsLogged() {
            String first = "gold-" + System.nanoTime();
            String second = "silver-" + System.nanoTime();
            try (LogCapture log = new LogCapture()) {
                condition(json("AMONG_VALUES", "\"" + first + "\""));
                condition(json("AMONG_VALUES", "\"" + first + "\""));
                condition(json("AMONG_VALUES", "\"" + second + "\""));
                assertThat(log.lines(LogLevel.ERROR)).hasSize(2)
                        .allSatisfy(line -> assertThat(line).contains("CUSTOM_DATUM", "AMONG_VALUES", "not a JSON array"));
            }
        }

        @Test
        void nestedArraysAndObjectsAreSkipped() {
            assertThat(check(json("AMONG_VALUES", "\"[[1],{\\\"a\\\":1},\\\"x\\\"]\""), withValues("[1]"))).isFalse();
            // Skipped, not read as empty text (only null is the empty text).
            assertThat(check(json("AMONG_VALUES", "\"[[1],{\\\"a\\\":1},\\\"x\\\"]\""), withValues(""))).isFalse();
            assertThat(check(json("AMONG_VALUES", "\"[[1],{\\\"a\\\":1},\\\"x\\\"]\""), withValues("x"))).isTrue();
        }
    }

    @Test
    @DisplayName("an operator CUSTOM_DATUM does not support never matches (docs/evaluation.md#match-operators)")
    void unsupportedOperatorNeverMatches() {
        assertThat(check(json("STARTS_WITH", "\"v\""), withValues("vip"))).isFalse();
        assertThat(check(json("STARTS_WITH", "\"v\""), null)).isFalse();
        assertThat(check("{\"targetingType\":\"CUSTOM_DATUM\",\"customDataIndex\":1}", withValues("vip"))).isFalse();
    }

    @Test
    @DisplayName("an operator CUSTOM_DATUM does not support is logged as an error (docs/evaluation.md#match-operators)")
    void unsupportedOperatorIsLogged() {
        String operator = "STARTS_WITH_" + System.nanoTime();
        try (LogCapture log = new LogCapture()) {
            condition(json(operator, "\"v\""));
            assertThat(log.lines(LogLevel.ERROR)).singleElement().asString()
                    .contains("CUSTOM_DATUM", "valueMatchType", operator);
        }
    }

    @Test
    @DisplayName("the description names the index, the operator and the value as written, shortened to 100 characters")
    void description() {
        assertThat(condition(json("EXACT", "\"vip\""))).hasToString("CUSTOM_DATUM[index=1, EXACT 'vip']");
        assertThat(condition(json("AMONG_VALUES", "\"[\\\"a\\\",1]\"")))
                .hasToString("CUSTOM_DATUM[index=1, AMONG_VALUES '[\"a\",1]']");
        String hundred = "v".repeat(100);
        assertThat(condition(json("CONTAINS", "\"" + hundred + "\"")))
                .hasToString("CUSTOM_DATUM[index=1, CONTAINS '" + hundred + "']");
        assertThat(condition(json("CONTAINS", "\"" + hundred + "w\"")))
                .hasToString("CUSTOM_DATUM[index=1, CONTAINS '" + hundred + "...']");
    }

    @Test
    @DisplayName("isInclude is applied by the leaf, not by the condition (docs/evaluation.md#evaluating-the-tree)")
    void isIncludeIsNotAppliedByTheCondition() {
        String excluded = "{\"targetingType\":\"CUSTOM_DATUM\",\"isInclude\":false,\"customDataIndex\":\"1\","
                + "\"valueMatchType\":\"EXACT\",\"value\":\"vip\"}";
        assertThat(check(excluded, withValues("vip"))).isTrue();
        assertThat(check(excluded, withValues("no"))).isFalse();
    }

    @Test
    @DisplayName("customDataIndex is accepted as a JSON integer or integer text (docs/evaluation.md#condition-lists)")
    void indexAsIntegerOrText() {
        String asNumber = "{\"targetingType\":\"CUSTOM_DATUM\",\"customDataIndex\":1,"
                + "\"valueMatchType\":\"EXACT\",\"value\":\"vip\"}";
        assertThat(check(asNumber, withValues("vip"))).isTrue();
        assertThat(check(json("EXACT", "\"vip\""), withValues("vip"))).isTrue();
    }

    @Test
    @DisplayName("a customDataIndex that is not an integer is a datafile error naming the field"
            + " (docs/evaluation.md#condition-lists)")
    void wrongIndexTypeNamesTheField() {
        assertThatThrownBy(() -> condition("{\"targetingType\":\"CUSTOM_DATUM\",\"customDataIndex\":\"x\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customDataIndex: expected an integer, got \"x\"");
        assertThatThrownBy(() -> condition("{\"targetingType\":\"CUSTOM_DATUM\",\"customDataIndex\":1.5}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("customDataIndex:");
        assertThatThrownBy(() -> condition("{\"targetingType\":\"CUSTOM_DATUM\",\"customDataIndex\":[1]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("customDataIndex:");
        assertThatThrownBy(() -> condition("{\"targetingType\":\"CUSTOM_DATUM\",\"customDataIndex\":1,"
                + "\"valueMatchType\":\"EXACT\",\"value\":{\"a\":1}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("value: expected a string");
    }

    @Test
    @DisplayName("a 1 MB custom-data value is handled by every operator")
    void hugeValues() {
        String huge = "x".repeat(1 << 20) + "needle";
        Visitor visitor = withValues(huge);
        assertThat(check(json("CONTAINS", "\"needle\""), visitor)).isTrue();
        assertThat(check(json("REGULAR_EXPRESSION", "\"needle$\""), visitor)).isTrue();
        assertThat(check(json("EXACT", "\"needle\""), visitor)).isFalse();
        assertThat(check(json("GREATER", "\"1\""), visitor)).isFalse();
        assertThat(check(json("AMONG_VALUES", "\"[\\\"needle\\\"]\""), visitor)).isFalse();
        String hugeCondition = json("EXACT", "\"" + huge + "\"");
        assertThat(check(hugeCondition, visitor)).isTrue();
        assertThat(condition(hugeCondition).toString()).hasSizeLessThan(300);
    }
}
