package com.kameleoon.internal.hash;

/**
 * Maps a text to a bucket in [0, 1): SHA-256 of its UTF-8 bytes, the first four digest bytes read as an
 * unsigned big-endian integer, divided by 2^32 (evaluation.md §2.2, the PHP formula).
 *
 * <p>Evaluation hashes several short texts per flag (exposition, variation, holdout, group), so this is a
 * self-contained SHA-256 that encodes UTF-8 on the fly and reuses one 16-word schedule instead of
 * concatenating strings and allocating a {@code MessageDigest} per hash. Not thread-safe: create one per
 * evaluation (it is small) and reuse it for all hashes of that evaluation.
 */
public final class BucketHasher {
    private static final double TWO_POW_32 = 4294967296.0;
    private static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    };

    private int[] w;
    private int h0;
    private int h1;
    private int h2;
    private int h3;
    private int h4;
    private int h5;
    private int h6;
    private int h7;
    private int blockPos;
    private long byteCount;

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
        reset();
        feed(a);
        feed(b);
        feed(c);
        return (finish() & 0xFFFFFFFFL) / TWO_POW_32;
    }

    private void reset() {
        if (w == null) {
            // Allocated on first use: with memoized buckets most evaluations never hash.
            w = new int[16];
        }
        h0 = 0x6a09e667;
        h1 = 0xbb67ae85;
        h2 = 0x3c6ef372;
        h3 = 0xa54ff53a;
        h4 = 0x510e527f;
        h5 = 0x9b05688c;
        h6 = 0x1f83d9ab;
        h7 = 0x5be0cd19;
        blockPos = 0;
        byteCount = 0;
        for (int i = 0; i < 16; i++) {
            w[i] = 0;
        }
    }

    private void feed(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (ch < 0x80) {
                put(ch);
            } else if (ch < 0x800) {
                put(0xC0 | (ch >> 6));
                put(0x80 | (ch & 0x3F));
            } else if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(ch, s.charAt(++i));
                put(0xF0 | (cp >> 18));
                put(0x80 | ((cp >> 12) & 0x3F));
                put(0x80 | ((cp >> 6) & 0x3F));
                put(0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(ch)) {
                // A lone surrogate has no UTF-8 form; String.getBytes(UTF_8) writes '?', and so do we.
                put('?');
            } else {
                put(0xE0 | (ch >> 12));
                put(0x80 | ((ch >> 6) & 0x3F));
                put(0x80 | (ch & 0x3F));
            }
        }
    }

    private void put(int b) {
        w[blockPos >> 2] |= (b & 0xFF) << (24 - ((blockPos & 3) << 3));
        byteCount++;
        if (++blockPos == 64) {
            compress();
        }
    }

    private int finish() {
        long bitLength = byteCount << 3;
        put(0x80);
        while (blockPos != 56) {
            put(0);
        }
        w[14] = (int) (bitLength >>> 32);
        w[15] = (int) bitLength;
        blockPos = 64;
        compress();
        return h0;
    }

    private void compress() {
        int a = h0;
        int b = h1;
        int c = h2;
        int d = h3;
        int e = h4;
        int f = h5;
        int g = h6;
        int h = h7;
        for (int t = 0; t < 64; t++) {
            int wt;
            if (t < 16) {
                wt = w[t];
            } else {
                int w15 = w[(t - 15) & 15];
                int w2 = w[(t - 2) & 15];
                int s0 = Integer.rotateRight(w15, 7) ^ Integer.rotateRight(w15, 18) ^ (w15 >>> 3);
                int s1 = Integer.rotateRight(w2, 17) ^ Integer.rotateRight(w2, 19) ^ (w2 >>> 10);
                wt = w[t & 15] + s0 + w[(t - 7) & 15] + s1;
                w[t & 15] = wt;
            }
            int bigS1 = Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25);
            int ch = (e & f) ^ (~e & g);
            int temp1 = h + bigS1 + ch + K[t] + wt;
            int bigS0 = Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22);
            int maj = (a & b) ^ (a & c) ^ (b & c);
            int temp2 = bigS0 + maj;
            h = g;
            g = f;
            f = e;
            e = d + temp1;
            d = c;
            c = b;
            b = a;
            a = temp1 + temp2;
        }
        h0 += a;
        h1 += b;
        h2 += c;
        h3 += d;
        h4 += e;
        h5 += f;
        h6 += g;
        h7 += h;
        blockPos = 0;
        for (int i = 0; i < 16; i++) {
            w[i] = 0;
        }
    }
}
