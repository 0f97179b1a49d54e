package com.kameleoon.benchmarks;

import com.kameleoon.benchmarks.EvaluationBenchmark.Cursor;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;
import com.kameleoon.micrometer.KameleoonMetrics;
import com.kameleoon.types.Variation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
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
 * The cost of metrics on a warm {@code getVariation} (issue 16; see BENCHMARKS.md): a client on the conformance
 * example datafile with {@value EvaluationBenchmark#WARM_VISITORS} warm visitors, either one that nobody watches
 * ({@code metrics=off}: evaluation counting never started) or one with {@code kameleoon-micrometer}'s
 * {@link KameleoonMetrics} bound to a {@link SimpleMeterRegistry} ({@code metrics=on}: every evaluation is counted
 * by flag and variation). Both settings run in one JMH run, side by side, tracked and untracked.
 *
 * <p>Each fork makes only the client it measures, so the JIT never sees the other setting's path: with both
 * clients in every fork, the profile of the shared evaluation code mixed the two and the forks' means spread by
 * up to 35 %.
 *
 * <p>Tracked calls queue the visitor's line in the in-memory outbox; no Data API is configured, so the outbox keeps
 * its 100,000 lines and drops the oldest. Single-threaded: the client is shared, the cursors per thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MetricsOverheadBenchmark {
    /** The 3-way experiment of the example (no segment): every warm visitor is in experiment 3002. */
    public static final String FLAG = EvaluationBenchmark.PRICING_PAGE;

    /** One client, with or without the Micrometer binder bound. */
    @State(Scope.Benchmark)
    public static class Client {
        /** {@code off}: nobody reads the figures; {@code on}: the Micrometer binder is bound. */
        @Param({"off", "on"})
        public String metrics;

        DefaultKameleoonClient client;
        SimpleMeterRegistry registry;
        String[] codes;
        private Path file;

        @Setup(Level.Trial)
        public void setUp() {
            KameleoonLogger.setLogLevel(LogLevel.ERROR);
            file = BenchmarkDatafiles.writeTemporary(BenchmarkDatafiles.example());
            client = EvaluationBenchmark.newClient(file);
            if ("on".equals(metrics)) {
                registry = new SimpleMeterRegistry();
                new KameleoonMetrics(client).bindTo(registry);
            } else if (!"off".equals(metrics)) {
                throw new IllegalArgumentException("metrics must be off or on, not " + metrics);
            }
            codes = EvaluationBenchmark.visitorCodes(EvaluationBenchmark.WARM_VISITORS, EvaluationBenchmark.SEED);
            for (String code : codes) {
                client.getVariations(code, false, false);
            }
        }

        /** Fails the trial when metrics on did not count (they must really count). */
        @TearDown(Level.Trial)
        public void tearDown() {
            double counted = registry == null ? codes.length
                    : registry.get("kameleoon.evaluations").tag("flag", FLAG).functionCounters().stream()
                            .mapToDouble(c -> c.count()).sum();
            client.close();
            BenchmarkDatafiles.delete(file);
            if (counted < codes.length) {
                throw new IllegalStateException("metrics on counted " + counted + " evaluations of " + FLAG);
            }
        }
    }

    /** {@code getVariation(code, flag)} (tracked). */
    @Benchmark
    public Variation tracked(Client state, Cursor cursor) {
        return state.client.getVariation(cursor.next(state.codes), FLAG);
    }

    /** {@code getVariation(code, flag, false)}. */
    @Benchmark
    public Variation untracked(Client state, Cursor cursor) {
        return state.client.getVariation(cursor.next(state.codes), FLAG, false);
    }
}
