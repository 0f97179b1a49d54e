package com.kameleoon.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.data.ApplicationVersion;
import com.kameleoon.data.Browser;
import com.kameleoon.data.BrowserType;
import com.kameleoon.data.Conversion;
import com.kameleoon.data.Cookie;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Data;
import com.kameleoon.data.Device;
import com.kameleoon.data.DeviceType;
import com.kameleoon.data.Geolocation;
import com.kameleoon.data.OperatingSystem;
import com.kameleoon.data.OperatingSystemType;
import com.kameleoon.data.PageView;
import com.kameleoon.data.UniqueIdentifier;
import com.kameleoon.data.UserAgent;
import com.kameleoon.exceptions.KameleoonException;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.testkit.KameleoonTestServer;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For every case of the official SDKs' golden results, the tracking lines the client posts to a real HTTP
 * server equal the expected ones: nonce masked, compared per case as a multiset with {@code activity} lines
 * aside (the rule), and also checked in PHP's exact order.
 */
class WireConformanceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] SETS = {"public", "public-consent/partial", "public-consent/full"};
    private static KameleoonTestServer server;

    @BeforeAll
    static void start() {
        server = KameleoonTestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> trackingLinesPostedMatchTheOfficialSdks() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String set : SETS) {
            JsonNode cases = read(set + "/cases.json");
            Map<String, JsonNode> expected = new HashMap<>();
            read(set + "/expected.json").get("cases").forEach(c -> expected.put(c.get("id").asText(), c));
            String siteCode = cases.get("siteCode").asText();
            Path datafile = TestClients.resource("/conformance/" + set + "/datafile.json");
            for (JsonNode testCase : cases.get("cases")) {
                String id = testCase.get("id").asText();
                tests.add(DynamicTest.dynamicTest(set + " " + id,
                        () -> runCase(siteCode, datafile, testCase, expected.get(id))));
            }
        }
        return tests.stream();
    }

    private static void runCase(String siteCode, Path datafile, JsonNode testCase, JsonNode expected) {
        server.clearTracking();
        // Offline datafile, tracking delivered to the test server (no credentials: unauthenticated, as allowed).
        KameleoonClientConfig config = KameleoonClientConfig.builder().dataFile(datafile)
                .dataApiUrl(server.baseUri()).topLevelDomain("example.com").build();
        String code = testCase.get("visitorCode").asText();
        try (DefaultKameleoonClient client = TestClients.client(siteCode, config)) {
            JsonNode data = testCase.get("data");
            if (data != null && !data.isEmpty()) {
                try {
                    client.addData(code, testCase.path("trackData").asBoolean(true), items(data));
                } catch (KameleoonException expectedForInvalidCodes) {
                    // The case's dataError: checked by the core conformance test.
                }
            }
            for (JsonNode call : testCase.get("calls")) {
                try {
                    invoke(client, code, call);
                } catch (KameleoonException expectedErrors) {
                    // Errors are part of the decisions, checked by the core conformance test.
                }
            }
        }
        List<String> wanted = new ArrayList<>();
        expected.get("tracking").forEach(line -> wanted.add(line.asText()));
        List<String> posted = server.trackingLines().stream()
                .map(line -> line.replaceAll("nonce=[0-9A-F]{16}", "nonce=<NONCE>")).collect(Collectors.toList());
        assertThat(withoutActivity(posted)).as("non-activity lines of %s", testCase.get("id").asText())
                .containsExactlyInAnyOrderElementsOf(withoutActivity(wanted));
        assertThat(posted).as("all lines of %s in PHP's order", testCase.get("id").asText())
                .containsExactlyElementsOf(wanted);
        server.trackingRequests().forEach(request -> {
            assertThat(request.queryParam("siteCode")).isEqualTo(siteCode);
            assertThat(request.queryParam("sdkName")).isEqualTo("JAVA");
            assertThat(request.queryParam("bodyUa")).isEqualTo("true");
            assertThat(request.header("Content-Type")).isEqualTo("*/*");
            assertThat(request.body()).endsWith("\n");
        });
    }

    private static List<String> withoutActivity(List<String> lines) {
        return lines.stream().filter(line -> !line.startsWith("eventType=activity")).collect(Collectors.toList());
    }

    @SuppressWarnings("deprecation")
    private static void invoke(DefaultKameleoonClient client, String code, JsonNode call) {
        boolean track = call.path("track").asBoolean(true);
        switch (call.get("method").asText()) {
            case "getVariation":
                client.getVariation(code, call.get("featureKey").asText(), track);
                break;
            case "getVariations":
                client.getVariations(code, call.path("onlyActive").asBoolean(false), track);
                break;
            case "isFeatureActive":
                client.isFeatureActive(code, call.get("featureKey").asText(), track);
                break;
            case "getFeatureVariable":
                client.getFeatureVariable(code, call.get("featureKey").asText(), call.get("variableKey").asText());
                break;
            case "setForcedVariation":
                client.setForcedVariation(code, call.get("experimentId").asInt(),
                        call.hasNonNull("variationKey") ? call.get("variationKey").asText() : null,
                        call.path("forceTargeting").asBoolean(true));
                break;
            case "trackConversion": {
                List<CustomData> metadata = null;
                if (call.hasNonNull("metadata")) {
                    metadata = new ArrayList<>();
                    for (JsonNode item : call.get("metadata")) {
                        metadata.add(customData(item));
                    }
                }
                client.trackConversion(code, call.get("goalId").asInt(), call.path("revenue").asDouble(0),
                        call.path("negative").asBoolean(false), metadata);
                break;
            }
            case "flush":
                client.flush(code, call.path("instant").asBoolean(false));
                break;
            case "addData":
                client.addData(code, track, items(call.get("data")));
                break;
            case "setLegalConsent":
                client.setLegalConsent(code, call.get("consent").asBoolean());
                break;
            case "evaluateAudiences":
                client.evaluateAudiences(code);
                break;
            case "getEngineTrackingCode":
                client.getEngineTrackingCode(code);
                break;
            case "getFeatureList":
                client.getFeatureList();
                break;
            default:
                throw new IllegalArgumentException(call.toString());
        }
    }

    private static Data[] items(JsonNode array) {
        List<Data> items = new ArrayList<>();
        for (JsonNode json : array) {
            switch (json.path("type").asText("CustomData")) {
                case "CustomData":
                    items.add(customData(json));
                    break;
                case "Browser":
                    String name = json.get("browser").asText();
                    items.add(new Browser("IE".equals(name) ? BrowserType.INTERNET_EXPLORER : BrowserType.valueOf(name),
                            json.hasNonNull("version") ? json.get("version").asDouble() : Double.NaN));
                    break;
                case "Device":
                    items.add(new Device(DeviceType.valueOf(json.get("device").asText())));
                    break;
                case "OperatingSystem":
                    items.add(new OperatingSystem(OperatingSystemType.valueOf(json.get("os").asText())));
                    break;
                case "PageView": {
                    List<Integer> referrers = null;
                    if (json.hasNonNull("referrers")) {
                        referrers = new ArrayList<>();
                        for (JsonNode r : json.get("referrers")) {
                            referrers.add(r.asInt());
                        }
                    }
                    items.add(new PageView(json.get("url").asText(),
                            json.hasNonNull("title") ? json.get("title").asText() : null, referrers));
                    break;
                }
                case "Conversion":
                    items.add(new Conversion(json.get("goalId").asInt(), json.path("revenue").asDouble(0),
                            json.path("negative").asBoolean(false)));
                    break;
                case "Geolocation":
                    items.add(new Geolocation(json.get("country").asText(), text(json, "region"), text(json, "city"),
                            text(json, "postalCode"), json.hasNonNull("latitude") ? json.get("latitude").asDouble() : null,
                            json.hasNonNull("longitude") ? json.get("longitude").asDouble() : null));
                    break;
                case "Cookie": {
                    JsonNode cookies = json.get("cookies");
                    if (cookies.isTextual()) {
                        items.add(Cookie.parse(cookies.asText()));
                    } else {
                        Map<String, String> map = new LinkedHashMap<>();
                        for (Iterator<Map.Entry<String, JsonNode>> it = cookies.fields(); it.hasNext();) {
                            Map.Entry<String, JsonNode> e = it.next();
                            map.put(e.getKey(), e.getValue().asText());
                        }
                        items.add(new Cookie(map));
                    }
                    break;
                }
                case "UserAgent":
                    items.add(new UserAgent(json.get("value").asText()));
                    break;
                case "ApplicationVersion":
                    items.add(new ApplicationVersion(json.get("version").asText()));
                    break;
                case "UniqueIdentifier":
                    items.add(new UniqueIdentifier(json.get("value").asBoolean()));
                    break;
                default:
                    throw new IllegalArgumentException(json.toString());
            }
        }
        return items.toArray(new Data[0]);
    }

    private static CustomData customData(JsonNode json) {
        List<String> values = new ArrayList<>();
        json.path("values").forEach(v -> values.add(v.asText()));
        CustomData data = json.has("name") ? new CustomData(json.get("name").asText(), values.toArray(new String[0]))
                : new CustomData(json.get("index").asInt(), values.toArray(new String[0]));
        return json.has("overwrite") ? data.withOverwrite(json.get("overwrite").asBoolean()) : data;
    }

    private static String text(JsonNode json, String field) {
        return json.hasNonNull(field) ? json.get(field).asText() : null;
    }

    private static JsonNode read(String name) throws Exception {
        try (InputStream in = WireConformanceTest.class.getResourceAsStream("/conformance/" + name)) {
            return MAPPER.readTree(in);
        }
    }
}
