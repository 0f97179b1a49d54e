package com.kameleoon.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.kameleoon.data.Browser;
import com.kameleoon.data.BrowserType;
import com.kameleoon.data.Device;
import com.kameleoon.data.DeviceType;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;
import com.kameleoon.types.Variation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what the Node.js harness of the JavaScript SDK comparison reads, so that both sides work on the same
 * bytes: {@code java -cp benchmarks.jar com.kameleoon.benchmarks.ComparisonFixtures <directory>} writes
 *
 * <ul>
 *   <li>{@code example.json} and {@code generated200.json}: the datafiles ({@link ComparisonDatafiles});</li>
 *   <li>{@code visitors.json}: {@code warm} (the {@value #WARM_VISITORS} warm visitor codes of the benchmarks),
 *       {@code checkWarm} and {@code checkNew} (the visitors of the agreement check), the flag key of each
 *       datafile and the site code;</li>
 *   <li>{@code java-variations.json}: for each datafile and check visitor, the variation key this project returns
 *       for every enabled flag ({@code getVariations(code, false, false)}); warm check visitors are first given the
 *       warm data ({@link #addWarmData}), new ones nothing.</li>
 * </ul>
 *
 * <p>Stateless.
 */
public final class ComparisonFixtures {
    /** Warm visitors of the benchmarks (a power of two, for the cursor mask). */
    public static final int WARM_VISITORS = 1024;
    /** Warm visitors (with data) in the agreement check: the first of {@link #warmVisitorCodes()}. */
    public static final int CHECK_WARM = 256;
    /** Visitors without data in the agreement check. */
    public static final int CHECK_NEW = 256;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ComparisonFixtures() {
    }

    /** @return the warm visitor codes, the same as {@link EvaluationBenchmark}'s */
    public static String[] warmVisitorCodes() {
        return EvaluationBenchmark.visitorCodes(WARM_VISITORS, EvaluationBenchmark.SEED);
    }

    /** @return codes of visitors without data for the check: {@code c} and 15 base-36 digits of 1, 2, … */
    public static List<String> newCheckCodes() {
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= CHECK_NEW; i++) {
            String digits = Integer.toString(i, 36);
            codes.add("c" + "0".repeat(15 - digits.length()) + digits);
        }
        return codes;
    }

    /**
     * Gives a warm visitor its targeting data, as the Node.js harness does.
     *
     * @param client the client
     * @param code the visitor code
     */
    public static void addWarmData(DefaultKameleoonClient client, String code) {
        client.addData(code, false, new Device(DeviceType.DESKTOP), new Browser(BrowserType.CHROME, 120));
    }

    /**
     * @param args the output directory
     * @throws IOException when a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ComparisonFixtures <directory>");
            System.exit(64);
        }
        KameleoonLogger.setLogLevel(LogLevel.ERROR);
        Path directory = Files.createDirectories(Path.of(args[0]));
        List<String> names = List.of(ComparisonDatafiles.EXAMPLE, ComparisonDatafiles.GENERATED_200);
        String[] warm = warmVisitorCodes();
        List<String> checkWarm = Arrays.asList(warm).subList(0, CHECK_WARM);
        List<String> checkNew = newCheckCodes();

        Map<String, Object> visitors = new LinkedHashMap<>();
        visitors.put("siteCode", ComparisonDatafiles.SITE_CODE);
        Map<String, String> flagKeys = new LinkedHashMap<>();
        Map<String, Object> variations = new LinkedHashMap<>();
        for (String name : names) {
            String text = ComparisonDatafiles.build(name);
            Path file = directory.resolve(name + ".json");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            flagKeys.put(name, ComparisonDatafiles.flagKey(name));
            variations.put(name, evaluate(file, checkWarm, checkNew));
        }
        visitors.put("flagKeys", flagKeys);
        visitors.put("warm", warm);
        visitors.put("checkWarm", checkWarm);
        visitors.put("checkNew", checkNew);
        MAPPER.writeValue(directory.resolve("visitors.json").toFile(), visitors);
        MAPPER.writeValue(directory.resolve("java-variations.json").toFile(), variations);
        System.out.println("fixtures written to " + directory);
    }

    private static Map<String, Map<String, String>> evaluate(Path datafile, List<String> checkWarm,
            List<String> checkNew) {
        Map<String, Map<String, String>> byVisitor = new LinkedHashMap<>();
        try (DefaultKameleoonClient client = JsComparisonBenchmark.newClient(datafile)) {
            for (String code : checkWarm) {
                addWarmData(client, code);
                byVisitor.put(code, keys(client.getVariations(code, false, false)));
            }
            for (String code : checkNew) {
                byVisitor.put(code, keys(client.getVariations(code, false, false)));
            }
        }
        return byVisitor;
    }

    private static Map<String, String> keys(Map<String, Variation> variations) {
        Map<String, String> keys = new LinkedHashMap<>();
        variations.forEach((flag, variation) -> keys.put(flag, variation.getKey()));
        return keys;
    }
}
