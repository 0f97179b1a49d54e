package com.kameleoon.internal.targeting.conditions;

import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.check;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.visitor;
import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.data.Cookie;
import com.kameleoon.internal.visitor.Visitor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("COOKIE (docs/evaluation.md#cookie)")
class CookieConditionTest {

    private static String json(String name, String nameOperator, String value, String valueOperator) {
        return "{\"targetingType\":\"COOKIE\",\"name\":\"" + name + "\",\"nameMatchType\":\"" + nameOperator
                + "\",\"value\":\"" + value + "\",\"valueMatchType\":\"" + valueOperator + "\"}";
    }

    private static Visitor withCookies() {
        Map<String, String> cookies = new LinkedHashMap<>();
        cookies.put("beta_tester", "1");
        cookies.put("beta_group", "blue");
        cookies.put("session", "abc123");
        Visitor visitor = visitor();
        visitor.setCookie(new Cookie(cookies));
        return visitor;
    }

    @Test
    @DisplayName("COOKIE name EXACT selects the one cookie of that name")
    void exactName() {
        assertThat(check(json("beta_tester", "EXACT", "1", "EXACT"), withCookies())).isTrue();
        assertThat(check(json("beta_tester", "EXACT", "blue", "EXACT"), withCookies())).isFalse();
        assertThat(check(json("beta", "EXACT", "1", "EXACT"), withCookies())).isFalse();
        assertThat(check(json("BETA_TESTER", "EXACT", "1", "EXACT"), withCookies())).isFalse();
    }

    @Test
    @DisplayName("COOKIE name CONTAINS selects every cookie whose name contains the text")
    void containsName() {
        assertThat(check(json("beta", "CONTAINS", "blue", "EXACT"), withCookies())).isTrue();
        assertThat(check(json("beta", "CONTAINS", "1", "EXACT"), withCookies())).isTrue();
        assertThat(check(json("beta", "CONTAINS", "abc123", "EXACT"), withCookies())).isFalse();
    }

    @Test
    @DisplayName("COOKIE name REGULAR_EXPRESSION selects every cookie whose name matches")
    void regexName() {
        assertThat(check(json("^beta_(t|g)", "REGULAR_EXPRESSION", "blue", "EXACT"), withCookies())).isTrue();
        assertThat(check(json("^sess", "REGULAR_EXPRESSION", "blue", "EXACT"), withCookies())).isFalse();
        assertThat(check(json("sess/ion", "REGULAR_EXPRESSION", "abc123", "EXACT"), withCookies())).isFalse();
    }

    @Test
    @DisplayName("COOKIE value operators; EXACT is strict (docs/evaluation.md#strict-comparisons)")
    void valueOperators() {
        assertThat(check(json("session", "EXACT", "c12", "CONTAINS"), withCookies())).isTrue();
        assertThat(check(json("session", "EXACT", "^abc\\\\d+$", "REGULAR_EXPRESSION"), withCookies())).isTrue();
        assertThat(check(json("session", "EXACT", "ABC", "CONTAINS"), withCookies())).isFalse();
        assertThat(check(json("beta_tester", "EXACT", "1.0", "EXACT"), withCookies())).isFalse();
        assertThat(check(json("beta_tester", "EXACT", "+1", "EXACT"), withCookies())).isFalse();
        assertThat(check(json("beta_tester", "EXACT", "[", "REGULAR_EXPRESSION"), withCookies())).isFalse();
    }

    @Test
    void unsupportedOperatorsNeverMatch() {
        assertThat(check(json("session", "EQUAL", "abc123", "EXACT"), withCookies())).isFalse();
        assertThat(check(json("session", "EXACT", "abc123", "GREATER"), withCookies())).isFalse();
    }

    @Test
    @DisplayName("COOKIE without Cookie data or visitor object: false (docs/evaluation.md#data-read-by-conditions)")
    void noCookies() {
        assertThat(check(json("session", "CONTAINS", "", "CONTAINS"), visitor())).isFalse();
        assertThat(check(json("session", "CONTAINS", "", "CONTAINS"), null)).isFalse();
        Visitor empty = visitor();
        empty.setCookie(new Cookie(Map.of()));
        assertThat(check(json("", "CONTAINS", "", "CONTAINS"), empty)).isFalse();
    }
}
