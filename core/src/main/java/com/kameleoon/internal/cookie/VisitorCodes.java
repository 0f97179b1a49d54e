package com.kameleoon.internal.cookie;

import com.kameleoon.exceptions.VisitorCodeInvalid;
import java.security.SecureRandom;

/**
 * Validation and generation of visitor codes (docs/evaluation.md#visitor-code-validation,
 * docs/wire-format.md#visitor-codes). Length is counted in characters (project decision, as the JavaScript SDK);
 * {@code "0"} is valid. Thread-safe.
 */
public final class VisitorCodes {
    /** The longest valid visitor code, in characters. */
    public static final int MAX_LENGTH = 255;
    /** Length of a generated code. */
    public static final int GENERATED_LENGTH = 16;

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private VisitorCodes() {
    }

    /**
     * Checks a code given to a public method.
     *
     * @param visitorCode the code
     * @return the code
     * @throws VisitorCodeInvalid when null, empty or longer than 255 characters
     */
    public static String validate(String visitorCode) {
        if (visitorCode == null || visitorCode.isEmpty()) {
            throw new VisitorCodeInvalid("Visitor code is empty");
        }
        if (visitorCode.length() > MAX_LENGTH) {
            throw new VisitorCodeInvalid("Visitor code is longer than " + MAX_LENGTH + " chars");
        }
        return visitorCode;
    }

    /**
     * Checks a code that will be written into a cookie: valid, and without control characters, whitespace,
     * {@code ;} or {@code ,} (which would break or inject into the {@code Set-Cookie} header).
     *
     * @param visitorCode the code
     * @return the code
     * @throws VisitorCodeInvalid when unusable in a cookie
     */
    public static String validateForCookie(String visitorCode) {
        validate(visitorCode);
        if (!isCookieSafe(visitorCode)) {
            throw new VisitorCodeInvalid("Visitor code contains characters that cannot be written into a cookie");
        }
        return visitorCode;
    }

    /**
     * @param value a candidate code
     * @return true when valid and writable into a cookie
     */
    public static boolean isValidForCookie(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_LENGTH && isCookieSafe(value);
    }

    private static boolean isCookieSafe(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c == 0x7F || c == ';' || c == ',' || c == '"' || c == '\\' || Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** @return a new random code of 16 lower-case alphanumerics */
    public static String generate() {
        char[] code = new char[GENERATED_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }
}
