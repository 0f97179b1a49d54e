package com.kameleoon.openfeature;

import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.KameleoonClientFactory;
import com.kameleoon.testkit.KameleoonTestServer;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.OpenFeatureAPI;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A provider over a real client wired to the testkit's fake Kameleoon backend, registered in OpenFeature under a
 * domain of its own (so fixtures do not share OpenFeature's global provider). Serves {@code provider-flags.json}.
 */
final class ProviderFixture implements AutoCloseable {
    static final String DATAFILE = "/provider-flags.json";
    private static final AtomicInteger SITES = new AtomicInteger();

    final KameleoonTestServer server;
    final String siteCode;
    final KameleoonClient client;
    final KameleoonProvider provider;
    final String domain;
    final Client features;

    private ProviderFixture(KameleoonTestServer server, String siteCode, KameleoonClient client,
            KameleoonProvider provider, String domain) {
        this.server = server;
        this.siteCode = siteCode;
        this.client = client;
        this.provider = provider;
        this.domain = domain;
        this.features = OpenFeatureAPI.getInstance().getClient(domain);
    }

    static ProviderFixture start() {
        return start(KameleoonProviderOptions.defaults(), dataFile());
    }

    static ProviderFixture start(KameleoonProviderOptions options, String dataFileJson) {
        KameleoonTestServer server = KameleoonTestServer.start();
        String siteCode = "of-site-" + SITES.incrementAndGet();
        server.setDataFile(siteCode, null, dataFileJson);
        KameleoonClientConfig config = KameleoonClientConfig.builder().clientId("of-client")
                .clientSecret("of-secret-never-logged").sdkConfigUrl(server.baseUri()).eventsUrl(server.baseUri())
                .accessTokenUrl(server.baseUri()).dataApiUrl(server.baseUri()).defaultTimeoutMillisecond(2_000)
                .build();
        KameleoonClient client = KameleoonClientFactory.create(siteCode, config);
        KameleoonProvider provider = new KameleoonProvider(client, options);
        String domain = "kameleoon-" + siteCode;
        OpenFeatureAPI.getInstance().setProviderAndWait(domain, provider);
        return new ProviderFixture(server, siteCode, client, provider, domain);
    }

    /** @return the test datafile's text */
    static String dataFile() {
        return dataFile(DATAFILE);
    }

    /**
     * @param resource a datafile of the test resources, e.g. {@code /provider-flags.json}
     * @return its text
     */
    static String dataFile(String resource) {
        try (InputStream in = ProviderFixture.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends what the visitor has pending and waits for at least {@code count} of its lines.
     *
     * @return the visitor's tracking lines so far
     */
    List<String> linesOf(String visitorCode, int count) {
        client.flush(visitorCode, true);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> lines = List.of();
        while (System.nanoTime() < deadline) {
            lines = server.trackingLines().stream().filter(line -> line.contains("visitorCode=" + visitorCode + "&")
                    || line.endsWith("visitorCode=" + visitorCode)).collect(Collectors.toList());
            if (lines.size() >= count) {
                return lines;
            }
            sleep(Duration.ofMillis(20));
        }
        throw new AssertionError("expected " + count + " tracking lines of " + visitorCode + ", got " + lines);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        OpenFeatureAPI.getInstance().getProvider(domain).shutdown();
        client.close();
        KameleoonClientFactory.forget(siteCode);
        server.close();
    }
}
