package com.kameleoon.internal.cookie;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * JavaScript's {@code encodeURIComponent} / PHP's {@code rawurlencode} without escaping {@code !*'()}
 * (docs/wire-format.md#query-string-encoding), and the matching decoder. {@link java.net.URLEncoder} differs (space as
 * {@code +}, escapes {@code ~!'()}), hence this class. Stateless.
 */
public final class UriComponent {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriComponent() {
    }

    /**
     * Percent-encodes the UTF-8 bytes of a value, leaving {@code A-Z a-z 0-9 - _ . ~ ! * ' ( )} literal.
     *
     * @param value the value
     * @return the encoded text
     */
    public static String encode(String value) {
        StringBuilder out = null;
        byte[] bytes = null;
        for (int i = 0; i < value.length(); i++) {
            if (!isUnreserved(value.charAt(i))) {
                bytes = value.getBytes(StandardCharsets.UTF_8);
                out = new StringBuilder(bytes.length + 16);
                break;
            }
        }
        if (out == null) {
            return value;
        }
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c < 0x80 && isUnreserved((char) c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                || c == '.' || c == '~' || c == '!' || c == '*' || c == '\'' || c == '(' || c == ')';
    }

    /**
     * Decodes percent escapes (UTF-8); {@code +} means a space when {@code plusAsSpace}. A malformed escape is
     * kept literally.
     *
     * @param value the encoded text
     * @param plusAsSpace true for query/cookie decoding
     * @return the decoded text
     */
    public static String decode(String value, boolean plusAsSpace) {
        if (value.indexOf('%') < 0 && (!plusAsSpace || value.indexOf('+') < 0)) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length() && hex(value.charAt(i + 1)) >= 0 && hex(value.charAt(i + 2)) >= 0) {
                bytes.write(hex(value.charAt(i + 1)) << 4 | hex(value.charAt(i + 2)));
                i += 2;
            } else if (c == '+' && plusAsSpace) {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < value.length()) {
                    encoded = value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
