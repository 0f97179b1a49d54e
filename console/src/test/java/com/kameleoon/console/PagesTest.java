package com.kameleoon.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.ConfigurationFetch;
import com.kameleoon.integration.ClientStatus;
import com.kameleoon.integration.DeliveryStats;
import com.kameleoon.integration.UnitStats;
import com.kameleoon.spi.OutboxStats;
import com.kameleoon.spi.ParkedLine;
import com.kameleoon.spi.StoredVisitor;
import com.kameleoon.spi.VisitorItem;
import com.kameleoon.types.DataFile;
import com.kameleoon.types.FeatureFlag;
import com.kameleoon.types.Rule;
import com.kameleoon.types.Variable;
import com.kameleoon.types.Variation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Given a datafile, a stored visitor, the outbox's figures and the client's status, the pages show them, escape
 * everything that came from outside (visitor data, error texts, flag keys), and carry the CSRF token in every form.
 */
class PagesTest {
    private static final String BASE = "/shop/kameleoon-console";
    private static final String TOKEN = "tok-123";
    private static final String XSS = "<script>alert(1)</script>";

    private static DataFile dataFile() {
        Map<String, Variation> variations = new LinkedHashMap<>();
        variations.put("off", new Variation("off", "Off", null, null, Map.of()));
        variations.put("control", new Variation("control", "Control", null, null,
                Map.of("count", new Variable("count", "NUMBER", 3))));
        variations.put("variant_a", new Variation("variant_a", "A <b>", null, null,
                Map.of("count", new Variable("count", "NUMBER", 5))));
        Map<String, Variation> ruleVariations = new LinkedHashMap<>();
        ruleVariations.put("control", new Variation("control", "Control", 11, 3002, Map.of()));
        ruleVariations.put("variant_a", new Variation("variant_a", "A", 12, 3002, Map.of()));
        Map<String, FeatureFlag> flags = new LinkedHashMap<>();
        flags.put("pricing_page", new FeatureFlag(true, "off", variations, List.of(new Rule(ruleVariations))));
        flags.put("legacy", new FeatureFlag(false, "on", Map.of("on", new Variation("on", "On", null, null,
                Map.of())), List.of()));
        return new DataFile(flags, 1_767_225_600_000L);
    }

    @Test
    void theFlagsPageShowsEachFlagItsVariationsWithVariablesAndItsRules() {
        String body = FlagsPage.body(dataFile());

        assertThat(body).contains("2 flags").contains("id=\"flag-pricing_page\"").contains("enabled")
                .contains("disabled").contains("<code>count</code> (NUMBER) = <code>5</code>")
                .contains("A &lt;b&gt;").contains("<td>3002</td>").contains("control (11), variant_a (12)")
                .contains("No rule: every visitor gets the default variation.").doesNotContain("A <b>");
        assertThat(FlagsPage.body(null)).contains("No datafile");
    }

    @Test
    void aStoredVisitorShowsAssignmentsForcedVariationsConsentAndEscapedData() {
        StoredVisitor visitor = new StoredVisitor("v1", 1_767_225_600_000L, "GIVEN", false, List.of(
                new VisitorItem("AS", "3002", "{\"v\":12,\"t\":\"EXPERIMENTATION\",\"ts\":1767225600000}", true, 0),
                new VisitorItem("FV", "3002", "{\"k\":\"control\",\"f\":true}", true, 0),
                new VisitorItem("CD", "1", "{\"v\":[\"" + XSS + "\"]}", false, 0),
                new VisitorItem("UA", "", "\"Mozilla' onmouseover='x\"", true, 0)));

        String body = VisitorPage.body(BASE, "v1", visitor, FlagCatalog.of(dataFile()), TOKEN);

        assertThat(body).contains("GIVEN")
                .contains("<td>pricing_page</td><td>3002</td><td>variant_a</td><td>EXPERIMENTATION</td>")
                .contains("<td>pricing_page</td><td>3002</td><td>control</td><td>ignored (forced)</td>")
                .contains("custom data").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("Mozilla&#39; onmouseover=&#39;x").doesNotContain(XSS).doesNotContain("onmouseover='x");
        assertThat(body).as("remove and force forms carry the token")
                .contains("action=\"/shop/kameleoon-console/visitor/force\"")
                .contains("<input type=\"hidden\" name=\"csrf\" value=\"tok-123\">");
        assertThat(body).contains("<option value=\"3002:variant_a\">pricing_page → variant_a</option>")
                .contains("<option value=\"3002:\">");
    }

    @Test
    void anUnknownVisitorIsNotFoundAndAnInjectedCodeIsEscaped() {
        String code = "\"><img src=x onerror=alert(1)>";

        String body = VisitorPage.body(BASE, code, null, FlagCatalog.of(dataFile()), TOKEN);

        assertThat(body).contains("id=\"not-found\"").contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<img");
    }

    @Test
    void theOutboxPageListsParkedLinesWithTheirLastErrorAndOffersTheRetry() {
        String body = OutboxPage.body(BASE, new OutboxStats(7, 65_000, 100, 20, 0, 2), List.of(
                new ParkedLine(41, "v1", "eventType=conversion&goalId=1", 20, "HTTP 503 <html>"),
                new ParkedLine(42, "v2", "x".repeat(400), 20, null)), TOKEN);

        assertThat(body).contains("<th>Waiting lines</th><td>7</td>").contains("1 min 5 s")
                .contains("HTTP 503 &lt;html&gt;").contains("x".repeat(300) + "…").doesNotContain("x".repeat(301))
                .contains("action=\"/shop/kameleoon-console/outbox/retry\"").contains("value=\"tok-123\"");
        assertThat(OutboxPage.body(BASE, new OutboxStats(0, 0, 5, 0, 0, 0), List.of(), TOKEN))
                .contains("id=\"no-parked\"").doesNotContain("<form");
    }

    @Test
    void theOverviewShowsReadinessTheDatafileTrackingAndTheStore() {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");
        ClientStatus status = new ClientStatus(now, "site<1>", true, now.minusSeconds(90), 1_767_225_600_000L,
                new ConfigurationFetch(ConfigurationFetch.Outcome.FAILED, "HTTP 503 <x>", now.minusSeconds(5)),
                now.minusSeconds(300), false, new OutboxStats(3, 2_000, 10, 1, 0, 0),
                new DeliveryStats(4, 1, 1, now.minusSeconds(60), now.minusSeconds(2), "no answer"),
                UnitStats.NONE, 12);

        String body = OverviewPage.body(status);

        assertThat(body).contains("site&lt;1&gt;").contains(">ready<").contains("1 min 30 s")
                .contains("FAILED at 2026-01-01T09:59:55Z — HTTP 503 &lt;x&gt;").contains(">stale<")
                .contains("failing (1 batches in a row)").contains("no answer").contains("<td>12</td>")
                .contains("closed");
    }
}
