package com.kameleoon;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The bucket hash of docs/evaluation.md#bucket-value, written from that text and independently of the SDK's hasher, so
 * that tests in any package can pick visitors for a scenario and derive the expected decisions themselves.
 */
public final class SpecHash {
    private static final double TWO_POW_32 = 4294967296.0;

    private SpecHash() {
    }

    /**
     * @param input the hash input string (e.g. visitor code + rule id)
     * @return the first four bytes of SHA-256 over its UTF-8 bytes, as an unsigned big-endian integer
     */
    public static long first32Bits(String input) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
            return ((d[0] & 0xFFL) << 24) | ((d[1] & 0xFFL) << 16) | ((d[2] & 0xFFL) << 8) | (d[3] & 0xFFL);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param input the hash input string
     * @return the bucket in [0, 1): {@link #first32Bits(String)} / 2^32, exact in a double
     */
    public static double bucket(String input) {
        return first32Bits(input) / TWO_POW_32;
    }
}
