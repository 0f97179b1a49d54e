package com.kameleoon.benchmarks;

import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measurements of the in-memory visitor store that JMH cannot express, quoted in BENCHMARKS.md. Not a
 * benchmark: a plain program, run from the shaded jar.
 *
 * <pre>
 * java -Xms4g -Xmx4g -cp benchmarks/target/benchmarks.jar com.kameleoon.benchmarks.VisitorStoreProbe footprint
 * java -Xms4g -Xmx4g -cp benchmarks/target/benchmarks.jar com.kameleoon.benchmarks.VisitorStoreProbe capacity 1000000 1000
 * </pre>
 *
 * <ul>
 *   <li>{@code footprint}: heap retained per visitor (after full GCs): an empty {@code Visitor}, a new visitor
 *       evaluated for one flag, and one evaluated for every flag of the example;</li>
 *   <li>{@code capacity <max_visitors> <new visitors per second>}: fills the store to {@code max_visitors}, then
 *       adds new visitors at the given rate for 10 s and reports the sweeper thread's CPU time, the number of
 *       eviction sweeps (one warning line each) and the largest store size seen.</li>
 * </ul>
 */
public final class VisitorStoreProbe {
    private static final int FOOTPRINT_VISITORS = 200_000;

    private VisitorStoreProbe() {
    }

    /**
     * @param args {@code footprint}, or {@code capacity <max_visitors> <rate>}
     * @throws InterruptedException when interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length == 1 && args[0].equals("footprint")) {
            footprint();
        } else if (args.length == 3 && args[0].equals("capacity")) {
            capacity(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        } else {
            System.err.println("usage: VisitorStoreProbe footprint | capacity <max_visitors> <new visitors per second>");
            System.exit(64);
        }
    }

    private static void footprint() throws InterruptedException {
        KameleoonLogger.setLogLevel(LogLevel.ERROR);
        Path file = BenchmarkDatafiles.writeTemporary(BenchmarkDatafiles.example());
        String[] codes = new String[FOOTPRINT_VISITORS];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = String.format("n%015d", i);
        }
        Visitor[] empty = new Visitor[codes.length];
        long before = usedHeap();
        for (int i = 0; i < empty.length; i++) {
            empty[i] = new Visitor(0);
        }
        report("empty Visitor object", before, empty.length, 4);
        Reference.reachabilityFence(empty);
        empty = null;
        try (DefaultKameleoonClient client = EvaluationBenchmark.newClient(file)) {
            before = usedHeap();
            for (String code : codes) {
                client.getVariation(code, EvaluationBenchmark.PRICING_PAGE, false);
            }
            report("new visitor after getVariation(pricing_page), incl. store entry", before, codes.length, 0);
        }
        try (DefaultKameleoonClient client = EvaluationBenchmark.newClient(file)) {
            before = usedHeap();
            for (String code : codes) {
                client.getVariations(code, false, false);
            }
            report("new visitor after getVariations (7 flags), incl. store entry", before, codes.length, 0);
        }
        BenchmarkDatafiles.delete(file);
    }

    private static void report(String what, long before, int count, int referenceBytes) throws InterruptedException {
        double perVisitor = (usedHeap() - before) / (double) count - referenceBytes;
        System.out.printf("%-70s %6.0f bytes%n", what, perVisitor);
    }

    private static long usedHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void capacity(int maxVisitors, int rate) throws InterruptedException {
        AtomicInteger sweeps = new AtomicInteger();
        KameleoonLogger.setLogLevel(LogLevel.WARNING);
        KameleoonLogger.setLogger((level, message) -> {
            if (message.contains("least recently used")) {
                sweeps.incrementAndGet();
            }
        });
        Path file = BenchmarkDatafiles.writeTemporary(BenchmarkDatafiles.example());
        try (DefaultKameleoonClient client = new DefaultKameleoonClient(EvaluationBenchmark.SITE_CODE,
                KameleoonClientConfig.builder().dataFile(file).topLevelDomain("example.com").maxVisitors(maxVisitors)
                        .build())) {
            for (int i = 0; i < maxVisitors; i++) {
                client.getVariation("prefill" + i, EvaluationBenchmark.PRICING_PAGE, false);
            }
            Thread.sleep(1_000);
            sweeps.set(0);
            long cpuAtStart = SweeperCpu.nanos();
            long start = System.nanoTime();
            long seconds = 10;
            long made = 0;
            int largest = 0;
            while (System.nanoTime() - start < seconds * 1_000_000_000L) {
                long due = start + made * 1_000_000_000L / rate;
                while (System.nanoTime() < due) {
                    Thread.sleep(0, 100_000);
                }
                client.getVariation("new" + made++, EvaluationBenchmark.PRICING_PAGE, false);
                if ((made & 255) == 0) {
                    largest = Math.max(largest, client.visitorStore().size());
                }
            }
            double wall = (System.nanoTime() - start) / 1e9;
            System.out.printf("max_visitors=%d, %d new visitors/s for %.0f s: sweeper CPU %.0f ms per second, "
                    + "%d sweeps (%.1f/s, one warning line each), largest store seen %d (%+.1f %%)%n", maxVisitors,
                    rate, wall, (SweeperCpu.nanos() - cpuAtStart) / 1e6 / wall, sweeps.get(), sweeps.get() / wall,
                    largest, 100.0 * (largest - maxVisitors) / maxVisitors);
        } finally {
            KameleoonLogger.setLogger(null);
            BenchmarkDatafiles.delete(file);
        }
    }
}
