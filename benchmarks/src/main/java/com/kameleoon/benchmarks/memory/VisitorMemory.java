package com.kameleoon.benchmarks.memory;

import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.benchmarks.BenchmarkDatafiles;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Data;
import com.kameleoon.data.PageView;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap retained per in-memory visitor holding typical data (issue 7, part 2): 5 custom data, 10 page views and
 * 3 assignments, made through the public client on the example datafile. Not a benchmark: a plain program run
 * from the shaded jar by {@code benchmarks/run-memory.sh}; prints a Markdown table and exits non-zero when a
 * visitor did not end up with the intended data.
 *
 * <p>For each count, a fresh client (in-memory store, no Data API, offline on the example datafile) gets that
 * many new visitors, each through
 * <ol>
 *   <li>{@code addData(code, false, …)} of 5 {@link CustomData} (indexes 1, 2, 3, 5, 6; one value each, 3 to 11
 *       characters; 1 and 2 put every visitor in the VIP segment) and 10 {@link PageView}s (distinct URLs of about 40 characters, each with a title);</li>
 *   <li>{@code getVariation(code, key, false)} of {@link #FLAGS}: three flags of the example that assign every such
 *       visitor, so each saves one assignment ({@code b2b_onboarding} buckets on custom data 3, which step 1
 *       set).</li>
 * </ol>
 * Untracked ({@code track=false}) so that no tracking line is queued: the figure is the visitor alone, its
 * store entry included, not the outbox. Every string (visitor code, values, URLs, titles) is a new object per
 * visitor, as parsed from a request. The heap is measured with {@link MemoryMXBean} after repeated full GCs
 * ({@code System.gc()}), once before the first visitor (client and datafile already loaded) and once after
 * the last; the difference divided by the count is the figure.
 */
public final class VisitorMemory {
    /**
     * The three flags evaluated per visitor, each of which assigns every visitor given {@link #typicalData}: two
     * experiments at 100 % outside any mutually exclusive group, and the delivery behind the VIP segment 501
     * (custom data 1 = {@code vip} and custom data 2 above 1000).
     */
    static final List<String> FLAGS = List.of("pricing_page", "b2b_onboarding", "vip_free_shipping");
    static final int CUSTOM_DATA = 5;
    static final int PAGE_VIEWS = 10;

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private VisitorMemory() {
    }

    /**
     * @param args visitor counts, measured in this order, each with a fresh client (default {@code 100000})
     * @throws Exception when a measurement fails
     */
    public static void main(String[] args) throws Exception {
        KameleoonLogger.setLogLevel(LogLevel.ERROR);
        List<Integer> counts = new ArrayList<>();
        for (String arg : args) {
            counts.add(Integer.parseInt(arg.replace("_", "").replace(",", "")));
        }
        if (counts.isEmpty()) {
            counts.add(100_000);
        }
        Path file = BenchmarkDatafiles.writeTemporary(BenchmarkDatafiles.example());
        List<String> rows = new ArrayList<>();
        try {
            // A first small round loads and compiles the code paths, so that the measured rounds do not count
            // classes and JIT structures created on first use.
            measure(file, 5_000);
            for (int count : counts) {
                Result result = measure(file, count);
                rows.add(String.format("| %,d | %.1f | %.1f | %,.0f | %.2f / %.2f / %.2f |", count,
                        result.before / 1048576.0, result.after / 1048576.0,
                        (result.after - result.before) / (double) count, result.customData, result.pageViews,
                        result.assignments));
                System.err.printf("measured %,d visitors%n", count);
            }
        } finally {
            BenchmarkDatafiles.delete(file);
        }
        System.out.println();
        System.out.println("In-memory visitor footprint: 5 custom data + 10 page views (addData, untracked) + 3"
                + " assignments (getVariation of " + String.join(", ", FLAGS) + ", untracked), example datafile;"
                + " heap used after full GCs (MemoryMXBean), " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ", GC " + ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(gc -> gc.getName()).collect(java.util.stream.Collectors.joining(" + ")) + ", max heap "
                + Runtime.getRuntime().maxMemory() / 1048576 + " MiB");
        System.out.println();
        System.out.println("| visitors | heap before (MiB) | heap after (MiB) | bytes per visitor"
                + " | per visitor: custom data / page views / assignments |");
        System.out.println("|---:|---:|---:|---:|---|");
        rows.forEach(System.out::println);
    }

    private record Result(long before, long after, double customData, double pageViews, double assignments) {
    }

    private static Result measure(Path file, int count) throws InterruptedException {
        try (DefaultKameleoonClient client = new DefaultKameleoonClient("bench", KameleoonClientConfig.builder()
                .dataFile(file).topLevelDomain("example.com").maxVisitors(Math.max(count, 1_000_000)).build())) {
            long before = usedHeapAfterGc();
            for (int i = 0; i < count; i++) {
                String code = visitorCode(i);
                client.addData(code, false, typicalData(i));
                for (String flag : FLAGS) {
                    client.getVariation(code, flag, false);
                }
            }
            long after = usedHeapAfterGc();
            long customData = 0;
            long pageViews = 0;
            long assignments = 0;
            for (int i = 0; i < count; i++) {
                Visitor visitor = client.visitorStore().get(visitorCode(i));
                if (visitor == null) {
                    throw new IllegalStateException("visitor " + i + " is not in the store");
                }
                customData += visitor.customDataItems().size();
                pageViews += visitor.pageViews().size();
                assignments += visitor.assignments().size();
            }
            if (client.visitorStore().size() != count || customData != (long) CUSTOM_DATA * count
                    || pageViews != (long) PAGE_VIEWS * count || assignments != (long) FLAGS.size() * count) {
                throw new IllegalStateException(String.format("unexpected visitor data: %d visitors in the store,"
                        + " %d custom data, %d page views, %d assignments for %d visitors",
                        client.visitorStore().size(), customData, pageViews, assignments, count));
            }
            return new Result(before, after, customData / (double) count, pageViews / (double) count,
                    assignments / (double) count);
        }
    }

    /** A 16-character code as the SDK makes them; a new string each call. */
    private static String visitorCode(int i) {
        long mixed = (i + 1) * 0x9E3779B97F4A7C15L;
        String hex = Long.toHexString(mixed | Long.MIN_VALUE);
        return hex.substring(0, 16);
    }

    private static Data[] typicalData(int i) {
        Data[] data = new Data[CUSTOM_DATA + PAGE_VIEWS];
        data[0] = new CustomData(1, "vip");
        data[1] = new CustomData(2, Integer.toString(1_001 + i % 9_000) + ".50");
        data[2] = new CustomData(3, "acct-" + (i % 100_000));
        data[3] = new CustomData(5, "campaign-" + (i % 40));
        data[4] = new CustomData(6, i % 2 == 0 ? "de-DE" : "en-GB");
        for (int p = 0; p < PAGE_VIEWS; p++) {
            int product = (i * 7 + p * 131) % 10_000;
            data[CUSTOM_DATA + p] = new PageView("https://shop.example.com/products/item-" + product,
                    "Product " + product + " | Shop");
        }
        return data;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
