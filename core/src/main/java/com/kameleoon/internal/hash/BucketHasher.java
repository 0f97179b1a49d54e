package com.kameleoon.internal.hash;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Maps a text to a bucket in [0, 1): SHA-256 of its UTF-8 bytes, the first four digest bytes read as an
 * unsigned big-endian integer, divided by 2^32 (docs/evaluation.md#bucket-value, the PHP formula).
 *
 * <p>The JDK's SHA-256 runs on CPU intrinsics and beats a hand-written one by four times, but looking a
 * provider up costs more than hashing; so each hasher clones one prototype on its first hash and reuses it,
 * with its own UTF-8 buffer, for every hash of the evaluation. Not thread-safe: one per evaluation.
 */
public final class BucketHasher {
    private static final double TWO_POW_32 = 4294967296.0;
    private static final MessageDigest PROTOTYPE = sha256();

    private MessageDigest digest;
    private byte[] buffer;
    private byte[] output;

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Hashes one text.
     *
     * @param text the text
     * @return the bucket in [0, 1)
     */
    public static double hashOf(String text) {
        return new BucketHasher().hash(text, "", "");
    }

    /**
     * Hashes the concatenation {@code a + b + c} without building it.
     *
     * @param a first part (the bucketing code)
     * @param b second part, may be empty
     * @param c third part, may be empty
     * @return the bucket in [0, 1)
     */
    public double hash(String a, String b, String c) {
        if (digest == null) {
            try {
                digest = (MessageDigest) PROTOTYPE.clone();
            } catch (CloneNotSupportedException e) {
                digest = sha256();
            }
            buffer = new byte[128];
            output = new byte[32];
        }
        int length = encode(c, encode(b, encode(a, 0)));
        digest.update(buffer, 0, length);
        try {
            digest.digest(output, 0, 32);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 output buffer too small", e);
        }
        long first = ((output[0] & 0xFFL) << 24) | ((output[1] & 0xFF) << 16) | ((output[2] & 0xFF) << 8)
                | (output[3] & 0xFF);
        return first / TWO_POW_32;
    }

    /** Appends the UTF-8 bytes of {@code s} at {@code pos}; lone surrogates become '?', as String.getBytes does. */
    private int encode(String s, int pos) {
        int n = s.length();
        ensure(pos + n * 3);
        byte[] b = buffer;
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (ch < 0x80) {
                b[pos++] = (byte) ch;
            } else if (ch < 0x800) {
                b[pos++] = (byte) (0xC0 | (ch >> 6));
                b[pos++] = (byte) (0x80 | (ch & 0x3F));
            } else if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(ch, s.charAt(++i));
                b[pos++] = (byte) (0xF0 | (cp >> 18));
                b[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[pos++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(ch)) {
                b[pos++] = '?';
            } else {
                b[pos++] = (byte) (0xE0 | (ch >> 12));
                b[pos++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
                b[pos++] = (byte) (0x80 | (ch & 0x3F));
            }
        }
        return pos;
    }

    private void ensure(int capacity) {
        if (capacity > buffer.length) {
            byte[] larger = new byte[Math.max(capacity, buffer.length * 2)];
            System.arraycopy(buffer, 0, larger, 0, buffer.length);
            buffer = larger;
        }
    }
}
