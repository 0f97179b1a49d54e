package com.kameleoon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Given JSON text, when {@link JsonTreeReader} reads it, then it gives the tree {@code ObjectMapper.readTree} gives
 * (the same node classes everywhere, the same key order), or fails with the same message: the datafile, server
 * answers and cookies are read without a mapper for start-up's sake, and nothing else may change.
 */
class JsonTreeReaderTest {
    private static final ObjectMapper MAPPER = JsonMappers.create();

    static Stream<String> datafiles() {
        return Stream.of("/conformance/example-datafile.json", "/datafiles/bucketing.json",
                "/datafiles/edge-cases.json", "/datafiles/malformed-datafiles.json", "/datafiles/targeting-trees.json",
                "/datafiles/variables.json", "/datafiles/duplicates.json", "/datafiles/holdout.json");
    }

    @ParameterizedTest
    @MethodSource("datafiles")
    void givesTheMappersTreeForTheTestDatafiles(String resource) throws IOException {
        try (InputStream in = JsonTreeReaderTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            assertSameTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "null", "true", "false", "0", "-0", "1", "-1", "2147483647", "2147483648",
        "-2147483649", "9223372036854775807", "9223372036854775808", "123456789012345678901234567890", "1.5",
        "-0.0", "1e3", "1E-7", "1e400", "-1e400", "4.9e-325", "0.1000000000000000055511151231257827", "\"\"",
        "\"é\\u00e9\\n\\\"\"", "[]", "{}", "[1, [2, [3, {}]], {\"a\": null}]", "{\"a\": 1, \"b\": 2, \"a\": 3}",
        "{\"a\": {\"x\": 1}, \"a\": [1]}", "{\"a\": 1} trailing", "[1] [2]", "{\"\": \"\", \"k\": [true, false]}",
        " \n\t{\"n\": 12.50}\n"})
    void givesTheMappersTree(String json) throws IOException {
        assertSameTree(json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[1,", "{\"a\":", "{\"a\" 1}", "[1 2]", "{'a': 1}", "nul", "01", "1.", "[NaN]",
        "{\"a\": 1,}", "}", "]", "\"open", "[\"\\x\"]", "{\"a\": tru}"})
    void failsAsTheMapperFails(String json) {
        String expected;
        try {
            MAPPER.readTree(json);
            throw new AssertionError("the mapper accepted " + json);
        } catch (JsonProcessingException e) {
            expected = e.getOriginalMessage();
        }
        assertThatThrownBy(() -> JsonTreeReader.SHARED.readTree(json)).isInstanceOf(JsonProcessingException.class)
                .satisfies(e -> assertThat(((JsonProcessingException) e).getOriginalMessage()).isEqualTo(expected));
    }

    private static void assertSameTree(String json) throws IOException {
        JsonNode expected = MAPPER.readTree(json);
        JsonNode actual = JsonTreeReader.SHARED.readTree(json);
        assertThat(actual).isEqualTo(expected);
        assertSameShape(actual, expected, "$");
    }

    /* equals does not see every difference of class (a FloatNode against a DoubleNode of the same value, say). */
    private static void assertSameShape(JsonNode actual, JsonNode expected, String path) {
        assertThat(actual.getClass()).as(path).isEqualTo(expected.getClass());
        if (expected.isObject()) {
            List<String> expectedNames = List.copyOf(iterable(expected.fieldNames()));
            assertThat(List.copyOf(iterable(actual.fieldNames()))).as(path).isEqualTo(expectedNames);
            for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                assertSameShape(actual.get(field.getKey()), field.getValue(), path + "." + field.getKey());
            }
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(path).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertSameShape(actual.get(i), expected.get(i), path + "[" + i + "]");
            }
        }
    }

    private static <T> List<T> iterable(Iterator<T> iterator) {
        List<T> list = new java.util.ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }
}
