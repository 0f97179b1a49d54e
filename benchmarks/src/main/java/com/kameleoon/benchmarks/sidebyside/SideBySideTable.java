package com.kameleoon.benchmarks.sidebyside;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Prints the one Markdown table of {@code benchmarks/run-official-comparison.sh}: {@code SideBySideTable <run
 * directory>} reads {@code fixtures/} (the datafiles), {@code ours-decisions.tsv} and {@code official-decisions.tsv}
 * (the agreement check, compared flag by flag for every environment-enabled flag; disagreements grouped by
 * {@link DisagreementCause}), and {@code ours.tsv} and {@code official.tsv} (the tab-separated {@code speed},
 * {@code startup-…} and {@code memory} lines of both sides). Exits non-zero when a side's figure is missing.
 */
public final class SideBySideTable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SideBySideTable() {
    }

    /**
     * @param args the run directory
     * @throws IOException when a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path run = Path.of(args[0]);
        List<String> rows = new ArrayList<>();
        agreement(run, rows);
        List<String[]> ours = lines(run.resolve("ours.tsv"));
        List<String[]> official = lines(run.resolve("official.tsv"));
        speed(ours, official, rows);
        startup(ours, official, rows);
        memory(ours, official, rows);
        System.out.println("| measure | datafile | this project | official Java SDK 4.5.0 | official ÷ this project |");
        System.out.println("|---|---|---:|---:|---:|");
        rows.forEach(System.out::println);
    }

    private static void agreement(Path run, List<String> rows) throws IOException {
        Map<String, String> officialKeys = new HashMap<>();
        Set<String> unsupported = new HashSet<>();
        List<String> unloaded = new ArrayList<>();
        for (String[] line : lines(run.resolve("official-decisions.tsv"))) {
            switch (line[0]) {
                case "decision" -> officialKeys.put(line[1] + "\t" + line[2] + "\t" + line[3], line[4]);
                case "condition" -> {
                    if (line[2].equals("unsupported")) {
                        unsupported.add(line[1]);
                    }
                }
                case "unloaded" -> unloaded.add(line[1]);
                default -> throw new IllegalStateException("unexpected line " + String.join(" ", line));
            }
        }
        Map<String, long[]> byDatafile = new LinkedHashMap<>();
        Map<String, Map<String, Long>> causes = new LinkedHashMap<>();
        Map<String, DisagreementCause> classifiers = new HashMap<>();
        Map<String, Set<String>> enabled = new HashMap<>();
        for (String[] line : lines(run.resolve("ours-decisions.tsv"))) {
            String datafile = line[1];
            if (unloaded.contains(datafile)) {
                continue;
            }
            if (!classifiers.containsKey(datafile)) {
                JsonNode json = MAPPER.readTree(run.resolve("fixtures").resolve(datafile + ".json").toFile());
                classifiers.put(datafile, new DisagreementCause(json, unsupported));
                Set<String> keys = new HashSet<>();
                json.path("featureFlags").forEach(flag -> {
                    if (flag.path("environmentEnabled").asBoolean(false)) {
                        keys.add(flag.path("featureKey").asText());
                    }
                });
                enabled.put(datafile, keys);
            }
            if (!enabled.get(datafile).contains(line[3])) {
                continue;
            }
            String theirs = officialKeys.get(line[1] + "\t" + line[2] + "\t" + line[3]);
            if (theirs == null) {
                throw new IllegalStateException("the official side has no decision for " + String.join(" ", line));
            }
            long[] counts = byDatafile.computeIfAbsent(datafile, d -> new long[2]);
            counts[0]++;
            if (theirs.equals(line[4])) {
                counts[1]++;
            } else {
                causes.computeIfAbsent(datafile, d -> new TreeMap<>())
                        .merge(classifiers.get(datafile).of(line[3]), 1L, Long::sum);
            }
        }
        long compared = 0;
        long equal = 0;
        for (Map.Entry<String, long[]> entry : byDatafile.entrySet()) {
            long[] c = entry.getValue();
            compared += c[0];
            equal += c[1];
            rows.add(String.format("| decisions equal (%,d visitors × enabled flags) | %s | %,d of %,d | — | **%.1f %%**"
                    + " agree |", SideBySideFixtures.VISITORS, entry.getKey(), c[1], c[0], 100.0 * c[1] / c[0]));
            causes.getOrDefault(entry.getKey(), Map.of()).entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                    .forEach(cause -> rows.add(String.format("| ↳ differ: %s | %s | %,d | — | %.1f %% |",
                            cause.getKey(), entry.getKey(), cause.getValue(), 100.0 * cause.getValue() / c[0])));
        }
        rows.add(String.format("| **decisions equal, all datafiles** | %d datafiles | %,d of %,d | — | **%.1f %%** |",
                byDatafile.size(), equal, compared, compared == 0 ? 0 : 100.0 * equal / compared));
        for (String datafile : unloaded) {
            rows.add("| decisions | " + datafile + " | — | **could not load it** | — |");
        }
    }

    private static void speed(List<String[]> ours, List<String[]> official, List<String> rows) {
        for (String[] line : ours) {
            if (line[0].equals("speed")) {
                double mine = Double.parseDouble(line[3]);
                double theirs = Double.parseDouble(find(official, "speed", line[1], line[2])[3]);
                rows.add(String.format("| `getVariation`, %s visitor (ns/op) | %s | %,.0f | %,.0f | **%,.1f×** |",
                        line[2], line[1], mine, theirs, theirs / mine));
            }
        }
    }

    private static void startup(List<String[]> ours, List<String[]> official, List<String> rows) {
        for (String datafile : List.of("example", "generated200")) {
            double[] file = micros(ours, "startup-file", datafile);
            double[] https = micros(ours, "startup-https", datafile);
            double[] theirs = micros(official, "startup-https", datafile);
            rows.add(String.format("| start-up median (max), ms, %d fresh JVMs; ours from the local file, official over"
                    + " HTTPS from 127.0.0.1 | %s | %s | %s | %.2f× |", theirs.length, datafile, millis(file),
                    millis(theirs), median(theirs) / median(file)));
            rows.add(String.format("| start-up median (max), ms; both over HTTPS from 127.0.0.1 | %s | %s | %s |"
                    + " %.2f× |", datafile, millis(https), millis(theirs), median(theirs) / median(https)));
        }
    }

    private static void memory(List<String[]> ours, List<String[]> official, List<String> rows) {
        String[] mine = find(ours, "memory", null, null);
        String[] theirs = find(official, "memory", null, null);
        rows.add(String.format("| bytes per visitor (%,d visitors: 5 custom data, 10 page views, 3 flags; non-default"
                + " variations per visitor %s / %s) | %s | %,d | %,d | %.2f× |", Integer.parseInt(mine[2]), mine[4],
                theirs[4], mine[1], Long.parseLong(mine[3]), Long.parseLong(theirs[3]),
                Double.parseDouble(theirs[3]) / Double.parseDouble(mine[3])));
    }

    private static String[] find(List<String[]> lines, String kind, String datafile, String operation) {
        for (String[] line : lines) {
            if (line[0].equals(kind) && (datafile == null || line[1].equals(datafile))
                    && (operation == null || line[2].equals(operation))) {
                return line;
            }
        }
        throw new IllegalStateException("missing result: " + kind + " " + datafile + " " + operation);
    }

    private static double[] micros(List<String[]> lines, String kind, String datafile) {
        double[] values = lines.stream().filter(l -> l[0].equals(kind) && l[1].equals(datafile))
                .mapToDouble(l -> Long.parseLong(l[2]) / 1_000.0).sorted().toArray();
        if (values.length == 0) {
            throw new IllegalStateException("missing result: " + kind + " " + datafile);
        }
        return values;
    }

    private static String millis(double[] sorted) {
        return String.format("%.0f (%.0f)", median(sorted), sorted[sorted.length - 1]);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static List<String[]> lines(Path file) throws IOException {
        List<String[]> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add(line.split("\t", -1));
            }
        }
        return lines;
    }
}
