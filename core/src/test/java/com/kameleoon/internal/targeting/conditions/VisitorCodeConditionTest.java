package com.kameleoon.internal.targeting.conditions;

import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.condition;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.context;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.visitor;
import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.internal.visitor.Visitor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("VISITOR_CODE (docs/evaluation.md#visitor_code)")
class VisitorCodeConditionTest {

    private static boolean check(String operator, String expected, String visitorCode) {
        String json = "{\"targetingType\":\"VISITOR_CODE\",\"visitorCode\":\"" + expected + "\",\"matchType\":\""
                + operator + "\"}";
        return condition(json).check(context(visitorCode, null));
    }

    @Test
    @DisplayName("VISITOR_CODE matches the method's visitor code, even without visitor object")
    void operators() {
        assertThat(check("EXACT", "bot-1", "bot-1")).isTrue();
        assertThat(check("EXACT", "bot-1", "bot-10")).isFalse();
        assertThat(check("CONTAINS", "bot", "my-bot-1")).isTrue();
        assertThat(check("REGULAR_EXPRESSION", "^bot-", "bot-fr-visitor")).isTrue();
        assertThat(check("REGULAR_EXPRESSION", "^bot-", "fr-bot-visitor")).isFalse();
        assertThat(check("LOWER", "bot", "bot")).isFalse();
    }

    @Test
    @DisplayName("VISITOR_CODE reads the code given to the method, not the mapping identifier"
            + " (docs/evaluation.md#data-read-by-conditions)")
    void notTheMappingIdentifier() {
        Visitor visitor = visitor();
        visitor.setMappingIdentifier("anonymous-1");
        String json = "{\"targetingType\":\"VISITOR_CODE\",\"visitorCode\":\"user-42\",\"matchType\":\"EXACT\"}";
        assertThat(condition(json).check(context("user-42", visitor))).isTrue();
    }
}
