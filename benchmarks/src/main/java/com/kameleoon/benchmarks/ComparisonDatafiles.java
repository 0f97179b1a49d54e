package com.kameleoon.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The two datafiles of the comparison with the official JavaScript SDK ({@code benchmarks/run-js-comparison.sh}):
 * {@value #EXAMPLE} (the conformance example, 8 flags of which 7 enabled) and {@value #GENERATED_200} (the
 * {@link DatafileGenerator} datafile of 200 flags, seed {@link DatafileGenerator#DEFAULT_SEED}), each with the flag
 * that the single-flag benchmarks evaluate. Stateless.
 *
 * <p>When the system property {@value #DIRECTORY_PROPERTY} names a directory, the texts are read from
 * {@code <directory>/<name>.json}, the very files the Node.js harness reads; otherwise they are built in memory
 * (the same bytes: the generator is deterministic).
 */
public final class ComparisonDatafiles {
    /** Name of the conformance example. */
    public static final String EXAMPLE = "example";
    /** Name of the generated 200-flag datafile. */
    public static final String GENERATED_200 = "generated200";
    /** System property: the directory the comparison's fixtures were written to. */
    public static final String DIRECTORY_PROPERTY = "kameleoon.comparison.dir";
    /** Site code given to both SDKs (it plays no part in the evaluation). */
    public static final String SITE_CODE = "pubconf01";

    private ComparisonDatafiles() {
    }

    /**
     * @param name {@link #EXAMPLE} or {@link #GENERATED_200}
     * @return the datafile text
     */
    public static String text(String name) {
        String directory = System.getProperty(DIRECTORY_PROPERTY);
        if (directory != null && !directory.isEmpty()) {
            try {
                return Files.readString(Path.of(directory, name + ".json"), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return build(name);
    }

    /**
     * @param name {@link #EXAMPLE} or {@link #GENERATED_200}
     * @return the datafile text, built in memory
     */
    static String build(String name) {
        switch (name) {
            case EXAMPLE:
                return BenchmarkDatafiles.example();
            case GENERATED_200:
                return DatafileGenerator.generate(200, DatafileGenerator.DEFAULT_SEED);
            default:
                throw new IllegalArgumentException("unknown datafile " + name);
        }
    }

    /**
     * @param name {@link #EXAMPLE} or {@link #GENERATED_200}
     * @return the flag the single-flag benchmarks evaluate: an experiment without segment, as {@code pricing_page}
     *     of the example (the generated file's {@code pricing_redesign_1}: an experiment then a delivery)
     */
    public static String flagKey(String name) {
        switch (name) {
            case EXAMPLE:
                return EvaluationBenchmark.PRICING_PAGE;
            case GENERATED_200:
                return "pricing_redesign_1";
            default:
                throw new IllegalArgumentException("unknown datafile " + name);
        }
    }
}
