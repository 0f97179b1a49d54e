package com.kameleoon.sample.cluster;

import com.kameleoon.it.bench.WrkRun;
import com.kameleoon.it.container.Http;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

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
        Path script = visitorScript(Files.createTempFile(work, "visitors-", ".lua"));
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

    /* One wrk process per node, started together, each bounded by its duration plus a minute. */
    private static List<WrkRun> runAll(List<String> urls, Path script, int connections, int seconds)
            throws IOException, InterruptedException {
        List<Process> processes = new ArrayList<>();
        for (String url : urls) {
            processes.add(new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
                    "--timeout", "10s", "-s", script.toString(), url).redirectErrorStream(true).start());
        }
        List<WrkRun> reports = new ArrayList<>();
        try {
            for (int i = 0; i < processes.size(); i++) {
                Process process = processes.get(i);
                // wrk's report is small and written at the end: reading until EOF does not block it.
                String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IOException("wrk against " + urls.get(i) + " failed:\n" + report);
                }
                reports.add(WrkRun.parse(report));
            }
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
        return reports;
    }

    private static Path visitorScript(Path file) throws IOException {
        Random random = new Random(42);
        StringBuilder lua = new StringBuilder("local codes = {\n");
        for (int i = 0; i < VISITORS; i++) {
            lua.append("  \"bench").append(Long.toString(random.nextLong() & 0xffffffffffL, 36)).append(i)
                    .append("\",\n");
        }
        lua.append("}\nmath.randomseed(os.time())\nrequest = function()\n")
                .append("  local code = codes[math.random(#codes)]\n")
                .append("  return wrk.format(\"GET\", nil, {[\"Cookie\"] = \"kameleoonVisitorCode=\" .. code ..")
                .append(" \"; kameleoonLegalConsent=accepted\"})\n")
                .append("end\n");
        return Files.writeString(file, lua);
    }
}
