package com.kameleoon.internal.unit;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.data.ApplicationVersion;
import com.kameleoon.data.Browser;
import com.kameleoon.data.BrowserType;
import com.kameleoon.data.Conversion;
import com.kameleoon.data.Cookie;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Device;
import com.kameleoon.data.DeviceType;
import com.kameleoon.data.Geolocation;
import com.kameleoon.data.OperatingSystem;
import com.kameleoon.data.OperatingSystemType;
import com.kameleoon.data.PageView;
import com.kameleoon.data.UserAgent;
import com.kameleoon.internal.visitor.AssignedVariation;
import com.kameleoon.internal.visitor.ForcedVariation;
import com.kameleoon.internal.visitor.RuleType;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.internal.visitor.VisitorVisits;
import com.kameleoon.spi.VisitorItem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The item codec: each datum has its own row in a stable compact-JSON form; decoding gives back the same data
 * with the same tracking state; conversions keep the keys they were loaded with; unreadable rows are counted and
 * skipped, never fatal.
 */
class VisitorItemCodecTest {
    private static final String URL = "https://shop/a";

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, VisitorItem> byKindAndKey(List<VisitorItem> rows) {
        Map<String, VisitorItem> byKey = new LinkedHashMap<>();
        rows.forEach(row -> byKey.put(row.kind() + "/" + row.key(), row));
        return byKey;
    }

    private static Visitor full() {
        Visitor v = new Visitor(1_000);
        v.putCustomData(new CustomData(1, "gold", "vip").withOverwrite(false), false);
        v.putCustomData(new CustomData(2, "local"), true);
        v.addPageView(new PageView(URL, "A", List.of(1, 2)), false, 2_000);
        v.addPageView(new PageView(URL, "A", List.of(1, 2)), false, 3_000);
        v.addPageView(new PageView("https://shop/b"), true, 4_000);
        v.addConversion(new Conversion(7, 12.5, true, List.of(new CustomData(3, "m1", "m2"))), false);
        v.addConversion(new Conversion(8), true);
        v.assign(new AssignedVariation(3002, 4011, RuleType.EXPERIMENTATION, 5_000), true);
        v.addTargetedSegment(55, false);
        v.setForcedExperiment(9, new ForcedVariation(9, "on", null, false, false));
        v.putPersonalization(12, 34);
        v.setDevice(new Device(DeviceType.PHONE), true);
        v.setBrowser(new Browser(BrowserType.FIREFOX, 120.5), false);
        v.setOperatingSystem(new OperatingSystem(OperatingSystemType.LINUX), true);
        v.setGeolocation(new Geolocation("France", "IDF", "Paris", "75001", 48.85, 2.35), false);
        v.setVisits(new VisitorVisits(List.of(new VisitorVisits.Visit(10, 20), new VisitorVisits.Visit(30, 40)), 3, 77),
                true);
        v.setCookie(new Cookie(Map.of("k", "v")));
        v.setApplicationVersion(new ApplicationVersion("1.2.3"));
        v.setUserAgent(new UserAgent("Mozilla/5.0"));
        v.setUniqueIdentifier(true);
        v.setMappingIdentifier("anon-1");
        Map<String, ForcedVariation> simulated = new LinkedHashMap<>();
        simulated.put("checkout", new ForcedVariation(100, "off", 200, true, true));
        simulated.put("banner", new ForcedVariation(101, null, null, true, true));
        v.setSimulated(simulated);
        v.setKcsHeat(Map.of(1, Map.of(2, 0.5)));
        v.setCbScores(Map.of(4, List.of(List.of(5, 6), List.of(7))));
        return v;
    }

    @Test
    void eachDatumHasItsOwnRowInAStableForm() {
        Visitor visitor = full();
        List<VisitorItem> rows = VisitorItemCodec.encode(visitor, new VisitorItemCodec.ConversionKeys());
        Map<String, VisitorItem> rowsByKey = byKindAndKey(rows);
        String cv7 = rows.stream().filter(r -> r.kind().equals("CV")).findFirst().orElseThrow().key();
        assertThat(cv7).as("a random 128-bit key").matches("[0-9a-f]{32}");

        assertThat(rows).extracting(VisitorItem::kind).containsExactly("CD", "CD", "PV", "PV", "CV", "CV", "AS",
                "SEG", "FV", "PER", "DEV", "BRW", "OS", "GEO", "VIS", "CK", "AV", "UA", "UID", "MAP", "SIM", "KCS",
                "CBS");
        assertThat(rowsByKey.get("CD/1")).isEqualTo(new VisitorItem("CD", "1", "{\"v\":[\"gold\",\"vip\"],\"o\":false}",
                false, 0));
        assertThat(rowsByKey.get("CD/2").sent()).isTrue();
        VisitorItem page = rows.get(2);
        assertThat(page.key()).as("SHA-256 of the URL").isEqualTo(sha256Hex(URL));
        assertThat(page.payload()).isEqualTo("{\"u\":\"https://shop/a\",\"ts\":3000,\"t\":\"A\",\"r\":[1,2]}");
        assertThat(page.counter()).isEqualTo(2);
        assertThat(page.sent()).isFalse();
        assertThat(rows.get(3).payload()).isEqualTo("{\"u\":\"https://shop/b\",\"ts\":4000}");
        assertThat(rows.get(3).counter()).isEqualTo(1);
        assertThat(rowsByKey.get("CV/" + cv7).payload())
                .isEqualTo("{\"g\":7,\"r\":12.5,\"n\":true,\"m\":[{\"i\":3,\"v\":[\"m1\",\"m2\"]}]}");
        assertThat(rows.get(5).payload()).isEqualTo("{\"g\":8,\"r\":0.0,\"n\":false}");
        assertThat(rows.get(5).sent()).isTrue();
        assertThat(rowsByKey.get("AS/3002"))
                .isEqualTo(new VisitorItem("AS", "3002", "{\"v\":4011,\"t\":\"EXPERIMENTATION\",\"ts\":5000}", true, 0));
        assertThat(rowsByKey.get("SEG/55")).isEqualTo(new VisitorItem("SEG", "55", "{}", false, 0));
        assertThat(rowsByKey.get("FV/9")).isEqualTo(new VisitorItem("FV", "9", "{\"k\":\"on\",\"f\":false}", true, 0));
        assertThat(rowsByKey.get("PER/12")).isEqualTo(new VisitorItem("PER", "12", "{\"v\":34}", true, 0));
        assertThat(rowsByKey.get("DEV/")).isEqualTo(new VisitorItem("DEV", "", "{\"t\":\"PHONE\"}", true, 0));
        assertThat(rowsByKey.get("BRW/")).isEqualTo(new VisitorItem("BRW", "", "{\"t\":\"FIREFOX\",\"v\":120.5}", false, 0));
        assertThat(rowsByKey.get("OS/")).isEqualTo(new VisitorItem("OS", "", "{\"t\":\"LINUX\"}", true, 0));
        assertThat(rowsByKey.get("GEO/")).isEqualTo(new VisitorItem("GEO", "",
                "{\"c\":\"France\",\"r\":\"IDF\",\"ci\":\"Paris\",\"p\":\"75001\",\"la\":48.85,\"lo\":2.35}", false, 0));
        assertThat(rowsByKey.get("VIS/")).isEqualTo(new VisitorItem("VIS", "",
                "{\"n\":3,\"s\":77,\"p\":[[10,20],[30,40]]}", true, 0));
        assertThat(rowsByKey.get("CK/")).isEqualTo(new VisitorItem("CK", "", "{\"k\":\"v\"}", true, 0));
        assertThat(rowsByKey.get("AV/")).isEqualTo(new VisitorItem("AV", "", "{\"v\":\"1.2.3\"}", true, 0));
        assertThat(rowsByKey.get("UA/")).isEqualTo(new VisitorItem("UA", "", "{\"v\":\"Mozilla/5.0\"}", true, 0));
        assertThat(rowsByKey.get("UID/")).isEqualTo(new VisitorItem("UID", "", "{\"v\":true}", true, 0));
        assertThat(rowsByKey.get("MAP/")).isEqualTo(new VisitorItem("MAP", "", "{\"v\":\"anon-1\"}", true, 0));
        assertThat(rowsByKey.get("SIM/")).isEqualTo(new VisitorItem("SIM", "",
                "{\"checkout\":{\"e\":100,\"i\":200,\"k\":\"off\"},\"banner\":{\"e\":101}}", true, 0));
        assertThat(rowsByKey.get("KCS/")).isEqualTo(new VisitorItem("KCS", "", "{\"1\":{\"2\":0.5}}", true, 0));
        assertThat(rowsByKey.get("CBS/")).isEqualTo(new VisitorItem("CBS", "", "{\"4\":[[5,6],[7]]}", true, 0));
    }

    @Test
    void theSameUrlAlwaysHasTheSameKey() {
        Visitor one = new Visitor(0);
        one.addPageView(new PageView(URL), false, 1);
        Visitor other = new Visitor(0);
        other.addPageView(new PageView(URL, "other title"), true, 2);
        String key = VisitorItemCodec.encode(one, new VisitorItemCodec.ConversionKeys()).get(0).key();
        assertThat(VisitorItemCodec.encode(other, new VisitorItemCodec.ConversionKeys()).get(0).key()).isEqualTo(key);
        Visitor third = new Visitor(0);
        third.addPageView(new PageView("https://shop/b"), false, 1);
        assertThat(VisitorItemCodec.encode(third, new VisitorItemCodec.ConversionKeys()).get(0).key()).isNotEqualTo(key);
    }

    @Test
    void anEmptyVisitorHasNoRows() {
        assertThat(VisitorItemCodec.encode(new Visitor(0), new VisitorItemCodec.ConversionKeys())).isEmpty();
    }

    @Test
    void everyDatumComesBackWithItsTrackingState() {
        Visitor original = full();
        VisitorItemCodec.ConversionKeys keys = new VisitorItemCodec.ConversionKeys();
        List<VisitorItem> rows = VisitorItemCodec.encode(original, keys);
        Visitor copy = new Visitor(1_000);
        assertThat(VisitorItemCodec.decode(copy, rows, new VisitorItemCodec.ConversionKeys())).isZero();

        assertThat(copy.customData(1)).isEqualTo(new CustomData(1, "gold", "vip").withOverwrite(false));
        assertThat(copy.customDataItems().get(1).isSent()).isFalse();
        assertThat(copy.customData(2)).isEqualTo(new CustomData(2, "local"));
        assertThat(copy.customDataItems().get(2).isSent()).isTrue();
        assertThat(copy.pageViews().get(URL).pageView()).isEqualTo(new PageView(URL, "A", List.of(1, 2)));
        assertThat(copy.pageViews().get(URL).count()).isEqualTo(2);
        assertThat(copy.pageViews().get(URL).lastTimestamp()).isEqualTo(3_000);
        assertThat(copy.pageViews().get(URL).item().isSent()).isFalse();
        assertThat(copy.pageViews().get("https://shop/b").pageView()).isEqualTo(new PageView("https://shop/b"));
        assertThat(copy.pageViews().get("https://shop/b").item().isSent()).isTrue();
        assertThat(copy.conversions()).extracting(item -> item.value()).containsExactly(
                new Conversion(7, 12.5, true, List.of(new CustomData(3, "m1", "m2"))), new Conversion(8));
        assertThat(copy.conversions()).extracting(item -> item.isSent()).containsExactly(false, true);
        assertThat(copy.assignment(3002)).isEqualTo(new AssignedVariation(3002, 4011, RuleType.EXPERIMENTATION, 5_000));
        assertThat(copy.assignments().get(3002).isSent()).isTrue();
        assertThat(copy.targetedSegments()).containsOnlyKeys(55);
        assertThat(copy.targetedSegments().get(55).isSent()).isFalse();
        assertThat(copy.forcedExperiment(9)).isEqualTo(new ForcedVariation(9, "on", null, false, false));
        assertThat(copy.personalizations()).containsExactly(Map.entry(12, 34));
        assertThat(copy.device()).isEqualTo(new Device(DeviceType.PHONE));
        assertThat(copy.deviceItem().isSent()).isTrue();
        assertThat(copy.browser()).isEqualTo(new Browser(BrowserType.FIREFOX, 120.5));
        assertThat(copy.browserItem().isSent()).isFalse();
        assertThat(copy.operatingSystem()).isEqualTo(new OperatingSystem(OperatingSystemType.LINUX));
        assertThat(copy.operatingSystemItem().isSent()).isTrue();
        assertThat(copy.geolocation()).isEqualTo(new Geolocation("France", "IDF", "Paris", "75001", 48.85, 2.35));
        assertThat(copy.geolocationItem().isSent()).isFalse();
        assertThat(copy.visits()).isEqualTo(new VisitorVisits(
                List.of(new VisitorVisits.Visit(10, 20), new VisitorVisits.Visit(30, 40)), 3, 77));
        assertThat(copy.visitsItem().isSent()).isTrue();
        assertThat(copy.cookie()).isEqualTo(new Cookie(Map.of("k", "v")));
        assertThat(copy.applicationVersion()).isEqualTo(new ApplicationVersion("1.2.3"));
        assertThat(copy.userAgent()).isEqualTo(new UserAgent("Mozilla/5.0"));
        assertThat(copy.isUniqueIdentifier()).isTrue();
        assertThat(copy.mappingIdentifier()).isEqualTo("anon-1");
        assertThat(copy.simulatedVariations()).containsExactly(
                Map.entry("checkout", new ForcedVariation(100, "off", 200, true, true)),
                Map.entry("banner", new ForcedVariation(101, null, null, true, true)));
        assertThat(copy.kcsHeat()).isEqualTo(Map.of(1, Map.of(2, 0.5)));
        assertThat(copy.cbScores()).isEqualTo(Map.of(4, List.of(List.of(5, 6), List.of(7))));
    }

    @Test
    void optionalPartsStayAbsent() {
        Visitor original = new Visitor(0);
        original.setBrowser(new Browser(BrowserType.CHROME), true);
        original.setGeolocation(new Geolocation("Spain"), true);
        VisitorItemCodec.ConversionKeys keys = new VisitorItemCodec.ConversionKeys();
        List<VisitorItem> rows = VisitorItemCodec.encode(original, keys);
        assertThat(rows).extracting(VisitorItem::payload).containsExactly("{\"t\":\"CHROME\"}", "{\"c\":\"Spain\"}");
        Visitor copy = new Visitor(0);
        assertThat(VisitorItemCodec.decode(copy, rows, keys)).isZero();
        assertThat(copy.browser().type()).isEqualTo(BrowserType.CHROME);
        assertThat(copy.browser().version()).isNaN();
        assertThat(copy.geolocation()).isEqualTo(new Geolocation("Spain"));
    }

    @Test
    void conversionsKeepTheKeysTheyWereLoadedWith() {
        Visitor original = new Visitor(0);
        original.addConversion(new Conversion(1), true);
        original.addConversion(new Conversion(2), false);
        original.addConversion(new Conversion(3), false);
        List<VisitorItem> rows = VisitorItemCodec.encode(original, new VisitorItemCodec.ConversionKeys());
        List<String> keys = rows.stream().map(VisitorItem::key).collect(Collectors.toList());
        assertThat(keys).doesNotHaveDuplicates();

        Visitor loaded = new Visitor(0);
        VisitorItemCodec.ConversionKeys loadedKeys = new VisitorItemCodec.ConversionKeys();
        assertThat(VisitorItemCodec.decode(loaded, rows, loadedKeys)).isZero();
        loaded.addConversion(new Conversion(4), false);
        List<VisitorItem> again = VisitorItemCodec.encode(loaded, loadedKeys);
        assertThat(again.subList(0, 3)).isEqualTo(rows);
        assertThat(again.get(3).key()).isNotIn(keys);
        assertThat(VisitorItemCodec.encode(loaded, loadedKeys).get(3).key()).as("drawn once")
                .isEqualTo(again.get(3).key());
    }

    @Test
    void unreadableRowsAreCountedAndSkipped() {
        Visitor visitor = new Visitor(0);
        List<VisitorItem> rows = List.of(
                new VisitorItem("CD", "1", "{\"v\":[\"ok\"]}", true, 0),
                new VisitorItem("CD", "not-a-number", "{\"v\":[\"x\"]}", true, 0),
                new VisitorItem("DEV", "", "{not json", true, 0),
                new VisitorItem("XYZ", "", "{}", true, 0),
                new VisitorItem("AS", "5", "{\"v\":1,\"t\":\"NO_SUCH_RULE\"}", true, 0),
                new VisitorItem("UA", "", "{\"v\":\"agent\"}", true, 0));
        assertThat(VisitorItemCodec.decode(visitor, rows, new VisitorItemCodec.ConversionKeys())).isEqualTo(4);
        assertThat(visitor.customData(1)).as("a missing overwrite flag means overwrite")
                .isEqualTo(new CustomData(1, "ok"));
        assertThat(visitor.userAgent()).isEqualTo(new UserAgent("agent"));
        assertThat(visitor.assignments()).isEmpty();
    }
}
