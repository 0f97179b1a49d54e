package com.kameleoon.it.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of {@code wrk} and what it measured: requests per second and the latency percentiles of
 * {@code --latency}. Shared by the benchmarks of the filter and of the sample (through the test-jar). Immutable.
 *
 * @param requests requests completed
 * @param requestsPerSecond throughput
 * @param p50Micros median latency
 * @param p99Micros 99th percentile latency
 * @param errors non-2xx/3xx answers plus socket errors
 */
public record WrkRun(long requests, double requestsPerSecond, double p50Micros, double p99Micros, long errors) {
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), "
            + "timeout (\\d+)");

    /**
     * Runs wrk and parses its report.
     *
     * @param url the URL
     * @param script the Lua script (visitor cookies)
     * @param threads wrk threads
     * @param connections open connections
     * @param seconds duration
     * @return the figures
     */
    public static WrkRun run(String url, Path script, int threads, int connections, int seconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--latency", "--timeout", "10s", "-s", script.toString(), url));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("wrk did not finish: " + command);
        }
        String report = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("wrk failed (" + process.exitValue() + "): " + report);
        }
        return parse(report);
    }

    /**
     * @param report wrk's output
     * @return the figures
     * @throws IllegalArgumentException when the report has no throughput line
     */
    public static WrkRun parse(String report) {
        Matcher rps = RPS.matcher(report);
        if (!rps.find()) {
            throw new IllegalArgumentException("no Requests/sec in wrk's report:\n" + report);
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher percentile = PERCENTILE.matcher(report);
        while (percentile.find()) {
            double micros = toMicros(Double.parseDouble(percentile.group(2)), percentile.group(3));
            if (percentile.group(1).equals("50")) {
                p50 = micros;
            } else {
                p99 = micros;
            }
        }
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(report);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET.matcher(report);
        if (socket.find()) {
            for (int group = 1; group <= 4; group++) {
                errors += Long.parseLong(socket.group(group));
            }
        }
        Matcher requests = REQUESTS.matcher(report);
        return new WrkRun(requests.find() ? Long.parseLong(requests.group(1)) : 0, Double.parseDouble(rps.group(1)),
                p50, p99, errors);
    }

    private static double toMicros(double value, String unit) {
        return switch (unit) {
            case "us" -> value;
            case "ms" -> value * 1_000;
            default -> value * 1_000_000;
        };
    }
}
