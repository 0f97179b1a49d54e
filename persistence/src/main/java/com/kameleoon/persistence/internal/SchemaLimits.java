package com.kameleoon.persistence.internal;

/**
 * Size caps of the Kameleoon tables. The migrations enforce the character caps with CHECK constraints on
 * every vendor; code checks them first so that an oversized value is refused with a log line, not a
 * database error.
 */
public final class SchemaLimits {
    /** Longest site code, environment, last-modified value and lease name (VARCHAR(64)). */
    public static final int MAX_CODE_LENGTH = 64;
    /** Longest visitor code (VARCHAR(255)). */
    public static final int MAX_VISITOR_CODE_LENGTH = 255;
    /** Longest visitor item kind (VARCHAR(16)). */
    public static final int MAX_ITEM_KIND_LENGTH = 16;
    /** Longest visitor item key (VARCHAR(191)). */
    public static final int MAX_ITEM_KEY_LENGTH = 191;
    /** Longest visitor item payload, in characters (CHECK constraint). */
    public static final int MAX_ITEM_PAYLOAD_CHARS = 1_048_576;
    /** Longest outbox line, in characters (CHECK constraint). */
    public static final int MAX_OUTBOX_LINE_CHARS = 1_048_576;
    /** Longest outbox error message (VARCHAR(1000)); truncate before writing. */
    public static final int MAX_LAST_ERROR_LENGTH = 1000;
    /** Largest cached datafile: 16 MiB of UTF-8 (the CHECK constraint caps the characters at the same number). */
    public static final int MAX_DATAFILE_BYTES = 16 * 1024 * 1024;

    private SchemaLimits() {
    }

    /**
     * Counts the UTF-8 bytes of a string without encoding it.
     *
     * @param text the text
     * @return its UTF-8 length in bytes
     */
    public static long utf8Length(CharSequence text) {
        long bytes = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
