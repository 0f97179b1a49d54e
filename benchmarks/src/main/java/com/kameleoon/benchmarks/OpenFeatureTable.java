package com.kameleoon.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the JMH JSON result of {@link OpenFeatureBenchmark} ({@code -rf json}, with {@code -prof gc}) as two
 * Markdown tables: every benchmark (ns/op ± error, B/op), then each OpenFeature call against its direct baseline
 * (overhead in ns and as a ratio, extra bytes). Used by {@code benchmarks/run-openfeature.sh}: {@code java -cp
 * benchmarks.jar com.kameleoon.benchmarks.OpenFeatureTable result.json}. Exits with 2 when a benchmark is missing.
 */
public final class OpenFeatureTable {
    /** Compared pairs: case, direct baseline method, OpenFeature method. */
    private static final String[][] PAIRS = {
        {"tracked (the defaults)", "isFeatureActiveTracked", "openFeatureBooleanValueTracked"},
        {"untracked", "isFeatureActiveUntracked", "openFeatureBooleanValueUntracked"},
        {"untracked, `getBooleanDetails`", "isFeatureActiveUntracked", "openFeatureBooleanDetailsUntracked"},
        {"untracked, the provider alone (`getBooleanEvaluation`, no OpenFeature client)", "isFeatureActiveUntracked",
            "providerBooleanEvaluationUntracked"},
        {"untracked, context with device + browser", "isFeatureActiveUntrackedWithData",
            "openFeatureBooleanValueUntrackedWithData"},
    };

    private OpenFeatureTable() {
    }

    /**
     * @param args one JMH JSON result file
     * @throws IOException when it cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: OpenFeatureTable <jmh-result.json>");
            System.exit(64);
        }
        JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        Map<String, double[]> byMethod = new HashMap<>();
        System.out.println("| benchmark | ns/op ± error | B/op |");
        System.out.println("|---|---:|---:|");
        for (JsonNode result : results) {
            String benchmark = result.path("benchmark").asText();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            JsonNode primary = result.path("primaryMetric");
            JsonNode alloc = result.path("secondaryMetrics").path("gc.alloc.rate.norm");
            double[] figures = {primary.path("score").asDouble(), primary.path("scoreError").asDouble(),
                alloc.isMissingNode() ? Double.NaN : alloc.path("score").asDouble()};
            byMethod.put(method, figures);
            System.out.printf(Locale.ROOT, "| `%s` | %s ± %s | %s |%n", method, number(figures[0]),
                    number(figures[1]), number(figures[2]));
        }
        System.out.println();
        System.out.println("| case | direct ns/op | OpenFeature ns/op | overhead ns | ratio | direct B/op "
                + "| OpenFeature B/op | extra B/op |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        boolean missing = false;
        for (String[] pair : PAIRS) {
            double[] direct = byMethod.get(pair[1]);
            double[] openFeature = byMethod.get(pair[2]);
            if (direct == null || openFeature == null) {
                System.err.println("missing result for " + (direct == null ? pair[1] : pair[2]));
                missing = true;
                continue;
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %s | +%s | %.2f× | %s | %s | +%s |%n", pair[0],
                    number(direct[0]), number(openFeature[0]), number(openFeature[0] - direct[0]),
                    openFeature[0] / direct[0], number(direct[2]), number(openFeature[2]),
                    number(openFeature[2] - direct[2]));
        }
        if (missing) {
            System.exit(2);
        }
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
