package com.kameleoon.benchmarks;

import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.data.Browser;
import com.kameleoon.data.BrowserType;
import com.kameleoon.data.Device;
import com.kameleoon.data.DeviceType;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;
import com.kameleoon.types.Variation;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
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
 * Flag evaluation through the public client on the conformance example datafile (see BENCHMARKS.md).
 *
 * <ul>
 *   <li><b>warm</b> visitors: a pool of {@value #WARM_VISITORS} visitor codes, each given a Device (DESKTOP) and
 *       a Browser (CHROME 120) and evaluated for every flag in setup, used in turn;</li>
 *   <li><b>new</b> visitors: a code the store has never seen, per invocation; the client (and so its store) is
 *       recreated for each iteration, so the store holds only this iteration's visitors. The cost of making the
 *       code is measured on its own by {@link #newVisitorCode}.</li>
 * </ul>
 *
 * <p>Single-threaded: the client is shared ({@link Scope#Benchmark}), the cursors are per thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class EvaluationBenchmark {
    /** Size of the warm visitor pool (a power of two, for the cursor mask). */
    public static final int WARM_VISITORS = 1024;
    /** The 3-way experiment of the example: no segment, 6 variables of every type. */
    public static final String PRICING_PAGE = "pricing_page";
    /** 80 % experiment behind segment 502 (device OR, browser/page views/page URL, nested SEGMENT 501). */
    public static final String SEARCH_ALGORITHM = "search_algorithm";

    /** {@code max_visitors} of the full-store client. */
    public static final int FULL_STORE_VISITORS = 100_000;

    static final String SITE_CODE = "bench";
    static final long SEED = 20_240_601L;

    /** A client on one datafile with a pool of warm visitors. */
    public abstract static class WarmClient {
        DefaultKameleoonClient client;
        String[] codes;
        private Path file;

        abstract String datafile();

        @Setup(Level.Trial)
        public void setUp() {
            KameleoonLogger.setLogLevel(LogLevel.ERROR);
            file = BenchmarkDatafiles.writeTemporary(datafile());
            client = newClient(file);
            codes = visitorCodes(WARM_VISITORS, SEED);
            for (String code : codes) {
                client.addData(code, false, new Device(DeviceType.DESKTOP), new Browser(BrowserType.CHROME, 120));
                client.getVariations(code, false, false);
            }
            check();
        }

        /** Fails the trial when the warm visitors do not take the paths the benchmarks claim to measure. */
        void check() {
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            client.close();
            BenchmarkDatafiles.delete(file);
        }
    }

    /** The example datafile: 8 flags, 7 enabled. */
    @State(Scope.Benchmark)
    public static class ExampleClient extends WarmClient {
        @Override
        String datafile() {
            return BenchmarkDatafiles.example();
        }

        @Override
        void check() {
            int targeted = 0;
            for (String code : codes) {
                Variation pricing = client.getVariation(code, PRICING_PAGE, false);
                if (!Integer.valueOf(3002).equals(pricing.getExperimentId())) {
                    throw new IllegalStateException("warm visitor " + code + " got " + pricing.getKey()
                            + " for pricing_page instead of an experiment 3002 variation");
                }
                Variation search = client.getVariation(code, SEARCH_ALGORITHM, false);
                targeted += Integer.valueOf(3004).equals(search.getExperimentId()) ? 1 : 0;
            }
            // Rule 2004 has an 80 % exposition: most warm visitors must pass segment 502 and enter it.
            if (targeted < WARM_VISITORS / 2) {
                throw new IllegalStateException("only " + targeted + " warm visitors entered search_algorithm's "
                        + "targeted experiment: the targeting data did not apply");
            }
            int flags = client.getVariations(codes[0], false, false).size();
            if (flags != 7) {
                throw new IllegalStateException("getVariations returned " + flags + " flags, expected 7");
            }
        }
    }

    /** The example plus three copies of its flags: exactly 10 enabled flags. */
    @State(Scope.Benchmark)
    public static class TenFlagClient extends WarmClient {
        @Override
        String datafile() {
            return BenchmarkDatafiles.exampleWithTenEnabledFlags();
        }

        @Override
        void check() {
            int flags = client.getVariations(codes[0], false, false).size();
            if (flags != 10) {
                throw new IllegalStateException("getVariations returned " + flags + " flags, expected 10");
            }
        }
    }

    /**
     * Diagnostic: the example grown to {@code enabledFlags} enabled flags (copies of its flags), to show how
     * {@code getVariations} scales with the number of flags.
     */
    @State(Scope.Benchmark)
    public static class ScaledClient extends WarmClient {
        /** Enabled flags in the datafile (7 and 10 are the two benchmarks above). */
        @Param({"8", "9", "12"})
        public int enabledFlags;

        @Override
        String datafile() {
            return BenchmarkDatafiles.exampleWithEnabledFlags(enabledFlags);
        }

        @Override
        void check() {
            int flags = client.getVariations(codes[0], false, false).size();
            if (flags != enabledFlags) {
                throw new IllegalStateException("getVariations returned " + flags + " flags, expected " + enabledFlags);
            }
        }
    }

    /** A client on the example with an empty store, recreated for each iteration. */
    @State(Scope.Benchmark)
    public static class FreshClient {
        DefaultKameleoonClient client;
        private Path file;

        @Setup(Level.Trial)
        public void writeDatafile() {
            KameleoonLogger.setLogLevel(LogLevel.ERROR);
            file = BenchmarkDatafiles.writeTemporary(BenchmarkDatafiles.example());
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

    /**
     * A client on the example whose in-memory store is at its limit ({@value #FULL_STORE_VISITORS} visitors,
     * the {@code max_visitors} setting, filled in setup), so that every new visitor makes the store evict the
     * least recently used one. Prints, after each iteration, the CPU time the store's sweeper thread used
     * during it (that work runs beside the measured thread, not in it).
     */
    @State(Scope.Benchmark)
    public static class FullStoreClient {
        DefaultKameleoonClient client;
        private Path file;
        private long sweeperCpuAtStart;
        private long wallAtStart;

        @Setup(Level.Trial)
        public void setUp() {
            KameleoonLogger.setLogLevel(LogLevel.ERROR);
            file = BenchmarkDatafiles.writeTemporary(BenchmarkDatafiles.example());
            client = new DefaultKameleoonClient(SITE_CODE, KameleoonClientConfig.builder()
                    .dataFile(file)
                    .topLevelDomain("example.com")
                    .maxVisitors(FULL_STORE_VISITORS)
                    .build());
            for (int i = 0; i < FULL_STORE_VISITORS; i++) {
                client.getVariation("prefill" + i, PRICING_PAGE, false);
            }
            if (client.visitorStore().size() != FULL_STORE_VISITORS) {
                throw new IllegalStateException("store holds " + client.visitorStore().size() + " visitors");
            }
        }

        @Setup(Level.Iteration)
        public void startIteration() {
            sweeperCpuAtStart = SweeperCpu.nanos();
            wallAtStart = System.nanoTime();
        }

        @TearDown(Level.Iteration)
        public void endIteration() {
            long cpu = SweeperCpu.nanos() - sweeperCpuAtStart;
            long wall = System.nanoTime() - wallAtStart;
            System.out.printf("(sweeper thread CPU %.0f ms in %.0f ms, store %d visitors) ", cpu / 1e6, wall / 1e6,
                    client.visitorStore().size());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            client.close();
            BenchmarkDatafiles.delete(file);
        }
    }

    /** Walks a warm pool (visitor codes, contexts) in turn; the benchmarks of this package share it. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        /** @param pool a pool whose size is a power of two @return its next item */
        <T> T next(T[] pool) {
            return pool[next++ & (pool.length - 1)];
        }
    }

    /**
     * Makes visitor codes never seen before: 16 characters of {@code [0-9a-z]}, a base-36 counter incremented in
     * place, so that making one costs a single 16-byte String (measured by {@link #newVisitorCode}).
     */
    @State(Scope.Thread)
    public static class NewVisitorCodes {
        private final char[] digits = "n000000000000000".toCharArray();

        String next() {
            for (int i = digits.length - 1; i > 0; i--) {
                char c = digits[i];
                if (c == '9') {
                    digits[i] = 'a';
                    break;
                }
                if (c != 'z') {
                    digits[i] = (char) (c + 1);
                    break;
                }
                digits[i] = '0';
            }
            return new String(digits);
        }
    }

    // ---- warm visitor ----------------------------------------------------------------------------------

    /** Warm visitor, 3-way experiment without targeting, not tracked. */
    @Benchmark
    public Variation getVariationWarm(ExampleClient state, Cursor cursor) {
        return state.client.getVariation(cursor.next(state.codes), PRICING_PAGE, false);
    }

    /** As {@link #getVariationWarm} but tracked: the assignment is saved as unsent. */
    @Benchmark
    public Variation getVariationWarmTracked(ExampleClient state, Cursor cursor) {
        return state.client.getVariation(cursor.next(state.codes), PRICING_PAGE, true);
    }

    /** Warm visitor with device and browser data, flag behind a segment that nests another segment. */
    @Benchmark
    public Variation getVariationWarmTargeted(ExampleClient state, Cursor cursor) {
        return state.client.getVariation(cursor.next(state.codes), SEARCH_ALGORITHM, false);
    }

    // ---- new visitor -----------------------------------------------------------------------------------

    /** A visitor the store has never seen (the evaluation creates it to save the assignment); not tracked. */
    @Benchmark
    public Variation getVariationNewVisitor(FreshClient state, NewVisitorCodes codes) {
        return state.client.getVariation(codes.next(), PRICING_PAGE, false);
    }

    /** Baseline: the cost of making the new visitor's code, included in {@link #getVariationNewVisitor}. */
    @Benchmark
    public String newVisitorCode(NewVisitorCodes codes) {
        return codes.next();
    }

    /** A new visitor while the store is at its {@code max_visitors} limit: each one evicts another. */
    @Benchmark
    public Variation getVariationNewVisitorStoreFull(FullStoreClient state, NewVisitorCodes codes) {
        return state.client.getVariation(codes.next(), PRICING_PAGE, false);
    }

    // ---- all flags ---------------------------------------------------------------------------------------

    /** Warm visitor, every enabled flag of the example (7), not tracked. */
    @Benchmark
    public Map<String, Variation> getVariationsAllFlags(ExampleClient state, Cursor cursor) {
        return state.client.getVariations(cursor.next(state.codes), false, false);
    }

    /** Warm visitor, every enabled flag of the 10-enabled-flag datafile, not tracked. */
    @Benchmark
    public Map<String, Variation> getVariationsTenFlags(TenFlagClient state, Cursor cursor) {
        return state.client.getVariations(cursor.next(state.codes), false, false);
    }

    /** Diagnostic: warm visitor, every enabled flag of the example grown to 8, 9 or 12 enabled flags. */
    @Benchmark
    public Map<String, Variation> getVariationsByFlagCount(ScaledClient state, Cursor cursor) {
        return state.client.getVariations(cursor.next(state.codes), false, false);
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    static DefaultKameleoonClient newClient(Path datafile) {
        return new DefaultKameleoonClient(SITE_CODE, KameleoonClientConfig.builder()
                .dataFile(datafile)
                .topLevelDomain("example.com")
                .build());
    }

    /**
     * @param count how many
     * @param seed the random seed
     * @return distinct 16-character visitor codes, as {@code getVisitorCode} generates them
     */
    static String[] visitorCodes(int count, long seed) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> seen = new HashSet<>();
        String[] codes = new String[count];
        int made = 0;
        while (made < count) {
            char[] code = new char[16];
            for (int i = 0; i < code.length; i++) {
                code[i] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String text = new String(code);
            if (seen.add(text)) {
                codes[made++] = text;
            }
        }
        return codes;
    }
}
