package com.kameleoon.internal.targeting.conditions;

import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.check;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.visitor;
import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.data.ApplicationVersion;
import com.kameleoon.internal.visitor.Visitor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("APPLICATION_VERSION (docs/evaluation.md#application_version)")
class ApplicationVersionConditionTest {

    private static String json(String version, String operator) {
        return "{\"targetingType\":\"APPLICATION_VERSION\",\"version\":\"" + version + "\",\"versionMatchType\":\""
                + operator + "\"}";
    }

    private static Visitor running(String version) {
        Visitor visitor = visitor();
        visitor.setApplicationVersion(new ApplicationVersion(version));
        return visitor;
    }

    @ParameterizedTest(name = "visitor {0} {2} condition {1} is {3}")
    @CsvSource({
        "1.10.0, 1.9.9, GREATER, true",
        "1.10.0, 1.9.9, LOWER, false",
        "1.9.9, 1.10.0, LOWER, true",
        "2, 1.99.99, GREATER, true",
        "1.2, 1.2.0, EQUAL, true",
        "1, 1.0.0, EQUAL, true",
        "1.2.3.4, 1.2.3, EQUAL, true",
        "1.2.3.x, 1.2.3, EQUAL, true",
        "1.2.3, 1.2.3.99, EQUAL, true",
        "01.002.3, 1.2.3, EQUAL, true",
        "1.2.3, 1.2.4, EQUAL, false",
        "1.2.4, 1.2.3, GREATER, true",
        "99999999999999999999, 1, GREATER, true",
    })
    @DisplayName("APPLICATION_VERSION compares major, minor, patch in turn")
    void comparison(String visitorVersion, String conditionVersion, String operator, boolean expected) {
        assertThat(check(json(conditionVersion, operator), running(visitorVersion))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" is invalid")
    @CsvSource({"3.x.1", "+1.2", "-1", "1..2", "1.2.", "''", "' 1.2'", "'1.2 '", "v1", "1.٣", "1e3"})
    @DisplayName("APPLICATION_VERSION an invalid version on either side: false")
    void invalidVersions(String invalid) {
        for (String operator : new String[] {"EQUAL", "LOWER", "GREATER"}) {
            assertThat(check(json("1.2.0", operator), running(invalid))).as("visitor " + operator).isFalse();
            assertThat(check(json(invalid, operator), running("1.2.0"))).as("condition " + operator).isFalse();
        }
    }

    @Test
    void unsupportedOperatorNeverMatches() {
        assertThat(check(json("1.2.0", "EXACT"), running("1.2.0"))).isFalse();
    }

    @Test
    @DisplayName("APPLICATION_VERSION without version data or visitor object: false"
            + " (docs/evaluation.md#data-read-by-conditions)")
    void noVersion() {
        assertThat(check(json("1.0", "GREATER"), visitor())).isFalse();
        assertThat(check(json("1.0", "GREATER"), null)).isFalse();
        assertThat(check("{\"targetingType\":\"APPLICATION_VERSION\",\"versionMatchType\":\"EQUAL\"}",
                running("1.0"))).isFalse();
    }
}
