package com.kameleoon.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.internal.config.LogCapture;
import com.kameleoon.logging.LogLevel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed reads of variables survive a type change in the Kameleoon app: the caller's default, and one warning. */
class TypedVariableTest {
    @Test
    void aValueOfTheAskedTypeIsReturned() {
        assertThat(new Variable("n", "NUMBER", 5).getValue(Integer.class, 3)).isEqualTo(5);
        assertThat(new Variable("s", "STRING", "x").getValue(String.class, "d")).isEqualTo("x");
        assertThat(new Variable("j", "JSON", List.of(1)).getValue(List.class, List.of())).isEqualTo(List.of(1));
    }

    @Test
    void numbersAreConvertedWhenTheyFitExactly() {
        assertThat(new Variable("n", "NUMBER", 5).getValue(Long.class, 0L)).isEqualTo(5L);
        assertThat(new Variable("n", "NUMBER", 5).getValue(Double.class, 0.0)).isEqualTo(5.0);
        assertThat(new Variable("n", "NUMBER", 7L).getValue(Integer.class, 0)).isEqualTo(7);
        assertThat(new Variable("n", "NUMBER", 1.5).getValue(Double.class, 0.0)).isEqualTo(1.5);
    }

    @Test
    void aValueOfAnotherTypeGivesTheFallbackAndOneWarningNamingTheVariable() {
        try (LogCapture log = new LogCapture()) {
            Variable changed = new Variable("num_recommended_products", "STRING", "five");
            assertThat(changed.getValue(Integer.class, 3)).isEqualTo(3);
            assertThat(changed.getValue(Integer.class, 3)).isEqualTo(3);
            assertThat(new Variable("n", "NUMBER", 1.5).getValue(Integer.class, 0)).as("not exact").isZero();
            assertThat(new Variable("n", "NUMBER", 1L << 40).getValue(Integer.class, 0)).as("too large").isZero();
            assertThat(log.lines(LogLevel.WARNING)).filteredOn(line -> line.contains("num_recommended_products"))
                    .singleElement().asString()
                    .contains("is a STRING (String), not Integer; using the default 3");
        }
    }

    @Test
    void aMissingOrNullVariableGivesTheFallback() {
        Variation variation = new Variation("on", "On", 1, 2, Map.of("known", new Variable("known", "JSON", null)));
        try (LogCapture log = new LogCapture()) {
            assertThat(variation.getVariableValue("absent_variable", String.class, "d")).isEqualTo("d");
            assertThat(variation.getVariableValue("known", Map.class, Map.of())).isEqualTo(Map.of());
            assertThat(log.lines(LogLevel.WARNING)).anySatisfy(line -> assertThat(line)
                    .contains("'absent_variable' is missing from variation 'on'"));
        }
    }
}
