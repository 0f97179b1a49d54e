package com.kameleoon.sample.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of {@code wrk --latency} and what it measured. Immutable.
 *
 * @param requestsPerSecond throughput
 * @param p50Millis median latency
 * @param p99Millis 99th percentile latency
 * @param requests requests completed
 * @param errors non-2xx/3xx answers plus socket errors
 */
record WrkResult(double requestsPerSecond, double p50Millis, double p99Millis, long requests, long errors) {
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    /**
     * Runs wrk to the end and parses its report.
     *
     * @param url the page
     * @param script the Lua script choosing each request's cookies
     * @param threads wrk threads
     * @param connections open connections
     * @param seconds duration
     * @return the figures
     * @throws IOException if wrk fails, overruns or prints no figures
     */
    static WrkResult run(String url, Path script, int threads, int connections, int seconds)
            throws IOException, InterruptedException {
        List<String> command = List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency",
                "--timeout", "10s", "-s", script.toString(), url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("wrk did not finish: " + command);
        }
        String report = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("wrk exited with " + process.exitValue() + ": " + command + "\n" + report);
        }
        return parse(report);
    }

    static WrkResult parse(String report) {
        double rps = Double.parseDouble(first(RPS, report, "Requests/sec"));
        long requests = Long.parseLong(first(REQUESTS, report, "requests in"));
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher percentile = PERCENTILE.matcher(report);
        while (percentile.find()) {
            double millis = toMillis(Double.parseDouble(percentile.group(2)), percentile.group(3));
            if (percentile.group(1).equals("50")) {
                p50 = millis;
            } else {
                p99 = millis;
            }
        }
        if (Double.isNaN(p50) || Double.isNaN(p99)) {
            throw new IllegalArgumentException("no latency distribution in wrk's report:\n" + report);
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
        return new WrkResult(rps, p50, p99, requests, errors);
    }

    private static String first(Pattern pattern, String report, String what) {
        Matcher matcher = pattern.matcher(report);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no " + what + " in wrk's report:\n" + report);
        }
        return matcher.group(1);
    }

    private static double toMillis(double value, String unit) {
        return switch (unit) {
            case "us" -> value / 1_000;
            case "ms" -> value;
            default -> value * 1_000;
        };
    }
}
