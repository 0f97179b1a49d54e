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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of metrics on a warm {@code getVariation} (issue 16; see BENCHMARKS.md): two clients on the conformance
 * example datafile with the same {@value EvaluationBenchmark#WARM_VISITORS} warm visitors, one that nobody watches
 * (metrics off: evaluation counting never started) and one with {@code kameleoon-micrometer}'s
 * {@link KameleoonMetrics} bound to a {@link SimpleMeterRegistry} (metrics on: every evaluation is counted by flag
 * and variation). Both run in the same fork, side by side, tracked and untracked.
 *
 * <p>Tracked calls queue the visitor's line in the in-memory outbox; no Data API is configured, so the outbox keeps
 * its 100,000 lines and drops the oldest. Single-threaded: the clients are shared, the cursors per thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MetricsOverheadBenchmark {
    /** The 3-way experiment of the example (no segment): every warm visitor is in experiment 3002. */
    public static final String FLAG = EvaluationBenchmark.PRICING_PAGE;

    /** A client without metrics and one with the Micrometer binder bound, on the same datafile and visitors. */
    @State(Scope.Benchmark)
    public static class Clients {
        DefaultKameleoonClient off;
        DefaultKameleoonClient on;
        KameleoonMetrics binder;
        SimpleMeterRegistry registry;
        String[] codes;
        private Path file;

        @Setup(Level.Trial)
        public void setUp() {
            KameleoonLogger.setLogLevel(LogLevel.ERROR);
            file = BenchmarkDatafiles.writeTemporary(BenchmarkDatafiles.example());
            off = EvaluationBenchmark.newClient(file);
            on = EvaluationBenchmark.newClient(file);
            registry = new SimpleMeterRegistry();
            binder = new KameleoonMetrics(on);
            binder.bindTo(registry);
            codes = EvaluationBenchmark.visitorCodes(EvaluationBenchmark.WARM_VISITORS, EvaluationBenchmark.SEED);
            for (String code : codes) {
                off.getVariations(code, false, false);
                on.getVariations(code, false, false);
            }
        }

        /** Fails the trial when the meters did not count (metrics on must really count). */
        @TearDown(Level.Trial)
        public void tearDown() {
            double counted = registry.get("kameleoon.evaluations").tag("flag", FLAG).functionCounters().stream()
                    .mapToDouble(c -> c.count()).sum();
            off.close();
            on.close();
            BenchmarkDatafiles.delete(file);
            if (counted < codes.length) {
                throw new IllegalStateException("metrics on counted " + counted + " evaluations of " + FLAG);
            }
        }
    }

    /** {@code getVariation(code, flag)} (tracked), metrics off. */
    @Benchmark
    public Variation trackedMetricsOff(Clients state, Cursor cursor) {
        return state.off.getVariation(cursor.next(state.codes), FLAG);
    }

    /** {@code getVariation(code, flag)} (tracked), metrics on. */
    @Benchmark
    public Variation trackedMetricsOn(Clients state, Cursor cursor) {
        return state.on.getVariation(cursor.next(state.codes), FLAG);
    }

    /** {@code getVariation(code, flag, false)}, metrics off. */
    @Benchmark
    public Variation untrackedMetricsOff(Clients state, Cursor cursor) {
        return state.off.getVariation(cursor.next(state.codes), FLAG, false);
    }

    /** {@code getVariation(code, flag, false)}, metrics on. */
    @Benchmark
    public Variation untrackedMetricsOn(Clients state, Cursor cursor) {
        return state.on.getVariation(cursor.next(state.codes), FLAG, false);
    }
}
