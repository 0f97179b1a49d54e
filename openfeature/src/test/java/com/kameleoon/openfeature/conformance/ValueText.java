package com.kameleoon.openfeature.conformance;

import dev.openfeature.sdk.ImmutableStructure;
import dev.openfeature.sdk.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * OpenFeature values written as the scenarios write them: {@code {columns: 3, theme: dark}} for a structure (keys in
 * any order), {@code [cart, pay]} for a list, {@code true}, {@code 3}, {@code 0.15} or bare text for scalars. Whole
 * numbers are integers, or longs when too large; numbers with a point are doubles. Stateless.
 */
final class ValueText {
    private final String text;
    private int at;

    private ValueText(String text) {
        this.text = text;
    }

    /**
     * @param text a value as the scenarios write it
     * @return the value
     * @throws IllegalArgumentException when the text is not one
     */
    static Value parse(String text) {
        ValueText parser = new ValueText(text);
        Value value = parser.value();
        parser.skipSpaces();
        if (parser.at != text.length()) {
            throw new IllegalArgumentException("unexpected '" + text.substring(parser.at) + "' in " + text);
        }
        return value;
    }

    /**
     * @param value a value
     * @return its text, structure keys sorted, so that two equal values have the same text
     */
    static String render(Value value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isStructure()) {
            StringBuilder out = new StringBuilder("{");
            new TreeMap<>(value.asStructure().asMap()).forEach((key, field) -> out.append(out.length() > 1 ? ", " : "")
                    .append(key).append(": ").append(render(field)));
            return out.append('}').toString();
        }
        if (value.isList()) {
            StringBuilder out = new StringBuilder("[");
            for (Value item : value.asList()) {
                out.append(out.length() > 1 ? ", " : "").append(render(item));
            }
            return out.append(']').toString();
        }
        return String.valueOf(value.asObject());
    }

    private Value value() {
        skipSpaces();
        if (peek() == '{') {
            at++;
            Map<String, Value> fields = new LinkedHashMap<>();
            skipSpaces();
            if (peek() == '}') {
                at++;
                return new Value(new ImmutableStructure(fields));
            }
            do {
                String key = token(":").trim();
                expect(':');
                fields.put(key, value());
                skipSpaces();
            } while (consume(','));
            expect('}');
            return new Value(new ImmutableStructure(fields));
        }
        if (peek() == '[') {
            at++;
            List<Value> items = new ArrayList<>();
            skipSpaces();
            if (peek() == ']') {
                at++;
                return new Value(items);
            }
            do {
                items.add(value());
                skipSpaces();
            } while (consume(','));
            expect(']');
            return new Value(items);
        }
        return scalar(token(",]}").trim());
    }

    private static Value scalar(String text) {
        if (text.equals("true") || text.equals("false")) {
            return new Value(Boolean.parseBoolean(text));
        }
        if (text.matches("-?\\d+")) {
            long number = Long.parseLong(text);
            return number == (int) number ? new Value((int) number) : new Value(number);
        }
        if (text.matches("-?\\d+\\.\\d+")) {
            return new Value(Double.parseDouble(text));
        }
        return new Value(text);
    }

    private String token(String stops) {
        int start = at;
        while (at < text.length() && stops.indexOf(text.charAt(at)) < 0) {
            at++;
        }
        return text.substring(start, at);
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private boolean consume(char c) {
        if (peek() == c) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        skipSpaces();
        if (!consume(c)) {
            throw new IllegalArgumentException("expected '" + c + "' at " + at + " of " + text);
        }
    }

    private void skipSpaces() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}
