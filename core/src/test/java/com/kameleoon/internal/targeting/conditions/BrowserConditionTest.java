package com.kameleoon.internal.targeting.conditions;

import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.check;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.visitor;
import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.data.Browser;
import com.kameleoon.data.BrowserType;
import com.kameleoon.internal.visitor.Visitor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("BROWSER (docs/evaluation.md#browser)")
class BrowserConditionTest {

    private static String json(String browser) {
        return "{\"targetingType\":\"BROWSER\",\"browser\":\"" + browser + "\"}";
    }

    private static String json(String browser, String version, String operator) {
        return "{\"targetingType\":\"BROWSER\",\"browser\":\"" + browser + "\",\"version\":\"" + version
                + "\",\"versionMatchType\":\"" + operator + "\"}";
    }

    private static Visitor on(Browser browser) {
        Visitor visitor = visitor();
        visitor.setBrowser(browser, false);
        return visitor;
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "CHROME, CHROME",
        "IE, INTERNET_EXPLORER",
        "INTERNET_EXPLORER, INTERNET_EXPLORER",
        "FIREFOX, FIREFOX",
        "SAFARI, SAFARI",
        "OPERA, OPERA",
        "EDGE, OTHER",
        "chrome, OTHER",
    })
    @DisplayName("BROWSER names map to browser types; unknown names mean OTHER")
    void typeMapping(String name, BrowserType type) {
        for (BrowserType other : BrowserType.values()) {
            assertThat(check(json(name), on(new Browser(other)))).as(other.name()).isEqualTo(other == type);
        }
    }

    @Test
    @DisplayName("BROWSER a condition without browser name means OTHER")
    void missingNameIsOther() {
        assertThat(check("{\"targetingType\":\"BROWSER\"}", on(new Browser(BrowserType.OTHER)))).isTrue();
        assertThat(check("{\"targetingType\":\"BROWSER\",\"browser\":null}", on(new Browser(BrowserType.OTHER))))
                .isTrue();
        assertThat(check("{\"targetingType\":\"BROWSER\"}", on(new Browser(BrowserType.CHROME)))).isFalse();
    }

    @Test
    @DisplayName("BROWSER without version in the condition: any version, including none")
    void noVersion() {
        assertThat(check(json("CHROME"), on(new Browser(BrowserType.CHROME, 120)))).isTrue();
        assertThat(check(json("CHROME"), on(new Browser(BrowserType.CHROME)))).isTrue();
        assertThat(check("{\"targetingType\":\"BROWSER\",\"browser\":\"CHROME\",\"version\":null,"
                + "\"versionMatchType\":\"EQUAL\"}", on(new Browser(BrowserType.CHROME)))).isTrue();
    }

    @ParameterizedTest(name = "visitor {0} {2} condition {1} is {3}")
    @CsvSource({
        "120, 100, GREATER, true",
        "100, 100, GREATER, false",
        "100, 100, EQUAL, true",
        "100.2, 100.2.3, EQUAL, true",
        "100.2, 100.2.9.9, EQUAL, true",
        "100.3, 100.2.3, GREATER, true",
        "99.9, 100, LOWER, true",
        "100, 100.0, EQUAL, true",
        "100, 100.0.1, LOWER, false",
        "1.1, 1.10, EQUAL, true",
    })
    @DisplayName("BROWSER compares the visitor version with the condition's major.minor")
    void versionComparison(double visitorVersion, String conditionVersion, String operator, boolean expected) {
        assertThat(check(json("CHROME", conditionVersion, operator),
                on(new Browser(BrowserType.CHROME, visitorVersion)))).isEqualTo(expected);
    }

    @Test
    @DisplayName("BROWSER a visitor browser without version (NaN) fails every comparison")
    void nanVersion() {
        Visitor visitor = on(new Browser(BrowserType.CHROME));
        assertThat(check(json("CHROME", "100", "EQUAL"), visitor)).isFalse();
        assertThat(check(json("CHROME", "100", "LOWER"), visitor)).isFalse();
        assertThat(check(json("CHROME", "100", "GREATER"), visitor)).isFalse();
    }

    @Test
    @DisplayName("BROWSER version \"\" or any invalid version: false")
    void invalidConditionVersion() {
        Visitor visitor = on(new Browser(BrowserType.CHROME, 100));
        for (String version : new String[] {"", "x", "100.x", "+100", "100..1", " 100"}) {
            for (String operator : new String[] {"EQUAL", "LOWER", "GREATER"}) {
                assertThat(check(json("CHROME", version, operator), visitor)).as(version + " " + operator).isFalse();
            }
        }
    }

    @Test
    @DisplayName("BROWSER type must match before the version is compared")
    void typeFirst() {
        assertThat(check(json("FIREFOX", "100", "EQUAL"), on(new Browser(BrowserType.CHROME, 100)))).isFalse();
    }

    @Test
    void unsupportedVersionOperatorNeverMatches() {
        Visitor visitor = on(new Browser(BrowserType.CHROME, 100));
        assertThat(check(json("CHROME", "100", "CONTAINS"), visitor)).isFalse();
        assertThat(check("{\"targetingType\":\"BROWSER\",\"browser\":\"CHROME\",\"version\":\"100\"}", visitor))
                .isFalse();
    }

    @Test
    @DisplayName("BROWSER without browser data or visitor object: false (docs/evaluation.md#data-read-by-conditions)")
    void noBrowser() {
        assertThat(check(json("CHROME"), visitor())).isFalse();
        assertThat(check(json("CHROME"), null)).isFalse();
    }
}
