package com.kameleoon.internal.visitor;

import java.nio.charset.StandardCharsets;

/**
 * Reads what a {@link PackedWriter} wrote, from a position that moves forward. Not thread-safe: one reader per
 * decoding, over an array that does not change meanwhile.
 */
final class PackedReader {
    private final byte[] bytes;
    private int position;

    PackedReader(byte[] bytes, int position) {
        this.bytes = bytes;
        this.position = position;
    }

    boolean hasMore() {
        return position < bytes.length;
    }

    int position() {
        return position;
    }

    int readByte() {
        return bytes[position++] & 0xFF;
    }

    int readVarint() {
        int value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = bytes[position++];
            value |= (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
    }

    long readSignedLong() {
        long zigzag = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = bytes[position++];
            zigzag |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return (zigzag >>> 1) ^ -(zigzag & 1);
            }
        }
    }

    /** @return a string written by {@link PackedWriter#writeString(String, int)} with {@code from == 0} */
    String readString() {
        return readString(null, 0);
    }

    /**
     * Reads a string written after a shared prefix.
     *
     * @param previous the string whose first {@code shared} characters come first, or null when none are shared
     * @param shared how many characters of {@code previous} prefix the stored ones
     */
    String readString(String previous, int shared) {
        int header = readVarint();
        int count = header >>> 1;
        if ((header & 1) == 0) {
            // Latin-1 decoding of compact strings is a plain copy: no per-character work.
            String suffix = new String(bytes, position, count, StandardCharsets.ISO_8859_1);
            position += count;
            return shared == 0 ? suffix : previous.substring(0, shared).concat(suffix);
        }
        StringBuilder value = new StringBuilder(shared + count);
        value.append(previous, 0, shared);
        for (int i = 0; i < count; i++) {
            value.append((char) ((bytes[position] & 0xFF) << 8 | (bytes[position + 1] & 0xFF)));
            position += 2;
        }
        return value.toString();
    }

    /** Moves past a string without decoding it. */
    void skipString() {
        int header = readVarint();
        position += (header & 1) == 0 ? header >>> 1 : header & ~1;
    }
}
