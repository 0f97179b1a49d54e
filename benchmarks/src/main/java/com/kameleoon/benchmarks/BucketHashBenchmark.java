package com.kameleoon.benchmarks;

import com.kameleoon.internal.hash.BucketHasher;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Diagnostic, not a target: one bucket hash as evaluation computes it (a 16-character visitor code followed by an
 * experiment id, docs/evaluation.md#hash-inputs and #bucket-value), by core's {@link BucketHasher} and by the JDK's
 * SHA-256 {@link MessageDigest} (which HotSpot compiles to the CPU's SHA instructions where there are some). A warm
 * {@code getVariation} without holdout computes two such hashes (exposition, then variation).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class BucketHashBenchmark {
    private static final double TWO_POW_32 = 4294967296.0;

    private String code;
    private String suffix;
    private BucketHasher hasher;
    private MessageDigest digest;
    private final byte[] input = new byte[64];
    private final byte[] output = new byte[32];

    @Setup(Level.Trial)
    public void setUp() throws NoSuchAlgorithmException, DigestException {
        code = EvaluationBenchmark.visitorCodes(1, 7L)[0];
        suffix = "3002";
        hasher = new BucketHasher();
        digest = MessageDigest.getInstance("SHA-256");
        double ours = hasher.hash(code, suffix, "");
        double jdk = jdkHash();
        if (ours != jdk || ours != messageDigestReusedBuffers()) {
            throw new IllegalStateException("BucketHasher " + ours + " differs from MessageDigest " + jdk);
        }
    }

    /** Core's hasher, reused as evaluation reuses it within one call. */
    @Benchmark
    public double bucketHasher() {
        return hasher.hash(code, suffix, "");
    }

    /** Core's hasher created per call, as {@code getVariation} does. */
    @Benchmark
    public double bucketHasherNewInstance() {
        return new BucketHasher().hash(code, suffix, "");
    }

    /** The JDK's SHA-256 on the concatenated UTF-8 bytes, same bucket. */
    @Benchmark
    public double messageDigest() {
        return jdkHash();
    }

    /**
     * The JDK's SHA-256 without allocation: ASCII encoded into a reused buffer, digest written into a reused
     * array. What a hasher built on {@link MessageDigest} could cost per hash.
     */
    @Benchmark
    public double messageDigestReusedBuffers() throws DigestException {
        int length = ascii(code, 0);
        length = ascii(suffix, length);
        digest.update(input, 0, length);
        digest.digest(output, 0, output.length);
        long head = ((output[0] & 0xFFL) << 24) | ((output[1] & 0xFFL) << 16) | ((output[2] & 0xFFL) << 8)
                | (output[3] & 0xFFL);
        return head / TWO_POW_32;
    }

    /**
     * As {@link #messageDigestReusedBuffers} but with a {@link MessageDigest} cloned from a prototype per call,
     * as a hasher created per evaluation would need (a digest is not thread-safe).
     */
    @Benchmark
    public double messageDigestClonedPerCall() throws DigestException, CloneNotSupportedException {
        MessageDigest own = (MessageDigest) digest.clone();
        int length = ascii(code, 0);
        length = ascii(suffix, length);
        own.update(input, 0, length);
        own.digest(output, 0, output.length);
        long head = ((output[0] & 0xFFL) << 24) | ((output[1] & 0xFFL) << 16) | ((output[2] & 0xFFL) << 8)
                | (output[3] & 0xFFL);
        return head / TWO_POW_32;
    }

    private int ascii(String text, int offset) {
        for (int i = 0; i < text.length(); i++) {
            input[offset + i] = (byte) text.charAt(i);
        }
        return offset + text.length();
    }

    private double jdkHash() {
        digest.update(code.getBytes(StandardCharsets.UTF_8));
        byte[] out = digest.digest(suffix.getBytes(StandardCharsets.UTF_8));
        long head = ((out[0] & 0xFFL) << 24) | ((out[1] & 0xFFL) << 16) | ((out[2] & 0xFFL) << 8) | (out[3] & 0xFFL);
        return head / TWO_POW_32;
    }
}
