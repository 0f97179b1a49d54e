package com.kameleoon.benchmarks.sidebyside;

import com.kameleoon.benchmarks.ComparisonDatafiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes what both sides of the official-SDK comparison read, so that they work on the same bytes:
 * {@code SideBySideFixtures <directory> <memory visitors> [<name>=<datafile path>…]} writes
 *
 * <ul>
 *   <li>{@code example.json} and {@code generated200.json} ({@link ComparisonDatafiles}), and a copy
 *       {@code <name>.json} of every further datafile named on the command line (the conformance datafiles);</li>
 *   <li>{@code visitors.tsv}: the {@value #VISITORS} visitors of the agreement check, data varied by index
 *       (below);</li>
 *   <li>{@code memory-visitors.tsv}: the typical visitors of the memory figure, the same data as
 *       {@code memory.VisitorMemory} (5 custom data, 10 page views with titles).</li>
 * </ul>
 *
 * <p>A visitor line is {@code code TAB device TAB browser TAB custom data TAB page views}, {@code -} for none:
 * device {@code PHONE|TABLET|DESKTOP}; browser {@code TYPE:version}; custom data {@code index=value;…}; page views
 * {@code url|title;…}. No value holds a tab, {@code ;}, {@code |} or (in custom data) {@code =}.
 */
public final class SideBySideFixtures {
    /** Visitors of the agreement check. */
    public static final int VISITORS = 2_000;

    private static final String[] DEVICES = {"DESKTOP", "PHONE", "TABLET", "-"};
    private static final String[] BROWSERS = {"CHROME:120", "FIREFOX:115", "CHROME:90", "SAFARI:17", "-"};
    private static final String[] TIERS = {"vip", "standard", "VIP", "-"};

    private SideBySideFixtures() {
    }

    /**
     * @param args see the class comment
     * @throws IOException when a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path directory = Files.createDirectories(Path.of(args[0]));
        int memoryVisitors = Integer.parseInt(args[1]);
        for (String name : new String[] {ComparisonDatafiles.EXAMPLE, ComparisonDatafiles.GENERATED_200}) {
            Files.writeString(directory.resolve(name + ".json"), ComparisonDatafiles.text(name), StandardCharsets.UTF_8);
        }
        for (int a = 2; a < args.length; a++) {
            int equals = args[a].indexOf('=');
            Files.copy(Path.of(args[a].substring(equals + 1)), directory.resolve(args[a].substring(0, equals) + ".json"));
        }
        try (BufferedWriter out = Files.newBufferedWriter(directory.resolve("visitors.tsv"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < VISITORS; i++) {
                out.write(checkVisitor(i));
                out.write('\n');
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(directory.resolve("memory-visitors.tsv"),
                StandardCharsets.UTF_8)) {
            for (int i = 0; i < memoryVisitors; i++) {
                out.write(typicalVisitor(i));
                out.write('\n');
            }
        }
    }

    /**
     * Visitor {@code i} of the agreement check: the fields cycle with different periods, so that the combinations
     * that the example's segments test (VIP tier and lifetime value, device, Chrome above 100, page count and
     * URL) all occur; one visitor in 50 has a code starting {@code bot-}.
     */
    private static String checkVisitor(int i) {
        String code = (i % 50 == 7 ? "bot-" : "v") + String.format("%011d", i * 7919L);
        StringBuilder customData = new StringBuilder();
        String tier = TIERS[i % TIERS.length];
        if (!tier.equals("-")) {
            customData.append("1=").append(tier).append(';');
        }
        if (i % 3 != 2) {
            customData.append("2=").append(500 + (i * 37) % 1_500).append(';');
        }
        if (i % 5 != 4) {
            customData.append("3=acct-").append(i % 97).append(';');
        }
        StringBuilder pages = new StringBuilder();
        for (int p = 0; p < i % 5; p++) {
            String path = (i + p) % 7 == 0 ? "/legacy/home" : "/products/item-" + ((i * 13 + p) % 1_000);
            pages.append("https://shop.example.com").append(path).append('|').append("Page ").append(p).append(';');
        }
        return String.join("\t", code, DEVICES[i % DEVICES.length], BROWSERS[(i / 4) % BROWSERS.length],
                orNone(customData), orNone(pages));
    }

    /** The visitor of {@code memory.VisitorMemory}: the same code, 5 custom data and 10 page views. */
    private static String typicalVisitor(int i) {
        long mixed = (i + 1) * 0x9E3779B97F4A7C15L;
        String code = Long.toHexString(mixed | Long.MIN_VALUE).substring(0, 16);
        String customData = "1=vip;2=" + (1_001 + i % 9_000) + ".50;3=acct-" + (i % 100_000) + ";5=campaign-"
                + (i % 40) + ";6=" + (i % 2 == 0 ? "de-DE" : "en-GB");
        StringBuilder pages = new StringBuilder();
        for (int p = 0; p < 10; p++) {
            int product = (i * 7 + p * 131) % 10_000;
            pages.append("https://shop.example.com/products/item-").append(product).append('|').append("Product ")
                    .append(product).append(" - Shop").append(';');
        }
        return String.join("\t", code, "-", "-", customData, orNone(pages));
    }

    private static String orNone(StringBuilder items) {
        return items.length() == 0 ? "-" : items.substring(0, items.length() - 1);
    }
}
