package com.kameleoon.sample.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kameleoon.it.bench.VisitorPoolScript;
import com.kameleoon.it.bench.WrkRun;
import com.kameleoon.it.container.FreePorts;
import com.kameleoon.it.container.Http;
import com.kameleoon.it.container.HttpReply;
import com.kameleoon.it.container.TomcatServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sample shop's product page under wrk on one Tomcat 11 node: every request evaluates
 * {@code recommended_products} for a visitor of a pool (consent accepted, so the exposure is tracked through the
 * H2 outbox and relayed to the shop's own collector every second). A warm-up, then, once the relay has delivered
 * the backlog, a measured run at each connection count; prints a Markdown table (requests/s, p50, p99) and exits
 * non-zero on any error answer.
 *
 * <p>Usage: {@code SampleLoadBenchmark [warm-up s] [measured s] [connections,...] [visitors]}, defaults
 * {@code 15 30 1,32 10000}. System properties: {@code kameleoon.sample.war}, {@code kameleoon.it.tomcat11},
 * {@code kameleoon.it.work}.
 */
public final class SampleLoadBenchmark {
    private static final Duration QUIET_BOUND = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleLoadBenchmark() {
    }

    /** @param args warm-up seconds, measured seconds, connection counts (comma-separated), visitors */
    public static void main(String[] args) throws Exception {
        int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        List<Integer> connections = new ArrayList<>();
        for (String count : (args.length > 2 ? args[2] : "1,32").split(",")) {
            connections.add(Integer.parseInt(count.trim()));
        }
        int visitors = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;

        Path work = Files.createDirectories(Path.of(System.getProperty("kameleoon.it.work", "target/bench-work"))
                .toAbsolutePath().resolve("sample-" + System.nanoTime()));
        Path script = VisitorPoolScript.write(work.resolve("visitors.lua"), visitors,
                "; kameleoonLegalConsent=accepted");
        int port = FreePorts.allocate();
        Map<Integer, WrkRun> results = new LinkedHashMap<>();
        String stats;
        try (TomcatServer tomcat = TomcatServer.start(Path.of(System.getProperty("kameleoon.it.tomcat11")),
                "sample-bench", port, Map.of("kameleoon.data_api_url", "http://127.0.0.1:" + port + "/collector",
                        "sample.jdbc_url", "jdbc:h2:file:" + work.resolve("h2/shop")))) {
            tomcat.deploy("ROOT", Path.of(System.getProperty("kameleoon.sample.war")), Map.of());
            String page = tomcat.baseUrl("ROOT") + "/";
            requirePage(page);
            System.err.printf(Locale.ROOT, "warm-up: %d s, 32 connections, %d visitors, %s%n", warmUp, visitors, page);
            WrkRun warm = WrkRun.run(page, script, 2, 32, warmUp);
            System.err.println("warm-up: " + warm);
            for (int count : connections) {
                awaitDeliveredBacklog(tomcat.baseUrl("ROOT") + "/collector/stats");
                WrkRun result = WrkRun.run(page, script, Math.min(count, 2), count, measured);
                System.err.printf(Locale.ROOT, "%d connections: %s%n", count, result);
                results.put(count, result);
            }
            requirePage(page);
            stats = Http.get(tomcat.baseUrl("ROOT") + "/collector/stats").body();
        }
        System.out.printf(Locale.ROOT, "Sample shop product page (GET /, flag evaluated and exposure tracked, H2), "
                + "Tomcat 11, %d visitors, %d s measured after %d s warm-up, %d CPUs%n%n", visitors, measured, warmUp,
                Runtime.getRuntime().availableProcessors());
        System.out.println("| connections | requests/s | p50 (ms) | p99 (ms) | requests | errors |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        long errors = 0;
        for (Map.Entry<Integer, WrkRun> entry : results.entrySet()) {
            WrkRun r = entry.getValue();
            System.out.printf(Locale.ROOT, "| %d | %.0f | %.2f | %.2f | %d | %d |%n", entry.getKey(),
                    r.requestsPerSecond(), r.p50Micros() / 1000, r.p99Micros() / 1000, r.requests(), r.errors());
            errors += r.errors();
        }
        System.out.println();
        System.out.println("Collector at the end: " + stats);
        if (errors > 0) {
            System.err.println("FAILED: " + errors + " error answers");
            System.exit(1);
        }
    }

    /*
     * The previous run leaves a backlog of exposures in the outbox, which the relay drains into the collector in the
     * same H2 database; a run that starts during that drain measures it too. Waits until the collector has received
     * nothing new for two relay intervals, at most a minute.
     */
    private static void awaitDeliveredBacklog(String statsUrl) throws Exception {
        long deadline = System.nanoTime() + QUIET_BOUND.toNanos();
        long last = -1;
        int quietReads = 0;
        while (quietReads < 2 && System.nanoTime() < deadline) {
            long received = JSON.readTree(Http.get(statsUrl).body()).path("uniqueNonces").asLong();
            quietReads = received == last ? quietReads + 1 : 0;
            last = received;
            Thread.sleep(1_000);
        }
        System.err.println(quietReads >= 2 ? "backlog delivered: " + last + " lines"
                : "backlog still draining after " + QUIET_BOUND + " (" + last + " lines); measuring anyway");
    }

    /* Fails fast, before any load, when the page is not the shop (a failed deployment, a wrong WAR). */
    private static void requirePage(String page) {
        HttpReply reply = Http.get(page, "kameleoonVisitorCode=benchprobe; kameleoonLegalConsent=accepted");
        if (reply.status() != 200 || !reply.body().contains("id=\"recommendations\"")) {
            throw new IllegalStateException("GET " + page + " answered " + reply.status() + ":\n" + reply.body());
        }
    }
}
