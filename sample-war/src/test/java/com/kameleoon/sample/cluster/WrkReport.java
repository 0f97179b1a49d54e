package com.kameleoon.sample.cluster;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one {@code wrk --latency} run measured, parsed from its report. Immutable.
 *
 * @param requests requests completed
 * @param requestsPerSecond throughput
 * @param p50Micros median latency
 * @param p99Micros 99th percentile latency
 * @param errors non-2xx/3xx answers plus socket errors
 */
public record WrkReport(long requests, double requestsPerSecond, double p50Micros, double p99Micros, long errors) {
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), "
            + "timeout (\\d+)");

    /**
     * @param report wrk's standard output
     * @return its figures
     * @throws IllegalArgumentException when the report has no throughput or percentiles
     */
    public static WrkReport parse(String report) {
        Matcher requests = REQUESTS.matcher(report);
        Matcher rps = RPS.matcher(report);
        if (!requests.find() || !rps.find()) {
            throw new IllegalArgumentException("not a wrk report:\n" + report);
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
        if (Double.isNaN(p50) || Double.isNaN(p99)) {
            throw new IllegalArgumentException("no latency distribution (run wrk with --latency):\n" + report);
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
        return new WrkReport(Long.parseLong(requests.group(1)), Double.parseDouble(rps.group(1)), p50, p99, errors);
    }

    private static double toMicros(double value, String unit) {
        return switch (unit) {
            case "us" -> value;
            case "ms" -> value * 1_000;
            default -> value * 1_000_000;
        };
    }
}
