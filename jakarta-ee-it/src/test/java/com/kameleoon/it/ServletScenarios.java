package com.kameleoon.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.it.VariationTable.Consent;
import com.kameleoon.it.container.Http;
import com.kameleoon.it.container.HttpReply;
import com.kameleoon.testkit.KameleoonTestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * What the filter and CDI must do in any container, checked over HTTP with real cookies against the test WAR
 * (site {@code pubconsent01p}: consent required, partially blocking, with targeted-delivery rules so that the
 * visitor-code cookie is not left to consent). Expected variations come from a table the official JavaScript SDK
 * computed on the same datafile ({@link VariationTable}, {@code oracle/pricing_page-variations.json}), never from
 * this project's SDK; a scenario that checks a variation uses one of the table's visitor codes. Tracking is
 * delivered by the deployed relay to a testkit backend. Subclasses start one container.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
abstract class ServletScenarios {
    static final String COOKIE = "kameleoonVisitorCode";
    static final String CONSENT = "kameleoonLegalConsent";
    static final String FLAG = "pricing_page";
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    KameleoonTestServer backend;
    private VariationTable expected;

    /**
     * Starts the container with the WAR deployed.
     *
     * @param systemProperties for the container's JVM (the Data API URL of the testkit)
     */
    abstract void startContainer(Map<String, String> systemProperties) throws Exception;

    /** Stops the container. */
    abstract void stopContainer() throws Exception;

    /** @return the deployed application's base URL, without a trailing slash */
    abstract String base();

    @BeforeAll
    void startAll() throws Exception {
        expected = VariationTable.load("/oracle/pricing_page-variations.json", "/it-datafile.json", FLAG);
        backend = KameleoonTestServer.start();
        startContainer(Map.of("kameleoon.data_api_url", backend.baseUri().toString(),
                "kameleoon.tracking_interval_millisecond", "1000"));
    }

    @AfterAll
    void stopAll() throws Exception {
        try {
            stopContainer();
        } finally {
            backend.close();
        }
    }

    static Path work() {
        return Path.of(System.getProperty("kameleoon.it.work", "target/it-work"));
    }

    static Path war(String property) {
        return Path.of(System.getProperty(property));
    }

    /** @return a new random visitor code, for a scenario that checks no variation */
    static String newCode() {
        return "it" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    }

    /** @return a visitor code of the expected-variation table that no other scenario of this container uses */
    String tableCode() {
        return expected.nextCode();
    }

    /**
     * @param code a visitor code from {@link #tableCode()}
     * @param consent the consent the request states (its consent cookie)
     * @return the variation of {@code pricing_page} the official SDK assigns to that visitor
     */
    String expectedVariation(String code, Consent consent) {
        return expected.key(code, consent);
    }

    List<String> linesOf(String code) {
        return backend.trackingLines().stream().filter(line -> belongsTo(line, code)).toList();
    }

    private static boolean belongsTo(String line, String code) {
        int at = line.indexOf("&visitorCode=" + code);
        int end = at + "&visitorCode=".length() + code.length();
        return at >= 0 && (end == line.length() || line.charAt(end) == '&');
    }

    /** Waits until the backend received a line of the visitor that starts with a prefix. */
    List<String> awaitLine(String code, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> lines = linesOf(code);
            if (lines.stream().anyMatch(line -> line.startsWith(prefix))) {
                return lines;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no line starting with " + prefix + " for " + code + " within " + DELIVERY
                + "; lines of this visitor: " + linesOf(code));
    }

    @Test
    void anEncodedCookieIsReadDecodedSoTheCodeSurvivesTheRoundTrip() throws Exception {
        HttpReply first = Http.get(base() + "/variation?flag=" + FLAG, COOKIE + "=user%40example.com");

        assertThat(first.field("code")).isEqualTo("user@example.com");
        assertThat(first.cookie(COOKIE)).contains("user%40example.com");
        HttpReply next = Http.get(base() + "/variation?flag=" + FLAG, COOKIE + "=" + first.cookie(COOKIE).orElseThrow());
        assertThat(next.field("code")).isEqualTo("user@example.com");
    }

    @Test
    void aFirstVisitGetsACookieAndAVariation() throws Exception {
        HttpReply answer = Http.get(base() + "/variation?flag=" + FLAG, null);

        assertThat(answer.status()).isEqualTo(200);
        String code = answer.cookie(COOKIE).orElseThrow();
        assertThat(code).matches("[a-z0-9]{16}");
        assertThat(answer.setCookie(COOKIE).orElseThrow()).contains("; Max-Age=32832000").containsIgnoringCase("; path=/")
                .contains("; SameSite=Lax").doesNotContainIgnoringCase("HttpOnly").doesNotContainIgnoringCase("Secure");
        assertThat(answer.field("code")).isEqualTo(code);
        // The filter drew the code at random, so no table holds it: the exact variation of a known code is checked
        // by the scenarios below; here, it must be one the experiment assigns without consent (no consent blocks).
        assertThat(answer.field("variation")).isIn(expected.keys(Consent.UNKNOWN));
    }

    @Test
    void theNextVisitKeepsTheCodeAndTheVariationAndExtendsTheCookie() throws Exception {
        HttpReply first = Http.get(base() + "/variation?flag=" + FLAG, null);
        String code = first.cookie(COOKIE).orElseThrow();

        HttpReply next = Http.get(base() + "/variation?flag=" + FLAG, COOKIE + "=" + code);

        assertThat(next.field("code")).isEqualTo(code);
        assertThat(next.cookie(COOKIE)).contains(code);
        assertThat(next.field("variation")).isEqualTo(first.field("variation"));
    }

    @Test
    void anInvalidOrInjectedCookieIsReplacedNeverEchoed() throws Exception {
        for (String bad : List.of("<script>alert(1)</script>", "x".repeat(300), "%3Cb%3E(x)")) {
            HttpReply answer = Http.get(base() + "/variation?flag=" + FLAG, COOKIE + "=" + bad);

            assertThat(answer.status()).isEqualTo(200);
            String code = answer.cookie(COOKIE).orElseThrow();
            assertThat(code).matches("[a-z0-9]{16}");
            assertThat(answer.field("code")).isEqualTo(code);
            assertThat(String.join("\n", answer.setCookies()) + answer.body()).doesNotContain(bad);
        }
    }

    @Test
    void refusedConsentStopsExtendingTheCookieAndHoldsBackExposures() throws Exception {
        String refused = tableCode();
        String accepted = tableCode();

        HttpReply noConsent = Http.get(base() + "/variation?flag=" + FLAG + "&goal=7001",
                COOKIE + "=" + refused + "; " + CONSENT + "=false");
        HttpReply consent = Http.get(base() + "/variation?flag=" + FLAG + "&goal=7002",
                COOKIE + "=" + accepted + "; " + CONSENT + "=true");

        assertThat(noConsent.cookie(COOKIE)).as("cookie not extended once consent is refused").isEmpty();
        assertThat(noConsent.field("variation")).as("partially blocked: the default variation")
                .isEqualTo(expectedVariation(refused, Consent.REFUSED)).isEqualTo("off");
        assertThat(consent.cookie(COOKIE)).contains(accepted);
        assertThat(consent.field("variation")).isEqualTo(expectedVariation(accepted, Consent.GIVEN));

        List<String> acceptedLines = awaitLine(accepted, "eventType=conversion&goalId=7002&");
        List<String> refusedLines = awaitLine(refused, "eventType=conversion&goalId=7001&");
        assertThat(acceptedLines).anyMatch(line -> line.startsWith("eventType=experiment&"));
        assertThat(refusedLines).as("only conversions (and targeted deliveries) without consent")
                .allMatch(line -> line.startsWith("eventType=conversion&"));
    }

    @Test
    void theServletOverloadsAgreeWithTheFilterAndGivingConsentWritesTheCookieOnce() throws Exception {
        String code = newCode();
        HttpReply answer = Http.get(base() + "/overloads?consent=true",
                COOKIE + "=" + code + "; " + CONSENT + "=false");

        assertThat(answer.field("code")).isEqualTo(code);
        assertThat(answer.setCookies().stream().filter(header -> header.startsWith(COOKIE + "=")))
                .as("refused by the cookie, then given in code: one cookie header").hasSize(1);
        assertThat(answer.cookie(COOKIE)).contains(code);
    }

    @Test
    void theOfficialSdksUntypedFormsTakeTheSamePath() throws Exception {
        String code = newCode();
        HttpReply answer = Http.get(base() + "/overloads?as=official&consent=true",
                COOKIE + "=" + code + "; " + CONSENT + "=false");

        assertThat(answer.field("code")).isEqualTo(code);
        assertThat(answer.setCookies().stream().filter(header -> header.startsWith(COOKIE + "=")))
                .as("refused by the cookie, then given in code: one cookie header").hasSize(1);
    }

    @Test
    void openFeatureEvaluatesTheRequestsVisitorLikeTheClientAndTracksThroughIt() throws Exception {
        String code = tableCode();
        HttpReply answer = Http.get(base() + "/openfeature?flag=" + FLAG + "&goal=7007",
                COOKIE + "=" + code + "; " + CONSENT + "=true");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.field("code")).isEqualTo(code);
        assertThat(answer.field("variation")).isEqualTo(expectedVariation(code, Consent.GIVEN));
        assertThat(answer.field("reason")).isIn("TARGETING_MATCH", "DEFAULT");
        awaitLine(code, "eventType=conversion&goalId=7007&revenue=10&");
    }

    @Test
    void cdiInjectsTheClientAndTheRequestVisitor() throws Exception {
        String code = tableCode();
        HttpReply answer = Http.get(base() + "/cdi?flag=" + FLAG, COOKIE + "=" + code);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.field("code")).isEqualTo(code);
        assertThat(answer.field("variation")).isEqualTo(expectedVariation(code, Consent.UNKNOWN));
        assertThat(answer.field("clientVariation")).isEqualTo(expectedVariation(code, Consent.UNKNOWN));
    }

    @Test
    void anAsyncRequestIsCommittedWhenItCompletes() throws Exception {
        String code = tableCode();
        HttpReply answer = Http.get(base() + "/async?flag=" + FLAG + "&goal=7003",
                COOKIE + "=" + code + "; " + CONSENT + "=true");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.field("variation")).isEqualTo(expectedVariation(code, Consent.GIVEN));
        List<String> lines = awaitLine(code, "eventType=conversion&goalId=7003&");
        assertThat(lines).anyMatch(line -> line.startsWith("eventType=experiment&"));
    }

    @Test
    void aRequestWhoseServletThrowsIsStillCommitted() throws Exception {
        String code = newCode();
        HttpReply answer = Http.get(base() + "/boom?goal=7004", COOKIE + "=" + code);

        assertThat(answer.status()).isEqualTo(500);
        awaitLine(code, "eventType=conversion&goalId=7004&");
    }
}
