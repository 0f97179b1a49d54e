package com.kameleoon.benchmarks;

import com.kameleoon.data.Browser;
import com.kameleoon.data.BrowserType;
import com.kameleoon.data.Device;
import com.kameleoon.data.DeviceType;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;
import com.kameleoon.types.Variation;
import java.nio.file.Path;
import java.util.Map;

/**
 * Counts the distinct buckets (hash inputs) one warm-visitor {@code getVariations} pass needs on the example
 * datafile grown to 7–12 enabled flags, from each flag's outcome for the 1,024 warm visitors of
 * {@link EvaluationBenchmark}; quoted in BENCHMARKS.md (problem 1). Not a benchmark: a plain program
 * ({@code java -cp benchmarks/target/benchmarks.jar com.kameleoon.benchmarks.BucketCountProbe}).
 *
 * <p>The rules below mirror {@code FlagEvaluator} as of core {@code 96b0a30} for the example's flag shapes:
 * exposition bucket for every targeted rule, variation bucket once inside the exposition (also for targeted
 * deliveries), one ME-group bucket per member flag (the group name is a separate String per flag, and the memo
 * compares suffixes by identity). Update them if the evaluator changes.
 */
public final class BucketCountProbe {
    private static final int MEMO_SIZE = 16;

    private BucketCountProbe() {
    }

    /** @param args unused */
    public static void main(String[] args) {
        KameleoonLogger.setLogLevel(LogLevel.ERROR);
        String[] codes = EvaluationBenchmark.visitorCodes(EvaluationBenchmark.WARM_VISITORS, EvaluationBenchmark.SEED);
        for (int enabled : new int[] {7, 8, 9, 10, 12}) {
            Path file = BenchmarkDatafiles.writeTemporary(BenchmarkDatafiles.exampleWithEnabledFlags(enabled));
            try (DefaultKameleoonClient client = EvaluationBenchmark.newClient(file)) {
                long buckets = 0;
                long unusedDeliveryBuckets = 0;
                int overMemo = 0;
                for (String code : codes) {
                    client.addData(code, false, new Device(DeviceType.DESKTOP), new Browser(BrowserType.CHROME, 120));
                    client.getVariations(code, false, false);
                    int[] counts = count(client.getVariations(code, false, false));
                    buckets += counts[0];
                    unusedDeliveryBuckets += counts[1];
                    overMemo += counts[0] > MEMO_SIZE ? 1 : 0;
                }
                System.out.printf("%2d enabled flags: %5.2f distinct buckets per pass (%.2f delivery variation buckets "
                        + "never read); %3.0f %% of visitors need more than %d%n", enabled,
                        buckets / (double) codes.length, unusedDeliveryBuckets / (double) codes.length,
                        100.0 * overMemo / codes.length, MEMO_SIZE);
            } finally {
                BenchmarkDatafiles.delete(file);
            }
        }
    }

    /** @return {distinct buckets, delivery variation buckets never read} for one visitor's pass */
    private static int[] count(Map<String, Variation> variations) {
        int buckets = 0;
        int unused = 0;
        for (Map.Entry<String, Variation> entry : variations.entrySet()) {
            String key = entry.getKey();
            int copy = key.contains("_copy") ? Integer.parseInt(key.substring(key.indexOf("_copy") + 5)) : 0;
            String shape = copy == 0 ? key : key.substring(0, key.indexOf("_copy"));
            Integer experiment = entry.getValue().getExperimentId();
            boolean assigned = experiment != null;
            switch (shape) {
                case "new_checkout":          // 50 % delivery, no segment
                case "vip_free_shipping":     // delivery behind segment 501 (never matches here), then 10 % delivery
                    buckets += assigned ? 2 : 1;
                    unused += assigned ? 1 : 0;
                    break;
                case "pricing_page":          // 100 % experiment
                case "b2b_onboarding":        // 100 % experiment (bucketing custom data absent: the visitor code)
                    buckets += 2;
                    break;
                case "search_algorithm":      // 80 % experiment behind segment 502, then delivery behind 503 (no match)
                    buckets += experiment != null && experiment == 3004 + copy * 10_000 ? 2 : 1;
                    break;
                case "homepage_hero":         // ME group "homepage", then 100 % experiment for the chosen flag
                case "homepage_video":
                    buckets += assigned ? 3 : 1;
                    break;
                default:
                    throw new IllegalStateException("no bucket rule for flag " + key);
            }
        }
        return new int[] {buckets, unused};
    }
}
