package com.kameleoon.persistence.resilience;

import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.internal.NamedThreadFactory;
import com.kameleoon.internal.net.AccessTokenProvider;
import com.kameleoon.internal.net.HttpTransport;
import com.kameleoon.internal.net.ServiceUrls;
import com.kameleoon.internal.tracking.TrackingRelay;
import com.kameleoon.spi.TrackingOutbox;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A tracking relay without a client, as a node runs it: drains one outbox into the Data API at {@code dataApiUrl}
 * (interval 1 s, 100 ms between the attempts of one request, no credentials), woken by every insert and by
 * {@link #wakeUp()}. Thread-safe; {@link #close(Duration)} stops its threads.
 */
final class StandaloneRelay implements AutoCloseable {
    static final long INTERVAL_MILLIS = 1_000;
    static final long RETRY_DELAY_MILLIS = 100;

    private final HttpTransport http;
    private final ScheduledExecutorService background;
    private final TrackingRelay relay;

    StandaloneRelay(TrackingOutbox outbox, String siteCode, URI dataApiUrl, Duration requestTimeout) {
        KameleoonClientConfig config = KameleoonClientConfig.builder().clientId("relay").clientSecret("unused")
                .topLevelDomain("example.com").dataApiUrl(dataApiUrl).build();
        ServiceUrls urls = ServiceUrls.of(config);
        this.http = new HttpTransport(requestTimeout);
        this.background = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("test-relay-tokens"));
        AccessTokenProvider tokens = new AccessTokenProvider(http, () -> urls, null, null, requestTimeout,
                System::currentTimeMillis, background);
        this.relay = new TrackingRelay(outbox, http, tokens, () -> urls, siteCode, INTERVAL_MILLIS, RETRY_DELAY_MILLIS,
                requestTimeout);
        outbox.onAdd(relay::wakeUp);
    }

    /** Asks for a drain now. */
    void wakeUp() {
        relay.wakeUp();
    }

    /**
     * Drains within a bound, then stops every thread.
     *
     * @param bound the longest final drain
     */
    void close(Duration bound) {
        relay.close(bound);
        http.close();
        background.shutdownNow();
        try {
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
