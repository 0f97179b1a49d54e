package com.kameleoon.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a JMH JSON result file ({@code -rf json}) as a Markdown table with the targets: benchmark,
 * score ± error, unit, bytes allocated per operation ({@code -prof gc}), target, met. Used by
 * {@code benchmarks/run-evaluation.sh}: {@code java -cp benchmarks.jar com.kameleoon.benchmarks.ResultsTable
 * results.json...}. Exits with 2 when a file holds no result.
 */
public final class ResultsTable {
    /** Targets by benchmark method: maximum score (in the result's unit), maximum bytes per op or NaN. */
    private static final Map<String, double[]> TARGETS = Map.of(
            "getVariationWarm", new double[] {1_000, 500},
            "getVariationWarmTracked", new double[] {1_000, 500},
            "getVariationWarmTargeted", new double[] {1_000, 500},
            "getVariationsTenFlags", new double[] {10_000, Double.NaN},
            "parseAndCompile", new double[] {50, Double.NaN},
            "parseAndCompileFirst", new double[] {50, Double.NaN});

    private ResultsTable() {
    }

    /**
     * @param args JMH JSON result files
     * @throws IOException when it cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: ResultsTable <jmh-result.json>...");
            System.exit(64);
        }
        System.out.println("| benchmark | score ± error | unit | bytes/op | target | met? |");
        System.out.println("|---|---:|---|---:|---|---|");
        for (String file : args) {
            JsonNode results = new ObjectMapper().readTree(Path.of(file).toFile());
            if (results == null || !results.isArray() || results.isEmpty()) {
                System.err.println("no benchmark result in " + file);
                System.exit(2);
            }
            for (JsonNode result : results) {
                System.out.println(row(result));
            }
        }
    }

    private static String row(JsonNode result) {
        String benchmark = result.path("benchmark").asText();
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        String className = benchmark.substring(0, benchmark.lastIndexOf('.'));
        String mode = result.path("mode").asText();
        String name = className.substring(className.lastIndexOf('.') + 1) + "." + method + params(result)
                + ("ss".equals(mode) ? ", single shot" : "");
        JsonNode primary = result.path("primaryMetric");
        double score = primary.path("score").asDouble();
        double error = primary.path("scoreError").asDouble();
        String unit = primary.path("scoreUnit").asText();
        JsonNode alloc = result.path("secondaryMetrics").path("gc.alloc.rate.norm");
        double bytes = alloc.isMissingNode() ? Double.NaN : alloc.path("score").asDouble();

        double[] target = TARGETS.get(method);
        String targetText = "—";
        String met = "—";
        if (target != null) {
            String shortUnit = unit.substring(0, unit.indexOf('/'));
            targetText = "≤ " + number(target[0]) + " " + shortUnit
                    + (Double.isNaN(target[1]) ? "" : ", ≤ " + number(target[1]) + " B/op");
            boolean timeMet = score <= target[0];
            boolean bytesMet = Double.isNaN(target[1]) || (!Double.isNaN(bytes) && bytes <= target[1]);
            met = timeMet && bytesMet ? "yes" : "**no**" + (timeMet ? " (bytes)" : bytesMet ? " (time)" : "");
        }
        return String.format(Locale.ROOT, "| %s | %s ± %s | %s | %s | %s | %s |", name, number(score),
                number(error), unit, Double.isNaN(bytes) ? "—" : number(bytes), targetText, met);
    }

    private static String params(JsonNode result) {
        JsonNode params = result.path("params");
        if (!params.isObject() || params.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(" (");
        Iterator<Map.Entry<String, JsonNode>> fields = params.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            text.append(field.getKey()).append('=').append(field.getValue().asText());
            if (fields.hasNext()) {
                text.append(", ");
            }
        }
        return text.append(')').toString();
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
