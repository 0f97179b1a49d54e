package com.kameleoon.sample.cluster;

import com.kameleoon.it.bench.VisitorPoolScript;
import com.kameleoon.it.bench.WrkRun;
import com.kameleoon.it.container.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The product page of the two-node cluster under wrk: a fresh database, a {@link SampleCluster} on free ports, then
 * one wrk per node at the same time (wrk talks to one host), each drawing a visitor cookie (consent accepted, so
 * every page view tracks an exposure through the shared outbox) from a pool of 10,000 per request. A warm-up
 * run, then the measured run. Prints requests/s, p50 and p99 per node and for the cluster: the cluster's
 * requests/s is the sum; its p50 and p99 are bounded by the nodes' (the merged distribution's percentile lies
 * between the nodes' percentiles), so the larger is printed as an upper bound. Usage:
 * {@code ClusterBenchmark [seconds] [connectionsPerNode]} (30, 16); exits 1 when a run failed or answered errors.
 */
public final class ClusterBenchmark {
    private static final int VISITORS = 10_000;
    private static final int WARM_UP_SECONDS = 10;

    private ClusterBenchmark() {
    }

    /** @param args measured seconds (default 30), connections per node (default 16) */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Path work = Files.createDirectories(Path.of(System.getProperty("kameleoon.it.work", "target/bench-work"))
                .toAbsolutePath());
        Path script = VisitorPoolScript.write(Files.createTempFile(work, "visitors-", ".lua"), VISITORS,
                "; kameleoonLegalConsent=accepted");
        ClusterDatabase database = ClusterDatabase.random("kameleoon_sample_bench");
        int status;
        try (SampleCluster cluster = SampleCluster.start(SampleCluster.Settings.forTest(database, 2))) {
            List<String> urls = List.of(cluster.nodeUrl(0) + "/", cluster.nodeUrl(1) + "/");
            System.err.println("cluster up: " + urls + ", collector " + cluster.collectorUrl() + "; warm-up "
                    + WARM_UP_SECONDS + " s");
            runAll(urls, script, connections, WARM_UP_SECONDS);
            List<WrkRun> reports = runAll(urls, script, connections, seconds);
            status = print(urls, reports, seconds, connections);
            System.out.println("collector: " + Http.get(cluster.collectorUrl() + "/collector/stats").body());
        } finally {
            database.drop();
        }
        System.exit(status);
    }

    private static int print(List<String> urls, List<WrkRun> reports, int seconds, int connections) {
        System.out.printf(Locale.ROOT, "wrk -t2 -c%d -d%ds --latency per node, GET / with 10,000 visitor cookies "
                + "(consent accepted), both nodes at once%n", connections, seconds);
        System.out.println("| target | requests | req/s | p50 (ms) | p99 (ms) | errors |");
        System.out.println("|---|---|---|---|---|---|");
        long errors = 0;
        for (int i = 0; i < reports.size(); i++) {
            WrkRun report = reports.get(i);
            System.out.printf(Locale.ROOT, "| node %d %s | %d | %.0f | %.2f | %.2f | %d |%n", i, urls.get(i),
                    report.requests(), report.requestsPerSecond(), report.p50Micros() / 1000,
                    report.p99Micros() / 1000, report.errors());
            errors += report.errors();
        }
        System.out.printf(Locale.ROOT, "| cluster (sum; percentiles: at most) | %d | %.0f | ≤ %.2f | ≤ %.2f | %d |%n",
                reports.stream().mapToLong(WrkRun::requests).sum(),
                reports.stream().mapToDouble(WrkRun::requestsPerSecond).sum(),
                reports.stream().mapToDouble(WrkRun::p50Micros).max().orElseThrow() / 1000,
                reports.stream().mapToDouble(WrkRun::p99Micros).max().orElseThrow() / 1000, errors);
        if (errors > 0) {
            System.err.println("FAILED: " + errors + " error answers");
            return 1;
        }
        return 0;
    }

    /* One wrk per node, started together (WrkRun bounds each by its duration plus a minute). */
    private static List<WrkRun> runAll(List<String> urls, Path script, int connections, int seconds)
            throws InterruptedException, ExecutionException {
        ExecutorService runs = Executors.newFixedThreadPool(urls.size());
        try {
            List<Future<WrkRun>> pending = new ArrayList<>();
            for (String url : urls) {
                pending.add(runs.submit(() -> WrkRun.run(url, script, 2, connections, seconds)));
            }
            List<WrkRun> reports = new ArrayList<>();
            for (Future<WrkRun> run : pending) {
                reports.add(run.get());
            }
            return reports;
        } finally {
            runs.shutdownNow();
        }
    }
}
