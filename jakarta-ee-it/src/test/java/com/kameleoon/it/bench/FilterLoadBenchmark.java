package com.kameleoon.it.bench;

import com.kameleoon.it.container.TomcatServer;
import com.kameleoon.testdatabases.ScratchDatabase;
import com.kameleoon.testdatabases.TestDatabaseServers;
import com.kameleoon.testkit.KameleoonTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The filter's cost on a real Tomcat 11, measured with wrk in one run: the hello servlet of the test WAR in four
 * contexts of the same server, {@code bare} (filter off), {@code mem} (filter, in-memory store), {@code h2}
 * (filter, JDBC store on an H2 file) and {@code pg} (filter, JDBC store on a fresh PostgreSQL database); the page answers "hello", or with {@code ?flag=} also evaluates one flag
 * (tracked) for the visitor. Visitors come from a pool of 10,000 cookies; tracking is delivered to a testkit
 * backend. Latency is measured with one connection (service time, no queueing), throughput with 32 connections.
 * Rows alternate within each round so that drift hits all. Usage: {@code FilterLoadBenchmark [rounds] [seconds]};
 * prints a Markdown table; exits non-zero when a run answered errors.
 */
public final class FilterLoadBenchmark {
    /** A measured page. */
    private record Row(String label, String context, String path) {
    }

    private static final String EVALUATE = "/hello?flag=pricing_page";
    private static final List<Row> ROWS = List.of(new Row("bare servlet (filter off)", "bare", "/hello"),
            new Row("filter, in-memory store", "mem", "/hello"), new Row("filter, H2 store", "h2", "/hello"),
            new Row("filter, PostgreSQL store", "pg", "/hello"),
            new Row("filter + tracked getVariation, in-memory", "mem", EVALUATE),
            new Row("filter + tracked getVariation, H2", "h2", EVALUATE),
            new Row("filter + tracked getVariation, PostgreSQL", "pg", EVALUATE));

    private FilterLoadBenchmark() {
    }

    /**
     * @param args rounds (default 2) and measured seconds per throughput run (default 15)
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Path work = Files.createDirectories(Path.of(System.getProperty("kameleoon.it.work", "target/bench-work"))
                .toAbsolutePath().resolve("filter-" + System.nanoTime()));
        Path script = VisitorPoolScript.write(work.resolve("visitors.lua"), 10_000, "");
        Path war = Path.of(System.getProperty("kameleoon.it.war"));
        Map<Row, List<WrkRun>> latency = new LinkedHashMap<>();
        Map<Row, List<WrkRun>> throughput = new LinkedHashMap<>();
        Map<Row, List<Double>> commits = new LinkedHashMap<>();
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor();
        try (ScratchDatabase postgres = ScratchDatabase.create(TestDatabaseServers.machinePostgresql(),
                "kameleoon_filter_bench");
                KameleoonTestServer backend = KameleoonTestServer.start();
                TomcatServer tomcat = TomcatServer.start(Path.of(System.getProperty("kameleoon.it.tomcat11")),
                        "tomcat11-bench", Map.of("kameleoon.data_api_url", backend.baseUri().toString()))) {
            sweeper.scheduleAtFixedRate(backend::clearTracking, 2, 2, TimeUnit.SECONDS);
            Map<String, String> common = Map.of("kameleoon.site_code", "pubconf01",
                    "kameleoon.data_file", "classpath:bench-datafile.json");
            tomcat.deploy("bare", war, with(common, "kameleoon.filter_enabled", "false"));
            tomcat.deploy("mem", war, common);
            tomcat.deploy("h2", war, with(common, "kameleoon.jdbc_url", "jdbc:h2:file:" + work.resolve("h2/kameleoon")));
            Map<String, String> pg = new LinkedHashMap<>(with(common, "kameleoon.jdbc_url", postgres.url()));
            pg.put("kameleoon.jdbc_username", postgres.user());
            pg.put("kameleoon.jdbc_password", postgres.password());
            tomcat.deploy("pg", war, pg);
            for (int round = 1; round <= rounds; round++) {
                for (Row row : ROWS) {
                    if (!selected(row)) {
                        continue;
                    }
                    String url = tomcat.baseUrl(row.context()) + row.path();
                    WrkRun.run(url, script, 2, 32, 3);
                    latency.computeIfAbsent(row, r -> new ArrayList<>()).add(WrkRun.run(url, script, 1, 1, 8));
                    long[] before = unitStats(tomcat.baseUrl(row.context()));
                    WrkRun loaded = WrkRun.run(url, script, 2, 32, seconds);
                    long[] after = unitStats(tomcat.baseUrl(row.context()));
                    throughput.computeIfAbsent(row, r -> new ArrayList<>()).add(loaded);
                    commits.computeIfAbsent(row, r -> new ArrayList<>()).add(loaded.requests() == 0 ? 0
                            : (after[1] - before[1]) / (double) loaded.requests());
                    System.err.printf(Locale.ROOT, "round %d %s: %s / %s%n", round, row.label(),
                            latency.get(row).get(round - 1), throughput.get(row).get(round - 1));
                }
            }
        } finally {
            sweeper.shutdownNow();
        }
        long errors = report(latency, throughput, commits);
        if (errors > 0) {
            System.err.println("FAILED: " + errors + " error answers");
            System.exit(1);
        }
    }

    /**
     * The rows to measure: all, or those whose label contains one of the "|"-separated words of
     * {@code kameleoon.bench.rows} (for profiling one row); the bare servlet always runs, as the reference.
     */
    private static boolean selected(Row row) {
        String wanted = System.getProperty("kameleoon.bench.rows", "").trim();
        if (wanted.isEmpty() || row == ROWS.get(0)) {
            return true;
        }
        for (String word : wanted.split("\\|")) {
            if (row.label().contains(word.trim())) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> with(Map<String, String> common, String key, String value) {
        Map<String, String> all = new LinkedHashMap<>(common);
        all.put(key, value);
        return all;
    }

    /** @return stored units and transactions of a context so far (zeros for a context that writes nothing) */
    private static long[] unitStats(String contextUrl) {
        String[] parts = com.kameleoon.it.container.Http.get(contextUrl + "/it/unit-stats", null).body().trim()
                .split(" ");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    }

    private static long report(Map<Row, List<WrkRun>> latency, Map<Row, List<WrkRun>> throughput,
            Map<Row, List<Double>> commits) {
        Row bare = ROWS.get(0);
        double bareP50 = median(latency.get(bare), WrkRun::p50Micros);
        double bareRps = median(throughput.get(bare), WrkRun::requestsPerSecond);
        System.out.println("| page | p50, 1 conn (µs) | p99, 1 conn (µs) | p50 added (µs) | req/s, 32 conns |"
                + " p50 / p99 at 32 conns (µs) | throughput vs bare | transactions per request, 32 conns |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        long errors = 0;
        for (Row row : ROWS) {
            if (!latency.containsKey(row)) {
                continue;
            }
            double p50 = median(latency.get(row), WrkRun::p50Micros);
            double p99 = median(latency.get(row), WrkRun::p99Micros);
            double rps = median(throughput.get(row), WrkRun::requestsPerSecond);
            double loadedP50 = median(throughput.get(row), WrkRun::p50Micros);
            double loadedP99 = median(throughput.get(row), WrkRun::p99Micros);
            double perRequest = commits.get(row).stream().mapToDouble(Double::doubleValue).sorted()
                    .skip(commits.get(row).size() / 2).findFirst().orElse(0);
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %+.0f | %.0f | %.0f / %.0f | %.1f %% | %.3f |%n",
                    row.label(), p50, p99, p50 - bareP50, rps, loadedP50, loadedP99, 100 * rps / bareRps, perRequest);
            for (WrkRun run : latency.get(row)) {
                errors += run.errors();
            }
            for (WrkRun run : throughput.get(row)) {
                errors += run.errors();
            }
        }
        return errors;
    }

    private static double median(List<WrkRun> runs, java.util.function.ToDoubleFunction<WrkRun> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
