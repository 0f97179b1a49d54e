package com.kameleoon.testkit;

import com.kameleoon.KameleoonClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.opentest4j.AssertionFailedError;

/**
 * The site a test runs against: a client connected to a {@link KameleoonTestServer} and the {@link TestDataFile}
 * the server gives it. Its job is to change the flags while the client runs, the way the Kameleoon app does, and
 * to return only once the client serves the new flags, so that the next line of the test can rely on them.
 * {@link KameleoonExtension} injects one per test.
 *
 * <pre>{@code
 * site.update(site.dataFile().withFlag(flag("new_checkout").serve("off")));
 * assertEquals("off", client.getVariation("v1", "new_checkout").getKey());
 * }</pre>
 *
 * Thread-safe; updates from several threads are applied one at a time.
 */
public final class TestSite {
    /** How long {@link #update(TestDataFile)} waits for the stream and for the client to apply the update. */
    public static final Duration UPDATE_TIMEOUT = Duration.ofSeconds(10);

    private final KameleoonTestServer server;
    private final String siteCode;
    private final KameleoonClient client;
    private final AtomicReference<TestDataFile> current;
    private final UpdateCounter applied = new UpdateCounter();

    private TestSite(KameleoonTestServer server, String siteCode, KameleoonClient client, TestDataFile dataFile) {
        this.server = Objects.requireNonNull(server, "server");
        this.siteCode = Objects.requireNonNull(siteCode, "siteCode");
        this.client = Objects.requireNonNull(client, "client");
        this.current = new AtomicReference<>(Objects.requireNonNull(dataFile, "dataFile"));
        client.onUpdateConfiguration(applied::increment);
    }

    /**
     * Connects a running client and the server it reads from. The client must already have loaded
     * {@code dataFile} with real-time update on, or {@link #update} will find no stream to push through.
     *
     * @param server the server the client's configuration URLs point at
     * @param siteCode the client's site code
     * @param client the client (an update handler is added to it)
     * @param dataFile the datafile the server serves the site now
     * @return the site
     */
    public static TestSite of(KameleoonTestServer server, String siteCode, KameleoonClient client,
            TestDataFile dataFile) {
        return new TestSite(server, siteCode, client, dataFile);
    }

    /** @return the site code */
    public String siteCode() {
        return siteCode;
    }

    /** @return the server */
    public KameleoonTestServer server() {
        return server;
    }

    /** @return the client */
    public KameleoonClient client() {
        return client;
    }

    /** @return the datafile served now (after the last {@link #update}) */
    public TestDataFile dataFile() {
        return current.get();
    }

    /**
     * Serves {@code next}, announces it on the client's real-time stream, and waits until the client has applied it.
     *
     * @param next the new datafile (served with real-time update on)
     * @throws AssertionFailedError when the client has no open stream, or does not apply the update, within
     *     {@link #UPDATE_TIMEOUT}
     */
    public synchronized void update(TestDataFile next) {
        Objects.requireNonNull(next, "next");
        awaitStream();
        long seen = applied.count();
        server.update(siteCode, next);
        current.set(next.withRealTimeUpdate(true));
        boolean done;
        try {
            done = applied.awaitAbove(seen, UPDATE_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("interrupted while waiting for the client to apply the update", e);
        }
        if (!done) {
            throw new AssertionFailedError("the client of site '" + siteCode + "' did not apply the pushed update "
                    + "within " + UPDATE_TIMEOUT + "; configuration requests: "
                    + server.requests(Endpoint.CONFIGURATION));
        }
    }

    /**
     * Changes the served datafile with a function of the current one, e.g.
     * {@code site.update(d -> d.withFlag(flag("x").serve("on")))}; see {@link #update(TestDataFile)}.
     *
     * @param change how to derive the new datafile
     */
    public void update(UnaryOperator<TestDataFile> change) {
        update(change.apply(dataFile()));
    }

    /**
     * Replaces one flag (or adds it) and waits until the client serves it; see {@link #update(TestDataFile)}.
     *
     * @param flag the flag's new definition
     */
    public void update(TestFlag flag) {
        update(dataFile().withFlag(flag));
    }

    private void awaitStream() {
        long deadline = System.nanoTime() + UPDATE_TIMEOUT.toNanos();
        while (server.openStreams(siteCode) == 0) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionFailedError("no real-time stream of site '" + siteCode + "' is open after "
                        + UPDATE_TIMEOUT + ": the client opens one only when its datafile has real-time update on "
                        + "(TestDataFile.withRealTimeUpdate(true))");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("interrupted while waiting for the real-time stream", e);
            }
        }
    }

    @Override
    public String toString() {
        return "TestSite[" + siteCode + " on " + server + "]";
    }
}
