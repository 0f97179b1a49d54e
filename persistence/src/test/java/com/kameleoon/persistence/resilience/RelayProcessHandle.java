package com.kameleoon.persistence.resilience;

import com.kameleoon.internal.NamedThreadFactory;
import com.kameleoon.persistence.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@link RelayProcess} started from the test: a separate JVM on the test's class path, whose output lines are
 * kept (and echoed with a prefix). {@link #close()} kills it if it still runs. Thread-safe.
 */
final class RelayProcessHandle implements AutoCloseable {
    private final String name;
    private final Process process;
    private final ExecutorService reader;
    private final List<String> output = new ArrayList<>();

    private RelayProcessHandle(String name, Process process) {
        this.name = name;
        this.process = process;
        this.reader = Executors.newSingleThreadExecutor(new NamedThreadFactory("test-output-" + name));
        reader.execute(this::pump);
    }

    /**
     * Starts a relay process.
     *
     * @param name a short name for the echoed output
     * @param database the outbox's database
     * @param siteCode the site
     * @param dataApiUrl where it delivers
     * @param claimLease its claim lease
     * @return the running process
     * @throws IOException when the JVM cannot be started
     */
    static RelayProcessHandle start(String name, TestDatabase database, String siteCode, URI dataApiUrl,
            Duration claimLease) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), RelayProcess.class.getName(),
                database.jdbcUrl(), database.username(), database.password().isEmpty() ? "-" : database.password(),
                siteCode, dataApiUrl.toString(), Long.toString(claimLease.toMillis()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new RelayProcessHandle(name, process);
    }

    private void pump() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                    output.notifyAll();
                }
                if (!line.startsWith("claimed") && !line.startsWith("completed")) {
                    System.out.println("[" + name + "] " + line);
                }
            }
        } catch (IOException e) {
            // the process died: nothing more to read
        }
    }

    /** @return the process id */
    long pid() {
        return process.pid();
    }

    /** @return true while it runs */
    boolean isAlive() {
        return process.isAlive();
    }

    /** @return the output lines so far */
    List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    /**
     * Waits until {@code n} output lines match.
     *
     * @param what what the lines say, for the failure message
     * @param match which lines count
     * @param n how many are needed
     * @param timeout the longest wait
     * @throws AssertionError on timeout or when the process ended
     */
    void await(String what, Predicate<String> match, int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (output) {
            while (output.stream().filter(match).count() < n) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || (!process.isAlive() && output.stream().filter(match).count() < n)) {
                    throw new AssertionError("relay " + name + " did not print " + n + " '" + what + "' lines within "
                            + timeout + " (alive=" + process.isAlive() + "); output: " + tail(output, 30));
                }
                output.wait(Math.min(left, 200));
            }
        }
    }

    /** Kills the process with SIGKILL and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("relay " + name + " survived SIGKILL for 10 s");
        }
    }

    private static List<String> tail(List<String> lines, int n) {
        return List.copyOf(lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        reader.shutdownNow();
    }
}
