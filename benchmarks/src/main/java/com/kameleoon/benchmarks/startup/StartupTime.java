package com.kameleoon.benchmarks.startup;

import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.KameleoonClientFactory;
import com.kameleoon.benchmarks.BenchmarkDatafiles;
import com.kameleoon.benchmarks.DatafileGenerator;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Client start-up with a local datafile (issue 7, part 5): the time from {@link KameleoonClientFactory#create}
 * to {@code waitInit()} completing, offline (a {@code data_file}, no credentials, no URL: nothing but the file
 * is read), for the example datafile and a 200-flag datafile of {@link DatafileGenerator} (seed 42). Not a
 * benchmark: a plain program run from the shaded jar by {@code benchmarks/run-startup.sh}.
 *
 * <ul>
 *   <li>{@code StartupTime [cold runs] [warm repeats]} (defaults 10, 100): the driver; writes both datafiles to
 *       temporary files, starts a fresh JVM ({@code java -cp <this jar>}, default options) per cold run,
 *       alternating the datafiles, then one JVM per datafile for the warm runs, and prints a Markdown table;
 *       exits non-zero when a child fails;</li>
 *   <li>{@code StartupTime cold <datafile>}: one measurement in this JVM, the first thing it does (the
 *       configuration is built before the clock starts); also prints the JVM's uptime at that moment;</li>
 *   <li>{@code StartupTime warm <datafile> <repeats>}: create, wait, {@code forget} (close) that many times in
 *       one JVM; the first fifth are warm-up.</li>
 * </ul>
 */
public final class StartupTime {
    private static final String SITE = "bench-startup";
    private static final String RESULT = "RESULT ";

    private StartupTime() {
    }

    /**
     * @param args see the class comment
     * @throws Exception when a run fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("cold")) {
            cold(Path.of(args[1]));
        } else if (args.length == 3 && args[0].equals("warm")) {
            warm(Path.of(args[1]), Integer.parseInt(args[2]));
        } else if (args.length <= 2 && (args.length == 0 || Character.isDigit(args[0].charAt(0)))) {
            drive(args.length > 0 ? Integer.parseInt(args[0]) : 10, args.length > 1 ? Integer.parseInt(args[1]) : 100);
        } else {
            System.err.println("usage: StartupTime [cold runs] [warm repeats] | cold <datafile> | warm <datafile> <n>");
            System.exit(64);
        }
    }

    // ---------------------------------------------------------------------------------------- children

    private static void cold(Path datafile) throws Exception {
        KameleoonClientConfig config = KameleoonClientConfig.builder().dataFile(datafile).topLevelDomain("example.com").build();
        long start = System.nanoTime();
        KameleoonClient client = KameleoonClientFactory.create(SITE, config);
        boolean ready = client.waitInit().get(60, TimeUnit.SECONDS);
        long elapsed = System.nanoTime() - start;
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        KameleoonClientFactory.forget(SITE);
        if (!ready) {
            throw new IllegalStateException("waitInit completed with false");
        }
        System.out.println(RESULT + elapsed / 1_000 + " " + uptime);
    }

    private static void warm(Path datafile, int repeats) throws Exception {
        for (int i = 0; i < repeats; i++) {
            KameleoonClientConfig config = KameleoonClientConfig.builder().dataFile(datafile).topLevelDomain("example.com").build();
            long start = System.nanoTime();
            KameleoonClient client = KameleoonClientFactory.create(SITE, config);
            boolean ready = client.waitInit().get(60, TimeUnit.SECONDS);
            long elapsed = System.nanoTime() - start;
            KameleoonClientFactory.forget(SITE);
            if (!ready) {
                throw new IllegalStateException("waitInit completed with false");
            }
            System.out.println(RESULT + elapsed / 1_000);
        }
    }

    // ------------------------------------------------------------------------------------------ driver

    private record Datafile(String name, Path path) {
    }

    private static void drive(int coldRuns, int warmRepeats) throws Exception {
        Path example = BenchmarkDatafiles.writeTemporary(BenchmarkDatafiles.example());
        Path generated = BenchmarkDatafiles.writeTemporary(DatafileGenerator.generate(200,
                DatafileGenerator.DEFAULT_SEED));
        List<Datafile> datafiles = List.of(
                new Datafile(String.format("example (8 flags, %,d B)", Files.size(example)), example),
                new Datafile(String.format("generated (200 flags, %,d B)", Files.size(generated)), generated));
        try {
            List<List<double[]>> cold = new ArrayList<>();
            datafiles.forEach(d -> cold.add(new ArrayList<>()));
            for (int run = 0; run < coldRuns; run++) {
                for (int d = 0; d < datafiles.size(); d++) {
                    List<String> lines = child("cold", datafiles.get(d).path().toString());
                    String[] fields = lines.get(0).split(" ");
                    cold.get(d).add(new double[] {Long.parseLong(fields[0]) / 1_000.0, Long.parseLong(fields[1])});
                }
                System.err.printf("cold run %d of %d done%n", run + 1, coldRuns);
            }
            List<double[]> warm = new ArrayList<>();
            for (Datafile datafile : datafiles) {
                List<String> lines = child("warm", datafile.path().toString(), Integer.toString(warmRepeats));
                warm.add(lines.stream().mapToDouble(line -> Long.parseLong(line) / 1_000.0).toArray());
            }
            System.out.println();
            System.out.printf("Client start-up, KameleoonClientFactory.create → waitInit() completed, local data_file"
                    + " only; %s %s, children with default JVM options%n", System.getProperty("java.vm.name"),
                    System.getProperty("java.version"));
            System.out.println();
            System.out.println("| datafile | JVM | runs | median (ms) | max (ms) | min (ms) | JVM uptime at ready, median (ms) |");
            System.out.println("|---|---|---:|---:|---:|---:|---:|");
            for (int d = 0; d < datafiles.size(); d++) {
                double[] millis = cold.get(d).stream().mapToDouble(v -> v[0]).sorted().toArray();
                double[] uptime = cold.get(d).stream().mapToDouble(v -> v[1]).sorted().toArray();
                System.out.printf("| %s | cold: fresh JVM per run | %d | %.1f | %.1f | %.1f | %.0f |%n",
                        datafiles.get(d).name(), millis.length, median(millis), millis[millis.length - 1], millis[0],
                        median(uptime));
            }
            for (int d = 0; d < datafiles.size(); d++) {
                double[] all = warm.get(d);
                int skip = all.length / 5;
                double[] millis = Arrays.copyOfRange(all, skip, all.length);
                Arrays.sort(millis);
                System.out.printf("| %s | warm: one JVM, repeats %d–%d of %d (first %.1f ms) | %d | %.2f | %.2f | %.2f"
                        + " | — |%n", datafiles.get(d).name(), skip + 1, all.length, all.length, all[0],
                        millis.length, median(millis), millis[millis.length - 1], millis[0]);
            }
        } finally {
            BenchmarkDatafiles.delete(example);
            BenchmarkDatafiles.delete(generated);
        }
    }

    /** Runs this class in a fresh JVM; returns its result lines (prefix removed). */
    private static List<String> child(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(StartupTime.class.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectInput(new File("/dev/null")).start();
        List<String> results = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(RESULT)) {
                    results.add(line.substring(RESULT.length()));
                } else {
                    System.err.println(line);
                }
            }
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("child " + String.join(" ", args) + " did not end");
        }
        if (process.exitValue() != 0 || results.isEmpty()) {
            throw new IllegalStateException("child " + String.join(" ", args) + " failed (exit "
                    + process.exitValue() + ")");
        }
        return results;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
