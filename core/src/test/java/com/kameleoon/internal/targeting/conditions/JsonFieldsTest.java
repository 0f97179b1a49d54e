package com.kameleoon.internal.targeting.conditions;

import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.condition;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("condition fields of the wrong JSON type (docs/evaluation.md#condition-lists)")
class JsonFieldsTest {

    private static String withIndex(String indexJson) {
        return "{\"targetingType\":\"CUSTOM_DATUM\",\"customDataIndex\":" + indexJson + ",\"valueMatchType\":\"UNDEFINED\"}";
    }

    @Test
    @DisplayName("the error quotes the offending JSON in full up to 80 characters, shortened beyond")
    void offendingJsonIsShortenedBeyond80Characters() {
        // 78 letters plus the two quotes of the JSON string: exactly 80 characters.
        String eighty = "\"" + "x".repeat(78) + "\"";
        assertThatThrownBy(() -> condition(withIndex(eighty)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customDataIndex: expected an integer, got " + eighty);
        String eightyOne = "\"" + "x".repeat(79) + "\"";
        assertThatThrownBy(() -> condition(withIndex(eightyOne)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customDataIndex: expected an integer, got " + eightyOne.substring(0, 80) + "...");
    }
}
