package com.kameleoon.internal.tracking;

import java.util.concurrent.ThreadLocalRandom;

/** Draws tracking nonces: 16 upper-case hexadecimal characters (docs/wire-format.md#nonces). Thread-safe. */
public final class Nonces {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Nonces() {
    }

    /** @return a new nonce */
    public static String next() {
        long bits = ThreadLocalRandom.current().nextLong();
        char[] nonce = new char[16];
        for (int i = 15; i >= 0; i--) {
            nonce[i] = HEX[(int) (bits & 0xF)];
            bits >>>= 4;
        }
        return new String(nonce);
    }
}
