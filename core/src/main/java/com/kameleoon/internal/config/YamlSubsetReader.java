package com.kameleoon.internal.config;

import com.kameleoon.exceptions.ConfigException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the subset of YAML a configuration file needs, so that core depends on nothing but Jackson: block maps
 * of {@code key: value} lines nested by indentation (flattened with {@code '.'}), plain, single-quoted and
 * double-quoted scalars, {@code #} comments and blank lines. Anything else (lists, flow collections, block
 * scalars, anchors, several documents) is rejected with the line number rather than misread.
 * Stateless and thread-safe.
 */
final class YamlSubsetReader {
    private YamlSubsetReader() {
    }

    /** A map being filled: its flattened path and the indentation of its keys (-1 until the first key). */
    private static final class Frame {
        final String path;
        int indent;

        Frame(String path, int indent) {
            this.path = path;
            this.indent = indent;
        }
    }

    /** A key with no value yet: it becomes a map if the next line is indented deeper, else a null scalar. */
    private record Pending(String path, int indent) {
    }

    /**
     * Parses a document.
     *
     * @param text the document
     * @param source names the document in error messages
     * @return flattened keys to scalar values, in document order; null for an empty or {@code null} scalar
     * @throws ConfigException naming the source and the line when the text is outside the subset
     */
    static Map<String, String> parse(String text, String source) {
        Map<String, String> values = new LinkedHashMap<>();
        Deque<Frame> frames = new ArrayDeque<>();
        frames.push(new Frame("", -1));
        Set<String> seen = new HashSet<>();
        Pending pending = null;
        boolean started = false;
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = i == 0 && lines[0].startsWith("\uFEFF") ? lines[0].substring(1) : lines[i];
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') {
                indent++;
            }
            String content = line.substring(indent);
            if (content.isBlank() || content.startsWith("#")) {
                continue;
            }
            if (content.charAt(0) == '\t') {
                throw error(source, lineNumber, "tabs are not allowed in indentation");
            }
            if (isMarker(content, "---") && !started) {
                started = true;
                continue;
            }
            if (isMarker(content, "---") || isMarker(content, "...")) {
                throw error(source, lineNumber, "only one YAML document is supported");
            }
            started = true;
            if (content.equals("-") || content.startsWith("- ") || content.startsWith("-\t")) {
                throw error(source, lineNumber, "lists are not supported");
            }
            if (pending != null) {
                if (indent > pending.indent()) {
                    frames.push(new Frame(pending.path(), indent));
                } else {
                    values.put(pending.path(), null);
                }
                pending = null;
            }
            while (frames.size() > 1 && indent < frames.peek().indent) {
                frames.pop();
            }
            Frame frame = frames.peek();
            if (frame.indent < 0) {
                frame.indent = indent;
            }
            if (indent != frame.indent) {
                throw error(source, lineNumber, "unexpected indentation (multi-line values are not supported)");
            }
            Line parsed = new Line(content, source, lineNumber);
            String key = parsed.key();
            String path = frame.path.isEmpty() ? key : frame.path + "." + key;
            if (!seen.add(path)) {
                throw error(source, lineNumber, "duplicate key '" + path + "'");
            }
            if (parsed.atEnd()) {
                pending = new Pending(path, indent);
            } else {
                values.put(path, parsed.value());
            }
        }
        if (pending != null) {
            values.put(pending.path(), null);
        }
        return values;
    }

    private static boolean isMarker(String content, String marker) {
        return content.startsWith(marker)
                && (content.length() == marker.length() || Character.isWhitespace(content.charAt(marker.length())));
    }

    static ConfigException error(String source, int lineNumber, String message) {
        return new ConfigException(source + " line " + lineNumber + ": " + message);
    }

    /** A cursor over one {@code key: value} line. */
    private static final class Line {
        private final String text;
        private final String source;
        private final int lineNumber;
        private int pos;

        Line(String text, String source, int lineNumber) {
            this.text = text;
            this.source = source;
            this.lineNumber = lineNumber;
        }

        String key() {
            String key;
            char first = text.charAt(0);
            if (first == '"' || first == '\'') {
                key = quoted(first);
                skipBlanks();
                if (pos >= text.length() || text.charAt(pos) != ':') {
                    throw fail("expected ':' after the key");
                }
            } else {
                int colon = separator();
                if (colon < 0) {
                    throw fail("expected 'key: value'");
                }
                key = text.substring(0, colon).trim();
                pos = colon;
            }
            pos++;
            if (key.isEmpty()) {
                throw fail("empty key");
            }
            return key;
        }

        /** The first ':' followed by a blank or the end of the line: a URL's ':' is part of the text. */
        private int separator() {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == ':' && (i + 1 == text.length() || isBlank(text.charAt(i + 1)))) {
                    return i;
                }
                if (text.charAt(i) == '#' && i > 0 && isBlank(text.charAt(i - 1))) {
                    return -1;
                }
            }
            return -1;
        }

        /** True when nothing but a comment follows the key: the key opens a nested map or has no value. */
        boolean atEnd() {
            skipBlanks();
            return pos >= text.length() || text.charAt(pos) == '#';
        }

        String value() {
            char first = text.charAt(pos);
            switch (first) {
                case '"':
                case '\'':
                    String value = quoted(first);
                    if (!atEnd()) {
                        throw fail("unexpected text after the closing quote");
                    }
                    return value;
                case '[':
                    throw fail("lists are not supported");
                case '{':
                    throw fail("inline maps are not supported; use one 'key: value' per line");
                case '|':
                case '>':
                    throw fail("multi-line values are not supported");
                case '&':
                case '*':
                case '!':
                    throw fail("anchors, aliases and tags are not supported");
                default:
                    return plain();
            }
        }

        private String plain() {
            int end = text.length();
            for (int i = pos; i < text.length(); i++) {
                if (text.charAt(i) == '#' && isBlank(text.charAt(i - 1))) {
                    end = i;
                    break;
                }
            }
            String value = text.substring(pos, end).trim();
            return value.equals("~") || value.equals("null") || value.equals("Null") || value.equals("NULL")
                    ? null : value;
        }

        private String quoted(char quote) {
            StringBuilder out = new StringBuilder();
            pos++;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == quote) {
                    if (quote == '\'' && pos < text.length() && text.charAt(pos) == '\'') {
                        out.append('\'');
                        pos++;
                        continue;
                    }
                    return out.toString();
                }
                if (c == '\\' && quote == '"') {
                    escape(out);
                } else {
                    out.append(c);
                }
            }
            throw fail("missing closing quote (multi-line values are not supported)");
        }

        private void escape(StringBuilder out) {
            if (pos >= text.length()) {
                throw fail("missing closing quote (multi-line values are not supported)");
            }
            char c = text.charAt(pos++);
            switch (c) {
                case '0' -> out.append('\0');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 't', '\t' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'v' -> out.append('\u000B');
                case 'f' -> out.append('\f');
                case 'r' -> out.append('\r');
                case 'e' -> out.append('\u001B');
                case ' ' -> out.append(' ');
                case '"' -> out.append('"');
                case '/' -> out.append('/');
                case '\\' -> out.append('\\');
                case 'N' -> out.append('\u0085');
                case '_' -> out.append('\u00A0');
                case 'L' -> out.append('\u2028');
                case 'P' -> out.append('\u2029');
                case 'x' -> out.appendCodePoint(hex(2));
                case 'u' -> out.appendCodePoint(hex(4));
                case 'U' -> out.appendCodePoint(hex(8));
                default -> throw fail("unknown escape '\\" + c + "'");
            }
        }

        private int hex(int digits) {
            if (pos + digits > text.length()) {
                throw fail("incomplete escape");
            }
            long codePoint = 0;
            for (int i = pos; i < pos + digits; i++) {
                int digit = Character.digit(text.charAt(i), 16);
                if (digit < 0) {
                    throw fail("invalid escape");
                }
                codePoint = codePoint * 16 + digit;
            }
            if (codePoint > Character.MAX_CODE_POINT) {
                throw fail("invalid escape");
            }
            pos += digits;
            return (int) codePoint;
        }

        private void skipBlanks() {
            while (pos < text.length() && isBlank(text.charAt(pos))) {
                pos++;
            }
        }

        private static boolean isBlank(char c) {
            return c == ' ' || c == '\t';
        }

        private ConfigException fail(String message) {
            return error(source, lineNumber, message);
        }
    }
}
