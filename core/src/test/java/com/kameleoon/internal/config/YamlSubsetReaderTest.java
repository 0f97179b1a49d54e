package com.kameleoon.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.kameleoon.exceptions.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YamlSubsetReaderTest {
    private static Map<String, String> parse(String... lines) {
        return YamlSubsetReader.parse(String.join("\n", lines), "test.yaml");
    }

    @Test
    void readsFlatKeysInOrder() {
        assertThat(parse("b: 2", "a: one two", "c: http://host:8080/x")).containsExactly(
                entry("b", "2"), entry("a", "one two"), entry("c", "http://host:8080/x"));
    }

    @Test
    void flattensNestedMapsWithDots() {
        assertThat(parse(
                "cookie_options:",
                "  secure: true",
                "  deeper:",
                "      x: 1",
                "  http_only: false",
                "top: y")).containsExactly(
                entry("cookie_options.secure", "true"),
                entry("cookie_options.deeper.x", "1"),
                entry("cookie_options.http_only", "false"),
                entry("top", "y"));
    }

    @Test
    void skipsCommentsBlankLinesAndTheDocumentMarker() {
        assertThat(parse(
                "# heading",
                "---",
                "",
                "   # indented comment",
                "a: 1 # trailing comment",
                "b: x#y",
                "c: '#not a comment'",
                "\r")).containsExactly(entry("a", "1"), entry("b", "x#y"), entry("c", "#not a comment"));
    }

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "a: \"tab\\there\"           | tab\there",
        "a: \"q\\\"uote\\\\\"         | q\"uote\\",
        "a: \"\\u00e9\\x41\\U0001F600\" | \u00e9A\uD83D\uDE00",
        "a: \"line\\nbreak\"          | `line\nbreak`",
        "a: 'it''s'                  | it's",
        "a: 'back\\slash'            | back\\slash",
        "a: \"  padded  \"           | `  padded  `",
        "a: \"\"                     | ``",
        "\"quoted key\": v           | v",
    })
    void readsQuotedScalars(String line, String expected) {
        assertThat(parse(line).values()).containsExactly(expected);
    }

    @Test
    void nullScalarsAndEmptyValuesAreNull() {
        Map<String, String> values = parse("a: ~", "b: null", "c:", "d: 'null'", "e:   # nothing");
        assertThat(values).containsEntry("a", null).containsEntry("b", null).containsEntry("c", null)
                .containsEntry("d", "null").containsEntry("e", null);
    }

    @Test
    void acceptsWindowsLineEndingsAndByteOrderMark() {
        assertThat(YamlSubsetReader.parse("\uFEFFa: 1\r\nb: 2\r\n", "x")).containsExactly(entry("a", "1"), entry("b", "2"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = ';', value = {
        "a: 1\\nlist:\\n  - x\\n  - y ; test.yaml line 3: lists are not supported",
        "a: [x, y]                      ; test.yaml line 1: lists are not supported",
        "a: {x: 1}                      ; test.yaml line 1: inline maps are not supported",
        "a: |\\n  text                  ; test.yaml line 1: multi-line values are not supported",
        "a: >\\n  text                  ; test.yaml line 1: multi-line values are not supported",
        "a: 1\\n  b: 2                  ; test.yaml line 2: unexpected indentation",
        "a:\\n    b: 1\\n  c: 2         ; test.yaml line 3: unexpected indentation",
        "just text                      ; test.yaml line 1: expected 'key: value'",
        "a: \"open                      ; test.yaml line 1: missing closing quote",
        "a: \"bad \\q\"                 ; test.yaml line 1: unknown escape",
        "a: 'x' y                       ; test.yaml line 1: unexpected text after the closing quote",
        "a: 1\\na: 2                    ; test.yaml line 2: duplicate key 'a'",
        "a:\\n  b: 1\\na:\\n  c: 1      ; test.yaml line 3: duplicate key 'a'",
        "a: 1\\n---\\nb: 2              ; test.yaml line 2: only one YAML document",
        "a: *anchor                     ; test.yaml line 1: anchors, aliases and tags",
        "\\ta: 1                        ; test.yaml line 1: tabs are not allowed",
    })
    void rejectsWhatIsOutsideTheSubsetNamingTheLine(String text, String message) {
        String document = text.strip().replace("\\n", "\n").replace("\\t", "\t");
        assertThatThrownBy(() -> YamlSubsetReader.parse(document, "test.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message);
    }
}
