package com.kameleoon.benchmarks;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first parse and compile of a generated datafile in a fresh JVM (single shot, no warm-up, one
 * measurement per fork): what the SDK pays at start-up, and roughly what a process that receives a datafile
 * once an hour pays per update, since the parser's code then never gets hot. Nothing parses JSON before the
 * measured call (the setup only generates the text), unless {@code primer=example}: then the setup first
 * parses the small example datafile, which loads and initialises the parser's classes, so that the figure
 * shows how much of the first parse is class loading and how much is running cold code. The result is
 * checked afterwards.
 * {@link DataFileBenchmark} measures the same call in steady state.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(10)
@State(Scope.Benchmark)
public class DataFileColdBenchmark {
    /** How many feature flags the generated datafile has. */
    @Param({"200"})
    public int flags;

    /** {@code none}: nothing parsed before; {@code example}: the 8-flag example parsed once in setup. */
    @Param({"none", "example"})
    public String primer;

    private String json;
    private Configuration parsed;

    @Setup(Level.Trial)
    public void setUp() {
        KameleoonLogger.setLogLevel(LogLevel.ERROR);
        json = DatafileGenerator.generate(flags, DatafileGenerator.DEFAULT_SEED);
        if ("example".equals(primer)) {
            DataFileParser.parse(BenchmarkDatafiles.example());
        }
    }

    /** The first {@link DataFileParser#parse(String)} of this JVM. */
    @Benchmark
    public Configuration parseAndCompileFirst() {
        parsed = DataFileParser.parse(json);
        return parsed;
    }

    @TearDown(Level.Trial)
    public void check() {
        if (parsed == null || parsed.flags().size() != flags) {
            throw new IllegalStateException("the measured parse did not compile " + flags + " flags");
        }
    }
}
