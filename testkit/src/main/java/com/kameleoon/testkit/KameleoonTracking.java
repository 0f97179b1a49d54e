package com.kameleoon.testkit;

import com.kameleoon.KameleoonClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What one client has tracked, as the fake backend received it. Tracking leaves the client in batches on a
 * timer, so reading the server right after {@code getVariation} would race it; this view flushes the client and
 * waits (never longer than its timeout) before it answers. Check it with {@link KameleoonAssertions#assertThat}.
 *
 * <pre>{@code
 * client.getVariation("v1", "new_checkout");
 * KameleoonAssertions.assertThat(tracking).exposed("v1", "new_checkout", "on");
 * List<String> lines = tracking.linesOf("v1");
 * }</pre>
 *
 * A flush of a visitor with nothing pending sends an {@code eventType=activity} line: expect such lines among
 * the captured ones. Thread-safe.
 */
public final class KameleoonTracking {
    /** The longest a view waits for tracking to arrive, unless given another with {@link #withTimeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final KameleoonTestServer server;
    private final KameleoonClient client;
    private final Supplier<TestDataFile> dataFile;
    private final Duration timeout;

    KameleoonTracking(KameleoonTestServer server, KameleoonClient client, Supplier<TestDataFile> dataFile,
            Duration timeout) {
        this.server = Objects.requireNonNull(server, "server");
        this.client = Objects.requireNonNull(client, "client");
        this.dataFile = Objects.requireNonNull(dataFile, "dataFile");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * @param server the server the client tracks to
     * @param client the client
     * @param dataFile the datafile the client runs on, used to name exposures by flag and variation key; null when
     *     the datafile was not declared in code (then only id-based assertions work)
     * @return the view
     */
    public static KameleoonTracking of(KameleoonTestServer server, KameleoonClient client, TestDataFile dataFile) {
        return new KameleoonTracking(server, client, () -> dataFile, DEFAULT_TIMEOUT);
    }

    /**
     * @param wait the longest wait for tracking to arrive
     * @return a view that waits that long
     */
    public KameleoonTracking withTimeout(Duration wait) {
        if (wait.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + wait);
        }
        return new KameleoonTracking(server, client, dataFile, wait);
    }

    /** @return the lines the server has captured so far, in arrival order, without flushing or waiting */
    public List<String> lines() {
        return server.trackingLines();
    }

    /**
     * Flushes the visitor and returns every line captured about it.
     *
     * @param visitorCode the visitor code (or mapping value)
     * @return its lines, in arrival order
     */
    public List<String> linesOf(String visitorCode) {
        flush(visitorCode);
        return TrackingLine.parseAll(lines()).stream().filter(l -> l.isOf(visitorCode)).map(TrackingLine::text)
                .toList();
    }

    /**
     * Flushes every visitor and waits for at least {@code n} lines in all.
     *
     * @param n how many lines to wait for
     * @return all captured lines
     * @throws AssertionError when fewer arrive within the timeout, listing those that did
     */
    public List<String> awaitLines(int n) {
        client.flush();
        return server.awaitTrackingLines(n, timeout);
    }

    /**
     * Sends the visitor's pending tracking now and waits until a line of it arrives (or the timeout passes, as
     * when consent withholds every line of the visitor).
     *
     * @param visitorCode the visitor code
     */
    public void flush(String visitorCode) {
        long before = countOf(visitorCode, lines());
        client.flush(visitorCode, true);
        server.awaitTracking(lines -> countOf(visitorCode, lines) > before, timeout);
    }

    /** Forgets the lines captured so far (on the server: for every client of it). */
    public void clear() {
        server.clearTracking();
    }

    /** @return the longest wait */
    public Duration timeout() {
        return timeout;
    }

    /** @return the datafile declared in code, or null */
    TestDataFile dataFile() {
        return dataFile.get();
    }

    /** Waits until the captured lines satisfy {@code done}; false on timeout. */
    boolean await(Predicate<List<TrackingLine>> done) {
        return server.awaitTracking(lines -> done.test(TrackingLine.parseAll(lines)), timeout);
    }

    private static long countOf(String visitorCode, List<String> lines) {
        return TrackingLine.parseAll(lines).stream().filter(l -> l.isOf(visitorCode)).count();
    }

    @Override
    public String toString() {
        return "KameleoonTracking[" + server + "]";
    }
}
