package com.kameleoon.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kameleoon.data.Browser;
import com.kameleoon.data.BrowserType;
import com.kameleoon.data.Cookie;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Data;
import com.kameleoon.data.Device;
import com.kameleoon.data.DeviceType;
import com.kameleoon.data.Geolocation;
import com.kameleoon.data.PageView;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.types.Variation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/evaluation.md#the-example-datafile: the 20 PHP SDK vectors of {@code conformance/example-expected.json} on the
 * example datafile. For each vector: a fresh visitor, addData(track=false) of the listed data (page views one at a
 * time, each 1 ms later than the previous), then the setForcedVariation calls, then getVariations(code, false, false).
 */
class ExampleVectorsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<Arguments> vectors() throws IOException {
        try (InputStream in = ExampleVectorsTest.class.getResourceAsStream("/conformance/example-expected.json")) {
            JsonNode root = MAPPER.readTree(in);
            List<Arguments> all = new ArrayList<>();
            for (JsonNode vector : root.get("vectors")) {
                all.add(Arguments.of(vector.get("visitorCode").asText(), vector.path("note").asText(), vector));
            }
            assertThat(all).hasSize(20);
            return all.stream();
        }
    }

    @ParameterizedTest(name = "example vector {0}: {1} (docs/evaluation.md#the-example-datafile)")
    @MethodSource("vectors")
    void getVariationsMatchesPhp(String visitorCode, String note, JsonNode vector) {
        Fixtures.TestClock clock = new Fixtures.TestClock();
        try (DefaultKameleoonClient client = Fixtures.client(Fixtures.EXAMPLE, clock)) {
            JsonNode add = vector.path("addData");
            List<Data> data = staticData(add);
            if (!data.isEmpty()) {
                client.addData(visitorCode, false, data.toArray(new Data[0]));
            }
            for (JsonNode url : add.path("pageViewsInOrder")) {
                clock.advance(1);
                client.addData(visitorCode, false, new PageView(url.asText()));
            }
            for (JsonNode forced : vector.path("setForcedVariation")) {
                client.setForcedVariation(visitorCode, forced.get("experimentId").asInt(),
                        forced.get("variationKey").asText(), forced.get("forceTargeting").asBoolean());
            }

            Map<String, Variation> actual = client.getVariations(visitorCode, false, false);

            Map<String, List<Object>> expectedRows = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = vector.get("expectedGetVariations").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                JsonNode v = e.getValue();
                expectedRows.put(e.getKey(), row(v.get("key").asText(),
                        v.get("variationId").isNull() ? null : v.get("variationId").asInt(),
                        v.get("experimentId").isNull() ? null : v.get("experimentId").asInt()));
            }
            Map<String, List<Object>> actualRows = new LinkedHashMap<>();
            actual.forEach((key, v) -> actualRows.put(key, row(v.getKey(), v.getId(), v.getExperimentId())));

            assertThat(actualRows).as(note).containsExactlyEntriesOf(expectedRows);
        }
    }

    private static List<Object> row(String key, Integer variationId, Integer experimentId) {
        List<Object> row = new ArrayList<>();
        row.add(key);
        row.add(variationId);
        row.add(experimentId);
        return row;
    }

    private static List<Data> staticData(JsonNode add) {
        List<Data> data = new ArrayList<>();
        for (JsonNode cd : add.path("customData")) {
            List<String> values = new ArrayList<>();
            cd.get("values").forEach(value -> values.add(value.asText()));
            String[] array = values.toArray(new String[0]);
            data.add(cd.has("name") ? new CustomData(cd.get("name").asText(), array)
                    : new CustomData(cd.get("index").asInt(), array));
        }
        if (add.has("device")) {
            data.add(new Device(DeviceType.valueOf(add.get("device").asText())));
        }
        if (add.has("browser")) {
            JsonNode b = add.get("browser");
            BrowserType type = BrowserType.valueOf(b.get("type").asText());
            data.add(b.has("version") ? new Browser(type, b.get("version").asDouble()) : new Browser(type));
        }
        if (add.has("geolocation")) {
            data.add(new Geolocation(add.get("geolocation").get("country").asText()));
        }
        if (add.has("cookie")) {
            Map<String, String> cookies = new LinkedHashMap<>();
            add.get("cookie").fields().forEachRemaining(e -> cookies.put(e.getKey(), e.getValue().asText()));
            data.add(new Cookie(cookies));
        }
        return data;
    }
}
