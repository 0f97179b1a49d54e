package com.kameleoon.internal.visitor;

import java.util.Arrays;

/**
 * Appends variable-length integers and strings to a growing byte array, for the packed forms of a visitor's
 * data ({@link PackedCustomData}, {@link PackedPageViews}). A string is written as a length header followed by
 * its characters: one byte per character when every character is Latin-1 (the usual case: URLs, titles and
 * values are mostly ASCII), else two bytes per UTF-16 unit, so that any string, unpaired surrogates included,
 * comes back identical. Not thread-safe: one writer per encoding.
 */
final class PackedWriter {
    private byte[] bytes;
    private int length;

    PackedWriter(int capacity) {
        bytes = new byte[Math.max(capacity, 16)];
    }

    /** @return the bytes written, in an array of exactly their length */
    byte[] toArray() {
        return Arrays.copyOf(bytes, length);
    }

    void writeByte(int value) {
        ensure(1);
        bytes[length++] = (byte) value;
    }

    void writeBytes(byte[] source, int from, int to) {
        ensure(to - from);
        System.arraycopy(source, from, bytes, length, to - from);
        length += to - from;
    }

    /** Unsigned LEB128: 7 bits a byte, so that small counts and lengths take one byte. */
    void writeVarint(int value) {
        ensure(5);
        while ((value & ~0x7F) != 0) {
            bytes[length++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[length++] = (byte) value;
    }

    /** Zig-zag then LEB128, so that small negative differences stay short too. */
    void writeSignedLong(long value) {
        ensure(10);
        long zigzag = (value << 1) ^ (value >> 63);
        while ((zigzag & ~0x7FL) != 0) {
            bytes[length++] = (byte) ((zigzag & 0x7F) | 0x80);
            zigzag >>>= 7;
        }
        bytes[length++] = (byte) zigzag;
    }

    /**
     * Writes characters {@code from} to the end of {@code value}: a header (character count shifted left by
     * one, low bit set for UTF-16) and the characters.
     */
    void writeString(String value, int from) {
        int count = value.length() - from;
        boolean latin1 = true;
        for (int i = from; i < value.length(); i++) {
            if (value.charAt(i) > 0xFF) {
                latin1 = false;
                break;
            }
        }
        writeVarint(count << 1 | (latin1 ? 0 : 1));
        ensure(latin1 ? count : count * 2);
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (latin1) {
                bytes[length++] = (byte) c;
            } else {
                bytes[length++] = (byte) (c >>> 8);
                bytes[length++] = (byte) c;
            }
        }
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
