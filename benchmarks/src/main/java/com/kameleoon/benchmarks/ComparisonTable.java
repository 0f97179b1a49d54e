package com.kameleoon.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Prints the comparison with the official JavaScript SDK as one Markdown table: {@code java -cp benchmarks.jar
 * com.kameleoon.benchmarks.ComparisonTable <jmh.json> <js.json>}, the JMH result of {@link JsComparisonBenchmark}
 * ({@code -rf json}) and the report of {@code benchmarks/js/bench.js bench}. Each side's figure is the median of
 * its measured iterations (rounds); the ratio is this project's throughput over the JavaScript SDK's. Exits with
 * 2 when a row is missing on either side. Stateless.
 */
public final class ComparisonTable {
    /** The target: this project's throughput on warm {@code getVariation} over the JavaScript SDK's. */
    static final double WARM_TARGET = 3.0;

    private static final List<String> OPERATIONS = List.of("getVariationWarm", "getVariationNewVisitor", "getVariations");
    private static final List<String> DATAFILES = List.of(ComparisonDatafiles.EXAMPLE, ComparisonDatafiles.GENERATED_200);

    private ComparisonTable() {
    }

    /**
     * @param args the JMH JSON result and the Node.js report
     * @throws IOException when one cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ComparisonTable <jmh-result.json> <js-report.json>");
            System.exit(64);
        }
        ObjectMapper mapper = new ObjectMapper();
        JsonNode jmh = mapper.readTree(Path.of(args[0]).toFile());
        JsonNode js = mapper.readTree(Path.of(args[1]).toFile());
        System.out.println("| datafile | operation | this project ns/op | this project ops/s | JS SDK ns/op "
                + "| JS SDK ops/s | ratio (this project / JS SDK throughput) |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
        List<String> warmRatios = new ArrayList<>();
        boolean warmMet = true;
        boolean complete = true;
        for (String datafile : DATAFILES) {
            for (String operation : OPERATIONS) {
                double java = javaNanos(jmh, datafile, operation);
                double node = jsNanos(js, datafile, operation);
                if (Double.isNaN(java) || Double.isNaN(node)) {
                    System.err.println("missing result for " + datafile + " " + operation
                            + (Double.isNaN(java) ? " (this project)" : " (JS SDK)"));
                    complete = false;
                    continue;
                }
                double ratio = node / java;
                System.out.printf(Locale.ROOT, "| %s | `%s` | %s | %s | %s | %s | **%.2f×** |%n", datafile, operation,
                        number(java), number(1e9 / java), number(node), number(1e9 / node), ratio);
                if ("getVariationWarm".equals(operation)) {
                    warmRatios.add(String.format(Locale.ROOT, "%s %.2f×", datafile, ratio));
                    warmMet &= ratio >= WARM_TARGET;
                }
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Target (issue 7): this project ≥ %.0f× the JS SDK's throughput on warm "
                + "`getVariation`: %s — %s.%n", WARM_TARGET, String.join(", ", warmRatios),
                warmMet ? "met" : "**not met**");
        System.out.println("JS SDK: " + js.path("sdk").asText() + " on Node.js " + js.path("node").asText()
                + "; medians of " + js.path("rounds").asInt() + " rounds of " + js.path("roundSeconds").asText()
                + " s after " + js.path("warmupRounds").asInt() + " warm-up rounds; this project: JMH medians of the "
                + "measured iterations.");
        if (!complete) {
            System.exit(2);
        }
    }

    private static double javaNanos(JsonNode results, String datafile, String operation) {
        for (JsonNode result : results) {
            String benchmark = result.path("benchmark").asText();
            if (benchmark.endsWith("." + operation) && datafile.equals(result.path("params").path("datafile").asText())) {
                List<Double> values = new ArrayList<>();
                for (JsonNode fork : result.path("primaryMetric").path("rawData")) {
                    fork.forEach(value -> values.add(value.asDouble()));
                }
                return median(values);
            }
        }
        return Double.NaN;
    }

    private static double jsNanos(JsonNode report, String datafile, String operation) {
        for (JsonNode result : report.path("results")) {
            if (datafile.equals(result.path("datafile").asText()) && operation.equals(result.path("operation").asText())) {
                return result.path("nsPerOp").asDouble();
            }
        }
        return Double.NaN;
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String number(double value) {
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
