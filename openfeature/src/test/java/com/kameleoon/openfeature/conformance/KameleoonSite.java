package com.kameleoon.openfeature.conformance;

import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.KameleoonClientFactory;
import com.kameleoon.testkit.KameleoonTestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One Kameleoon site for the scenarios: the testkit's fake backend serving a datafile from the test resources, and a
 * real {@link KameleoonClient} wired to it. The client belongs to the site (providers over it never close it).
 * Thread-safe as its parts are.
 */
final class KameleoonSite implements AutoCloseable {
    private static final AtomicInteger SITES = new AtomicInteger();

    final KameleoonTestServer server;
    final String siteCode;
    final KameleoonClient client;

    private KameleoonSite(KameleoonTestServer server, String siteCode, KameleoonClient client) {
        this.server = server;
        this.siteCode = siteCode;
        this.client = client;
    }

    /**
     * @param dataFile a datafile of the test resources, or null for a site whose backend has none (the client then
     *        never becomes ready)
     * @return the site, its client started (not necessarily ready yet)
     */
    static KameleoonSite serving(String dataFile) {
        KameleoonTestServer server = KameleoonTestServer.start();
        String siteCode = "conformance-site-" + SITES.incrementAndGet();
        if (dataFile != null) {
            server.setDataFile(siteCode, null, resource(dataFile));
        }
        KameleoonClientConfig config = KameleoonClientConfig.builder().clientId("conformance-client")
                .clientSecret("conformance-secret-never-logged").sdkConfigUrl(server.baseUri())
                .eventsUrl(server.baseUri()).accessTokenUrl(server.baseUri()).dataApiUrl(server.baseUri())
                .defaultTimeoutMillisecond(2_000).build();
        return new KameleoonSite(server, siteCode, KameleoonClientFactory.create(siteCode, config));
    }

    /**
     * @param name a file of the test resources' root
     * @return its text
     */
    static String resource(String name) {
        try (InputStream in = KameleoonSite.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves another datafile and tells the client over its real-time stream, as Kameleoon does on a change. */
    void publish(String dataFile) {
        server.setDataFile(siteCode, null, resource(dataFile));
        pushUpdate();
    }

    /** Sends a real-time configuration event, once the client's stream is open. */
    void pushUpdate() {
        server.awaitOpenStreams(siteCode, 1, Duration.ofSeconds(5));
        server.pushConfigurationUpdate(siteCode, System.currentTimeMillis());
    }

    /**
     * Sends what the visitor has pending, then waits (at most {@link Waits#LIMIT}) until its tracking lines satisfy
     * {@code done}.
     *
     * @param visitorCode the visitor
     * @param what what is awaited, for the failure message
     * @param done when the lines so far are enough
     * @return the visitor's tracking lines so far
     * @throws AssertionError when they never are, listing them
     */
    List<String> awaitLinesOf(String visitorCode, String what, Predicate<List<String>> done) {
        client.flush(visitorCode, true);
        long deadline = System.nanoTime() + Waits.LIMIT.toNanos();
        List<String> lines = trackingLinesOf(visitorCode);
        while (!done.test(lines) && System.nanoTime() < deadline) {
            Waits.pause();
            lines = trackingLinesOf(visitorCode);
        }
        if (!done.test(lines)) {
            throw new AssertionError("Kameleoon did not receive " + what + " for " + visitorCode + "; it received "
                    + lines);
        }
        return lines;
    }

    private List<String> trackingLinesOf(String visitorCode) {
        return server.trackingLines().stream().filter(line -> line.contains("visitorCode=" + visitorCode + "&")
                || line.endsWith("visitorCode=" + visitorCode)).collect(Collectors.toList());
    }

    @Override
    public void close() {
        client.close();
        KameleoonClientFactory.forget(siteCode);
        server.close();
    }
}
