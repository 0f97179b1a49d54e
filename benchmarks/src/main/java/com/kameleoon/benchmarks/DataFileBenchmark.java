package com.kameleoon.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.internal.JsonTreeReader;
import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.datafile.DataFileParser;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse and compile of a generated datafile ({@link DatafileGenerator}, seed {@value DatafileGenerator#DEFAULT_SEED}),
 * as done on every configuration update: {@link DataFileParser#parse(String)} turns the text into the compiled
 * {@link Configuration} (JSON tree, then flags, rules, segments' targeting trees, variables, indexes). The two
 * halves are also measured alone, to show where the time goes. Steady state (AverageTime after warm-up): the
 * first update after start-up, with a cold JIT, is slower.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class DataFileBenchmark {
    /** How many feature flags the generated datafile has. */
    @Param({"200"})
    public int flags;

    private String json;
    private JsonNode tree;

    @Setup(Level.Trial)
    public void setUp() throws JsonProcessingException {
        KameleoonLogger.setLogLevel(LogLevel.ERROR);
        json = DatafileGenerator.generate(flags, DatafileGenerator.DEFAULT_SEED);
        tree = JsonTreeReader.SHARED.readTree(json);
        Configuration configuration = DataFileParser.parse(json);
        if (configuration.flags().size() != flags) {
            throw new IllegalStateException("compiled " + configuration.flags().size() + " flags, expected " + flags);
        }
    }

    /** Text to compiled configuration: what a datafile update costs. */
    @Benchmark
    public Configuration parseAndCompile() {
        return DataFileParser.parse(json);
    }

    /** Only the JSON tree (Jackson). */
    @Benchmark
    public JsonNode parseJsonOnly() throws JsonProcessingException {
        return JsonTreeReader.SHARED.readTree(json);
    }

    /** Only the compilation of an already parsed tree. */
    @Benchmark
    public Configuration compileOnly() {
        return DataFileParser.compile(tree);
    }
}
