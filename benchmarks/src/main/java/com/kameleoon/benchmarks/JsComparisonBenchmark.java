package com.kameleoon.benchmarks;

import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.benchmarks.EvaluationBenchmark.Cursor;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;
import com.kameleoon.types.Variation;
import java.nio.file.Path;
import java.util.Map;
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
 * This project's side of the comparison with the official JavaScript SDK ({@code benchmarks/run-js-comparison.sh},
 * whose Node.js harness {@code benchmarks/js/bench.js} does the same work): on each datafile of
 * {@link ComparisonDatafiles}, never tracked,
 *
 * <ul>
 *   <li>{@link #getVariationWarm}: one flag for a warm visitor, one of {@link ComparisonFixtures#WARM_VISITORS}
 *       codes (the fixtures' {@code warm} list) used in turn, each given a Device (DESKTOP) and a Browser (CHROME
 *       120) and evaluated for every flag in setup;</li>
 *   <li>{@link #getVariationNewVisitor}: the same flag for a code never seen ({@code n} and 15 base-36 digits of a
 *       counter), on a client recreated for each iteration;</li>
 *   <li>{@link #getVariations}: every enabled flag for a warm visitor.</li>
 * </ul>
 *
 * <p>Single-threaded. The run parameters come from the script (1 fork, 3 + 5 iterations of 1 s by default).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsComparisonBenchmark {

    /** A client on one datafile with the warm visitors. */
    @State(Scope.Benchmark)
    public static class WarmClient {
        /** {@link ComparisonDatafiles#EXAMPLE} or {@link ComparisonDatafiles#GENERATED_200}. */
        @Param({ComparisonDatafiles.EXAMPLE, ComparisonDatafiles.GENERATED_200})
        public String datafile;

        DefaultKameleoonClient client;
        String[] codes;
        String flagKey;
        private Path file;

        @Setup(Level.Trial)
        public void setUp() {
            KameleoonLogger.setLogLevel(LogLevel.ERROR);
            file = BenchmarkDatafiles.writeTemporary(ComparisonDatafiles.text(datafile));
            client = newClient(file);
            flagKey = ComparisonDatafiles.flagKey(datafile);
            codes = ComparisonFixtures.warmVisitorCodes();
            for (String code : codes) {
                ComparisonFixtures.addWarmData(client, code);
                client.getVariations(code, false, false);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            client.close();
            BenchmarkDatafiles.delete(file);
        }
    }

    /** A client with an empty store, recreated for each iteration. */
    @State(Scope.Benchmark)
    public static class FreshClient {
        /** {@link ComparisonDatafiles#EXAMPLE} or {@link ComparisonDatafiles#GENERATED_200}. */
        @Param({ComparisonDatafiles.EXAMPLE, ComparisonDatafiles.GENERATED_200})
        public String datafile;

        DefaultKameleoonClient client;
        String flagKey;
        private Path file;

        @Setup(Level.Trial)
        public void writeDatafile() {
            KameleoonLogger.setLogLevel(LogLevel.ERROR);
            file = BenchmarkDatafiles.writeTemporary(ComparisonDatafiles.text(datafile));
            flagKey = ComparisonDatafiles.flagKey(datafile);
        }

        @Setup(Level.Iteration)
        public void setUp() {
            client = newClient(file);
        }

        @TearDown(Level.Iteration)
        public void tearDown() {
            client.close();
            client = null;
        }

        @TearDown(Level.Trial)
        public void deleteDatafile() {
            BenchmarkDatafiles.delete(file);
        }
    }

    /** One flag, warm visitor, not tracked. */
    @Benchmark
    public Variation getVariationWarm(WarmClient state, Cursor cursor) {
        return state.client.getVariation(cursor.next(state.codes), state.flagKey, false);
    }

    /** One flag, a visitor the store has never seen, not tracked (the code is made in the call, as in Node). */
    @Benchmark
    public Variation getVariationNewVisitor(FreshClient state, EvaluationBenchmark.NewVisitorCodes codes) {
        return state.client.getVariation(codes.next(), state.flagKey, false);
    }

    /** Every enabled flag, warm visitor, not tracked. */
    @Benchmark
    public Map<String, Variation> getVariations(WarmClient state, Cursor cursor) {
        return state.client.getVariations(cursor.next(state.codes), false, false);
    }

    static DefaultKameleoonClient newClient(Path datafile) {
        return new DefaultKameleoonClient(ComparisonDatafiles.SITE_CODE, KameleoonClientConfig.builder()
                .dataFile(datafile)
                .topLevelDomain("example.com")
                .build());
    }
}
