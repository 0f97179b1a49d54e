package com.kameleoon.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.types.Variable;
import com.kameleoon.types.Variation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/evaluation.md#variable-typing (PHP: int for integral literals, float otherwise; JSON strings parsed) and
 * duplicates (docs/evaluation.md#compiled-indexes, #the-returned-variation). Given datafiles/variables.json and
 * datafiles/duplicates.json.
 */
class VariableTypingTest {
    private static Map<String, Variable> vars;

    @BeforeAll
    static void evaluate() {
        try (DefaultKameleoonClient client = Fixtures.client("variables.json")) {
            Variation v = client.getVariation("abc", "typed", false);
            vars = v.getVariables();
        }
    }

    private static Object value(String key) {
        assertThat(vars).containsKey(key);
        return vars.get(key).getValue();
    }

    @Test
    void variableTyping_boolean() {
        assertThat(value("bool_true")).isEqualTo(Boolean.TRUE);
        assertThat(value("bool_false")).isEqualTo(Boolean.FALSE);
        assertThat(vars.get("bool_true").getType()).isEqualTo("BOOLEAN");
    }

    @Test
    void variableTyping_numberIntegralLiteralsStayIntegral() {
        assertThat(value("int_small")).isInstanceOfAny(Integer.class, Long.class);
        assertThat(((Number) value("int_small")).longValue()).isEqualTo(7L);
        assertThat(value("int_negative")).isInstanceOfAny(Integer.class, Long.class);
        assertThat(((Number) value("int_negative")).longValue()).isEqualTo(-3L);
        assertThat(value("int_large")).isEqualTo(10_000_000_000L);
    }

    @Test
    void variableTyping_numberDecimalLiteralsAreDouble() {
        assertThat(value("decimal")).isEqualTo(12.5);
        assertThat(value("decimal_integral")).as("5.0 is a decimal literal (PHP float)").isEqualTo(5.0);
    }

    @Test
    void variableTyping_string() {
        assertThat(value("text")).isEqualTo("hello");
    }

    @Test
    void variableTyping_jsonStringsAreParsed() {
        Object object = value("json_object");
        assertThat(object).isInstanceOf(Map.class);
        Map<?, ?> map = (Map<?, ?>) object;
        assertThat(((Number) map.get("columns")).intValue()).isEqualTo(3);
        assertThat(map.get("tags")).isEqualTo(Arrays.asList("x", true, null));

        assertThat(value("json_array")).isInstanceOf(List.class);
        assertThat(((List<?>) value("json_array")).stream().map(n -> ((Number) n).intValue()))
                .containsExactly(1, 2, 3);
        assertThat(((Number) value("json_number")).intValue()).isEqualTo(42);
        assertThat(value("json_string")).isEqualTo("txt");
    }

    @Test
    void variableTyping_invalidJsonOrNonStringJsonIsNull() {
        assertThat(vars.get("json_invalid")).isNotNull();
        assertThat(value("json_invalid")).isNull();
        assertThat(vars.get("json_not_a_string")).isNotNull();
        assertThat(value("json_not_a_string")).isNull();
    }

    @Test
    void variableTyping_jsAndCssAreStrings() {
        assertThat(value("script")).isEqualTo("console.log('x');");
        assertThat(vars.get("script").getType()).isEqualTo("JS");
        assertThat(value("style")).isEqualTo(".banner{color:red}");
        assertThat(vars.get("style").getType()).isEqualTo("CSS");
    }

    @Test
    void variableTyping_unknownTypeKeepsTheRawValue() {
        assertThat(value("custom_type")).isEqualTo("#ff0000");
        assertThat(vars.get("custom_type").getType()).isEqualTo("COLOR");
    }

    @Test
    void variableTyping_duplicateVariableKeys_lastWins_PHP() {
        assertThat(value("dup")).isEqualTo("last");
    }

    @Test
    void compiledIndexes_duplicateFeatureKeys_laterDefinitionReplacesKeepingTheFirstPosition() {
        try (DefaultKameleoonClient client = Fixtures.client("duplicates.json")) {
            assertThat(client.getFeatureList()).containsExactly("dup_flag", "other_flag", "dup_variation");
            assertThat(client.getVariation("abc", "dup_flag", false).getKey()).isEqualTo("y");
            assertThat(client.getVariations("abc", false, false).keySet())
                    .containsExactly("dup_flag", "other_flag", "dup_variation");
        }
    }

    @Test
    void returnedVariation_duplicateVariationKeys_lastWins_PHP() {
        try (DefaultKameleoonClient client = Fixtures.client("duplicates.json")) {
            Variation v = client.getVariation("abc", "dup_variation", false);
            assertThat(v.getName()).isEqualTo("last v");
            assertThat(v.getVariables().get("k").getValue()).isEqualTo("last");
            assertThat(v.getId()).isEqualTo(4001);
        }
    }
}
