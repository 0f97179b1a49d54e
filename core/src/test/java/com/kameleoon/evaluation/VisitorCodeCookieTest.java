package com.kameleoon.evaluation;

import static com.kameleoon.evaluation.RuleLoopTest.assertVariation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.SimpleCookieJar;
import com.kameleoon.exceptions.FeatureEnvironmentDisabled;
import com.kameleoon.exceptions.VisitorCodeInvalid;
import com.kameleoon.internal.DefaultKameleoonClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cookies and visitor code (docs/wire-format.md#cookies; docs/evaluation.md#project-settings, #visitor-code-validation,
 * #legal-consent). The clock is fixed so that the cookie expires on a single-digit day: now = 2026-02-18T09:07:03Z,
 * now + 380 days = Fri, 05 Mar 2027 09:07:03 GMT.
 */
class VisitorCodeCookieTest {
    private static final long NOW = 1_771_405_623_000L;
    private static final String VISITOR = "kameleoonVisitorCode";

    private static String header(String code) {
        return "kameleoonVisitorCode=" + code
                + "; expires=Fri, 05 Mar 2027 09:07:03 GMT; Max-Age=32832000; path=/; domain=example.com; SameSite=Lax";
    }

    private static DefaultKameleoonClient client(String datafile) {
        return Fixtures.client(datafile, new Fixtures.TestClock(NOW));
    }

    @Test
    void visitorCodeCookie_aValidCookieIsKeptAndWrittenBackInThePhpForm() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            SimpleCookieJar jar = new SimpleCookieJar(Map.of(VISITOR, "abc123"));

            assertThat(client.getVisitorCode(jar)).isEqualTo("abc123");
            assertThat(jar.getSetCookieHeaders()).containsExactly(header("abc123"));
        }
    }

    @Test
    void visitorCodeCookie_theExpiryIsRenewedOnEveryCall() {
        Fixtures.TestClock clock = new Fixtures.TestClock(Fixtures.T0);
        try (DefaultKameleoonClient client = Fixtures.client(Fixtures.EXAMPLE, clock)) {
            SimpleCookieJar first = new SimpleCookieJar(Map.of(VISITOR, "abc123"));
            client.getVisitorCode(first);
            clock.set(NOW);
            SimpleCookieJar second = new SimpleCookieJar(Map.of(VISITOR, "abc123"));
            client.getVisitorCode(second);

            assertThat(first.getSetCookieHeaders()).singleElement().asString()
                    .contains("expires=Fri, 16 Jan 2026 00:00:00 GMT;");
            assertThat(second.getSetCookieHeaders()).containsExactly(header("abc123"));
        }
    }

    @Test
    void visitorCodes_withoutCookieOrDefaultA16CharacterLowerCaseAlphanumericCodeIsGenerated() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            SimpleCookieJar jar = new SimpleCookieJar();
            String code = client.getVisitorCode(jar);

            assertThat(code).matches("[a-z0-9]{16}");
            assertThat(jar.getSetCookieHeaders()).containsExactly(header(code));
            assertThat(client.getVisitorCode(new SimpleCookieJar())).isNotEqualTo(code);
        }
    }

    @Test
    void choosingTheVisitorCode_theDefaultIsUsedWhenThereIsNoCookie() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            SimpleCookieJar jar = new SimpleCookieJar();

            assertThat(client.getVisitorCode(jar, "my-default")).isEqualTo("my-default");
            assertThat(jar.getSetCookieHeaders()).containsExactly(header("my-default"));
        }
    }

    @Test
    void choosingTheVisitorCode_theCookieWinsOverTheDefault() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            assertThat(client.getVisitorCode(new SimpleCookieJar(Map.of(VISITOR, "abc123")), "my-default"))
                    .isEqualTo("abc123");
        }
    }

    @ParameterizedTest(name = "invalid cookie value [{0}] is replaced, never echoed"
            + " (docs/wire-format.md#choosing-the-visitor-code)")
    @ValueSource(strings = {"abc;def", "abc def", "abc\tdef", "abc,def", "", "0123456789012345678901234567890123456789"
            + "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
            + "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
            + "0123456789012345678901234567890123456789012345678901234567890123456789"})
    void visitorCodeValidation_anInvalidCookieIsReplacedAndNeverEchoed(String bad) {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            SimpleCookieJar jar = new SimpleCookieJar(Map.of(VISITOR, bad));
            String code = client.getVisitorCode(jar);

            assertThat(code).matches("[a-z0-9]{16}");
            assertThat(jar.getSetCookieHeaders()).containsExactly(header(code));
        }
    }

    @Test
    void visitorCodeValidation_anInvalidCookieFallsBackToTheDefault() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            SimpleCookieJar jar = new SimpleCookieJar(Map.of(VISITOR, "bad;value"));

            assertThat(client.getVisitorCode(jar, "my-default")).isEqualTo("my-default");
            assertThat(jar.getSetCookieHeaders()).containsExactly(header("my-default"));
        }
    }

    @ParameterizedTest(name = "invalid default [{0}] => VisitorCodeInvalid"
            + " (docs/evaluation.md#visitor-code-validation)")
    @ValueSource(strings = {"bad;code", "bad code", "", "bad\ncode"})
    void visitorCodeValidation_anInvalidDefaultRaisesVisitorCodeInvalid(String bad) {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            SimpleCookieJar jar = new SimpleCookieJar();
            assertThatThrownBy(() -> client.getVisitorCode(jar, bad)).isInstanceOf(VisitorCodeInvalid.class);
            assertThat(jar.getSetCookieHeaders()).isEmpty();
        }
    }

    @Test
    void visitorCodeValidation_aTooLongDefaultRaisesVisitorCodeInvalid() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            assertThatThrownBy(() -> client.getVisitorCode(new SimpleCookieJar(), "x".repeat(256)))
                    .isInstanceOf(VisitorCodeInvalid.class);
        }
    }

    // ---- consent management (docs/evaluation.md#project-settings, docs/wire-format.md#visitor-code-cookie) ----------

    @Test
    void visitorCodeCookie_consentRequiredWithoutEnabledDeliveryRule_cookieNotWrittenUntilConsent() {
        try (DefaultKameleoonClient client = client("consent-managed.json")) {
            SimpleCookieJar jar = new SimpleCookieJar(Map.of(VISITOR, "abc123"));
            assertThat(client.getVisitorCode(jar)).isEqualTo("abc123");
            assertThat(jar.getSetCookieHeaders()).isEmpty();

            SimpleCookieJar fresh = new SimpleCookieJar();
            assertThat(client.getVisitorCode(fresh)).matches("[a-z0-9]{16}");
            assertThat(fresh.getSetCookieHeaders()).isEmpty();

            client.setLegalConsent("abc123", true, jar);
            assertThat(jar.getSetCookieHeaders()).containsExactly(header("abc123"));
        }
    }

    @Test
    void consentAndTheCookie_refusingConsentWritesNothing() {
        try (DefaultKameleoonClient client = client("consent-managed.json")) {
            SimpleCookieJar jar = new SimpleCookieJar(Map.of(VISITOR, "abc123"));
            client.getVisitorCode(jar);
            client.setLegalConsent("abc123", false, jar);

            assertThat(jar.getSetCookieHeaders()).isEmpty();
        }
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            SimpleCookieJar jar = new SimpleCookieJar();
            client.setLegalConsent("abc123", false, jar);

            assertThat(jar.getSetCookieHeaders()).isEmpty();
        }
    }

    @Test
    void projectSettings_consentRequiredWithAnEnabledDeliveryRule_cookieIsWritten() {
        try (DefaultKameleoonClient client = client("rule-loop-consent-partial.json")) {
            SimpleCookieJar jar = new SimpleCookieJar(Map.of(VISITOR, "abc123"));
            client.getVisitorCode(jar);

            assertThat(jar.getSetCookieHeaders()).containsExactly(header("abc123"));
        }
    }

    @Test
    void consentAndTheCookie_givingConsentWritesTheCookieRegardlessOfManagement() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            SimpleCookieJar jar = new SimpleCookieJar();
            client.setLegalConsent("abc123", true, jar);

            assertThat(jar.getSetCookieHeaders()).containsExactly(header("abc123"));
        }
    }

    @Test
    void visitorCodeCookie_theCookieValueIsUrlEncoded() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            SimpleCookieJar jar = new SimpleCookieJar();
            assertThat(client.getVisitorCode(jar, "visiteur-é")).isEqualTo("visiteur-é");

            assertThat(jar.getSetCookieHeaders()).containsExactly(header("visiteur-%C3%A9"));
        }
    }

    @Test
    void choosingTheVisitorCode_anEncodedCookieIsReadDecodedSoTheCodeSurvivesTheRoundTrip() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            SimpleCookieJar next = new SimpleCookieJar(Map.of("kameleoonVisitorCode", "visiteur-%C3%A9"));
            assertThat(client.getVisitorCode(next)).isEqualTo("visiteur-é");
            assertThat(client.getVisitorCode(next)).as("again within the exchange").isEqualTo("visiteur-é");

            assertThat(next.getSetCookieHeaders()).containsExactly(header("visiteur-%C3%A9"),
                    header("visiteur-%C3%A9"));
        }
    }

    @Test
    void visitorCodeValidation_setLegalConsentRejectsACodeThatWouldReachTheCookie() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            SimpleCookieJar jar = new SimpleCookieJar();
            assertThatThrownBy(() -> client.setLegalConsent("bad;code", true, jar))
                    .isInstanceOf(VisitorCodeInvalid.class);
            assertThat(jar.getSetCookieHeaders()).isEmpty();
        }
    }

    /**
     * A code that is not cookie-safe is still a valid visitor code when no cookie is written, and the consent is
     * recorded for it. Observed through the rule loop (docs/evaluation.md#rule-loop) on a FULLY_BLOCK datafile: with
     * consent NOT_GIVEN the experiment rule of experiment_then_delivery raises FeatureEnvironmentDisabled, with GIVEN
     * it assigns "a".
     */
    @Test
    void visitorCodeValidation_setLegalConsentWithoutCookieWriteAcceptsAnyValidCode() {
        try (DefaultKameleoonClient client = client("rule-loop-consent-full.json")) {
            client.setLegalConsent("bad;code", false);
            assertThatThrownBy(() -> client.getVariation("bad;code", "experiment_then_delivery", false))
                    .isInstanceOf(FeatureEnvironmentDisabled.class);

            client.setLegalConsent("bad;code", true);
            assertVariation(client.getVariation("bad;code", "experiment_then_delivery", false), "a", 6101, 5101);

            SimpleCookieJar jar = new SimpleCookieJar();
            client.setLegalConsent("bad;code", false, jar);
            assertThatThrownBy(() -> client.getVariation("bad;code", "experiment_then_delivery", false))
                    .isInstanceOf(FeatureEnvironmentDisabled.class);
            assertThat(jar.getSetCookieHeaders()).as("refusing consent writes no cookie").isEmpty();
        }
    }

    @Test
    void choosingTheVisitorCode_aCodeAlreadyWrittenInTheResponseIsReused() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            SimpleCookieJar jar = new SimpleCookieJar();
            String first = client.getVisitorCode(jar);

            assertThat(client.getVisitorCode(jar)).isEqualTo(first);
            assertThat(client.getVisitorCode(jar, "my-default")).isEqualTo(first);
        }
    }
}
