package com.kameleoon.internal.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.data.Browser;
import com.kameleoon.data.BrowserType;
import com.kameleoon.data.Conversion;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Device;
import com.kameleoon.data.DeviceType;
import com.kameleoon.data.Geolocation;
import com.kameleoon.data.OperatingSystem;
import com.kameleoon.data.OperatingSystemType;
import com.kameleoon.data.PageView;
import com.kameleoon.data.UniqueIdentifier;
import com.kameleoon.data.UserAgent;
import com.kameleoon.internal.data.VisitorDataWriter;
import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.datafile.DataFileParser;
import com.kameleoon.internal.visitor.AssignedVariation;
import com.kameleoon.internal.visitor.InMemoryVisitorStore;
import com.kameleoon.internal.visitor.LegalConsent;
import com.kameleoon.internal.visitor.RuleType;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.internal.visitor.VisitorVisits;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** docs/wire-format.md#reference-vectors: the byte-exact PHP 4.20 tracking lines (nonces masked). */
class TrackingLineEncoderTest {
    private static final String UA = "Mozilla/5.0 (X11; Linux) Firefox/120.0";
    private static final String UA_PARAM = "&userAgent=Mozilla%2F5.0%20(X11%3B%20Linux)%20Firefox%2F120.0";

    /**
     * Custom data 0 (cd0, VISITOR scope), 1 (loc, local only), 91 (uid, mapping identifier), as in the reference
     * vectors.
     */
    private static Configuration appendixDatafile(boolean consentRequired) {
        return DataFileParser.parse("{\"configuration\": {\"consentType\": \"" + (consentRequired ? "REQUIRED" : "NONE")
                + "\"}, \"customData\": [{\"id\": 1, \"index\": 0, \"name\": \"cd0\", \"scope\": \"VISITOR\"},"
                + "{\"id\": 2, \"index\": 1, \"name\": \"loc\", \"localOnly\": true},"
                + "{\"id\": 3, \"index\": 91, \"name\": \"uid\", \"isMappingIdentifier\": true}],"
                + "\"featureFlags\": []}");
    }

    private final InMemoryVisitorStore store = new InMemoryVisitorStore(60_000, 1000, () -> 1_000L, false);
    private final VisitorDataWriter writer = new VisitorDataWriter(store, () -> 1_000L);

    @AfterEach
    void close() {
        store.close();
    }

    private List<String> track(String code, Configuration config) {
        Visitor visitor = store.get(code);
        if (visitor == null) {
            return masked(TrackingLineEncoder.encode(null, code, config));
        }
        synchronized (visitor) {
            return masked(TrackingLineEncoder.encode(visitor, code, config));
        }
    }

    private static List<String> masked(List<String> lines) {
        return lines.stream().map(line -> line.replaceAll("nonce=[0-9A-F]{16}", "nonce=N")).collect(Collectors.toList());
    }

    @Test
    void appendixA2_mixedDataOfOneVisitor() {
        Configuration config = appendixDatafile(false);
        writer.add(config, "visitor_1", true, new CustomData(0, "first"));
        writer.add(config, "visitor_1", true, new UserAgent(UA), new Device(DeviceType.DESKTOP),
                new Browser(BrowserType.FIREFOX, 120), new OperatingSystem(OperatingSystemType.LINUX),
                Geolocation.builder("France").region("Île-de-France").city("Paris").postalCode("75001")
                        .coordinates(48.8566, 2.3522).build(),
                new CustomData("cd0", "named").withOverwrite(false), new CustomData(1, "local"),
                new PageView("https://ex.com/p?a=1&b=2", "Title é", List.of(1, 2)), new PageView("https://ex.com/q"),
                new Conversion(32, 10.5, false),
                new Conversion(33, 0, true, List.of(new CustomData(0, "m1", "m\"2"), new CustomData("cd0", "dup"),
                        new CustomData(5, "z"))));
        assertThat(track("visitor_1", config)).containsExactly(
                "eventType=staticData&deviceType=DESKTOP&nonce=N&visitorCode=visitor_1" + UA_PARAM,
                "eventType=staticData&browserIndex=2&nonce=N&browserVersion=120&visitorCode=visitor_1",
                "eventType=staticData&os=LINUX&osIndex=3&nonce=N&visitorCode=visitor_1",
                "eventType=geolocation&country=France&region=%C3%8Ele-de-France&city=Paris&postalCode=75001&nonce=N"
                        + "&latitude=48.8566&longitude=2.3522&visitorCode=visitor_1",
                "eventType=customData&index=0&valuesCountMap=%7B%22named%22%3A1%7D&overwrite=false&nonce=N"
                        + "&visitorCode=visitor_1",
                "eventType=page&href=https%3A%2F%2Fex.com%2Fp%3Fa%3D1%26b%3D2&title=Title%20%C3%A9&nonce=N"
                        + "&referrersIndices=%5B1%2C2%5D&visitorCode=visitor_1",
                "eventType=page&href=https%3A%2F%2Fex.com%2Fq&nonce=N&visitorCode=visitor_1",
                "eventType=conversion&goalId=32&revenue=10.5&negative=false&nonce=N&visitorCode=visitor_1",
                "eventType=conversion&goalId=33&revenue=0&negative=true&nonce=N&metadata=%7B%220%22%3A%5B%22m1%22"
                        + "%2C%22m%5C%222%22%5D%2C%225%22%3A%5B%22z%22%5D%7D&visitorCode=visitor_1");
        assertThat(track("visitor_1", config)).containsExactly(
                "eventType=activity&nonce=N&visitorCode=visitor_1" + UA_PARAM);
        assertThat(track("other", config)).containsExactly("eventType=activity&nonce=N&visitorCode=other");
    }

    @Test
    void appendixA3_customDataEscaping() {
        Configuration config = appendixDatafile(false);
        writer.add(config, "v1", true, new CustomData(0, "a b", "c\"d", "e\\f", "é/ü", "x!*'()~", "tab\there",
                "line\u2028sep", "1", "1", "", "+&=?#%"), new CustomData(7));
        assertThat(track("v1", config)).containsExactly(
                "eventType=customData&index=0&valuesCountMap=%7B%22a%20b%22%3A1%2C%22c%5C%22d%22%3A1%2C%22e%5C%5Cf"
                        + "%22%3A1%2C%22%C3%A9%2F%C3%BC%22%3A1%2C%22x!*'()~%22%3A1%2C%22tab%5Cthere%22%3A1%2C%22line"
                        + "%5Cu2028sep%22%3A1%2C%221%22%3A1%2C%22%22%3A1%2C%22%2B%26%3D%3F%23%25%22%3A1%7D"
                        + "&overwrite=true&nonce=N&visitorCode=v1",
                "eventType=customData&index=7&valuesCountMap=%7B%7D&overwrite=true&nonce=N&visitorCode=v1");
    }

    @Test
    void appendixA4_floatsAndEmptyStrings() {
        Configuration config = appendixDatafile(false);
        writer.add(config, "v2", true, new Browser(BrowserType.CHROME, 99.5), new Geolocation("DE", "", "Berlin", null,
                null, null), new Conversion(1, 0.1 + 0.2), new Conversion(2, 1e20), new Conversion(3, 123456789012345.0),
                new Conversion(4, 0.00001), new Conversion(5, -3.0));
        assertThat(track("v2", config)).containsExactly(
                "eventType=staticData&browserIndex=0&nonce=N&browserVersion=99.5&visitorCode=v2",
                "eventType=geolocation&country=DE&region=&city=Berlin&nonce=N&visitorCode=v2",
                "eventType=conversion&goalId=1&revenue=0.3&negative=false&nonce=N&visitorCode=v2",
                "eventType=conversion&goalId=2&revenue=1.0E%2B20&negative=false&nonce=N&visitorCode=v2",
                "eventType=conversion&goalId=3&revenue=1.2345678901234E%2B14&negative=false&nonce=N&visitorCode=v2",
                "eventType=conversion&goalId=4&revenue=1.0E-5&negative=false&nonce=N&visitorCode=v2",
                "eventType=conversion&goalId=5&revenue=-3&negative=false&nonce=N&visitorCode=v2");
    }

    @Test
    void appendixA5_mappingIdentifierAndUniqueIdentifier() {
        Configuration config = appendixDatafile(false);
        writer.add(config, "anon1", true, new CustomData(91, "user42"));
        String mapping42 = "eventType=customData&index=91&valuesCountMap=%7B%22user42%22%3A1%7D&overwrite=true&nonce=N"
                + "&mappingIdentifier=true";
        assertThat(track("anon1", config)).containsExactly(mapping42 + "&visitorCode=anon1");
        writer.add(config, "user42", true, new UniqueIdentifier(true), new PageView("https://x/y"));
        assertThat(track("user42", config)).containsExactly(mapping42 + "&mappingValue=user42",
                "eventType=page&href=https%3A%2F%2Fx%2Fy&nonce=N&mappingValue=user42");
        writer.add(config, "user99", true, new UniqueIdentifier(true));
        String mapping99 = "eventType=customData&index=91&valuesCountMap=%7B%22user99%22%3A1%7D&overwrite=true&nonce=N"
                + "&mappingIdentifier=true&visitorCode=user99";
        assertThat(track("user99", config)).containsExactly(mapping99);
        List<String> again = TrackingLineEncoder.encode(store.get("user99"), "user99", config);
        List<String> third = TrackingLineEncoder.encode(store.get("user99"), "user99", config);
        assertThat(masked(again)).containsExactly(mapping99);
        assertThat(again.get(0)).as("a fresh nonce every time").isNotEqualTo(third.get(0));
    }

    @Test
    void appendixA6_consentRequiredSendsOnlyDeliveriesAndConversions() {
        Configuration config = appendixDatafile(true);
        writer.add(config, "v", true, new CustomData(0, "x"), new Device(DeviceType.PHONE), new Conversion(5));
        Visitor visitor = store.get("v");
        synchronized (visitor) {
            visitor.assign(new AssignedVariation(666, 888, RuleType.TARGETED_DELIVERY, 1), false);
        }
        assertThat(track("v", config)).containsExactly(
                "eventType=experiment&id=666&variationId=888&nonce=N&visitorCode=v",
                "eventType=conversion&goalId=5&revenue=0&negative=false&nonce=N&visitorCode=v");
        synchronized (visitor) {
            visitor.assign(new AssignedVariation(555, 777, RuleType.EXPERIMENTATION, 1), false);
        }
        assertThat(track("v", config)).as("no activity line without consent").isEmpty();
        assertThat(track("nobody", config)).isEmpty();
        synchronized (visitor) {
            visitor.setConsent(LegalConsent.GIVEN);
        }
        assertThat(track("v", config)).containsExactly(
                "eventType=staticData&deviceType=PHONE&nonce=N&visitorCode=v",
                "eventType=customData&index=0&valuesCountMap=%7B%22x%22%3A1%7D&overwrite=true&nonce=N&visitorCode=v",
                "eventType=experiment&id=555&variationId=777&nonce=N&visitorCode=v");
    }

    @Test
    void untrackedAndLocalOnlyDataIsNeverSent() {
        Configuration config = appendixDatafile(false);
        writer.add(config, "v", false, new Device(DeviceType.PHONE));
        writer.add(config, "v", true, new CustomData("loc", "secret"));
        assertThat(track("v", config)).containsExactly("eventType=activity&nonce=N&visitorCode=v");
    }

    @Test
    @DisplayName("A.7 visits loaded by remote data are one staticData line, sent once")
    void appendixA7_visitorVisits() {
        Configuration config = appendixDatafile(false);
        Visitor visitor = store.getOrCreate("vis1");
        synchronized (visitor) {
            visitor.setVisits(new VisitorVisits(List.of(new VisitorVisits.Visit(1_000L, 2_000L),
                    new VisitorVisits.Visit(500L, 600L), new VisitorVisits.Visit(100L, 200L)), 3, 195903621547L), false);
        }
        assertThat(track("vis1", config)).containsExactly(
                "eventType=staticData&visitNumber=3&timeSincePreviousVisit=195903621547&nonce=N&visitorCode=vis1");
        assertThat(track("vis1", config)).containsExactly("eventType=activity&nonce=N&visitorCode=vis1");
    }

    @Test
    @DisplayName("a mapping-identifier index of 0 is an index like any other for a unique visitor"
            + " (docs/wire-format.md#mapping-identifier-lines)")
    void mappingIdentifierAtIndexZero() {
        Configuration config = DataFileParser.parse("{\"configuration\": {}, \"customData\": [{\"id\": 1, \"index\": 0,"
                + " \"name\": \"uid\", \"isMappingIdentifier\": true}], \"featureFlags\": []}");
        writer.add(config, "user7", true, new UniqueIdentifier(true));
        assertThat(track("user7", config)).containsExactly(
                "eventType=customData&index=0&valuesCountMap=%7B%22user7%22%3A1%7D&overwrite=true&nonce=N"
                        + "&mappingIdentifier=true&visitorCode=user7");
    }
}
