package com.kameleoon.internal.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.internal.net.AccessTokenProvider;
import com.kameleoon.internal.net.HttpTransport;
import com.kameleoon.internal.net.ServiceUrls;
import com.kameleoon.spi.OutboxLine;
import com.kameleoon.spi.OutboxStats;
import com.kameleoon.spi.TrackingOutbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Wake-ups start a drain at once when the relay has been quiet, and at least {@link TrackingRelay#WAKE_UP_GAP_MILLIS}
 * after the previous drain otherwise, so that commits arriving back to back share drains. The outbox here is always
 * empty: a drain is one claim, and the claims' times are what the test reads.
 */
@Timeout(30)
class TrackingRelayWakeUpTest {
    /** Far beyond the test: only wake-ups drain. */
    private static final long INTERVAL_MILLIS = 60_000;
    private final LinkedBlockingQueue<Long> claims = new LinkedBlockingQueue<>();
    /** How long each claim takes: a slow claim is a drain under way. */
    private volatile long claimMillis;
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final HttpTransport http = new HttpTransport(Duration.ofSeconds(1));
    private TrackingRelay relay;

    @AfterEach
    void close() {
        if (relay != null) {
            relay.close();
        }
        http.close();
        background.shutdownNow();
    }

    @Test
    void aWakeUpAfterAQuietSpellDrainsAtOnceAndOneRightAfterADrainWaitsForTheGap() throws Exception {
        relay = relay();
        long woken = System.nanoTime();
        relay.wakeUp();
        long first = nextClaim();
        assertThat(TimeUnit.NANOSECONDS.toMillis(first - woken)).as("a lone wake-up is not delayed")
                .isLessThan(TrackingRelay.WAKE_UP_GAP_MILLIS);

        relay.wakeUp();
        long second = nextClaim();

        assertThat(TimeUnit.NANOSECONDS.toMillis(second - first)).as("the second drain waited for the gap")
                .isGreaterThanOrEqualTo(TrackingRelay.WAKE_UP_GAP_MILLIS - 1);
    }

    @Test
    void aWakeUpDuringADrainWaitsForTheGapAfterThatDrain() throws Exception {
        relay = relay();
        claimMillis = 200;
        relay.wakeUp();
        long first = nextClaim();
        relay.wakeUp();
        long second = nextClaim();

        assertThat(TimeUnit.NANOSECONDS.toMillis(second - first)).as("the drain's 200 ms, then the gap")
                .isGreaterThanOrEqualTo(200 + TrackingRelay.WAKE_UP_GAP_MILLIS - 1);
    }

    @Test
    void wakeUpsDuringTheGapShareOneDrain() throws Exception {
        relay = relay();
        relay.wakeUp();
        nextClaim();

        for (int i = 0; i < 20; i++) {
            relay.wakeUp();
        }
        nextClaim();

        assertThat(claims.poll(3 * TrackingRelay.WAKE_UP_GAP_MILLIS, TimeUnit.MILLISECONDS))
                .as("no further drain for the wake-ups that came while one was pending").isNull();
    }

    private long nextClaim() throws InterruptedException {
        Long at = claims.poll(5, TimeUnit.SECONDS);
        assertThat(at).as("a drain within 5 s").isNotNull();
        return at;
    }

    private TrackingRelay relay() {
        ServiceUrls urls = ServiceUrls.of(KameleoonClientConfig.builder().dataFile(Path.of("unused.json")).build());
        AccessTokenProvider tokens = new AccessTokenProvider(http, () -> urls, null, null, Duration.ofSeconds(1),
                System::currentTimeMillis, background);
        return new TrackingRelay(new ClaimClock(), http, tokens, () -> urls, "site", INTERVAL_MILLIS, 1_000,
                Duration.ofSeconds(1));
    }

    /** An outbox that is always empty and notes when each claim came. */
    private final class ClaimClock implements TrackingOutbox {
        @Override
        public void add(String visitorCode, List<String> lines) {
            throw new UnsupportedOperationException("nothing is added in this test");
        }

        @Override
        public List<OutboxLine> claim(long maxChars) {
            claims.add(System.nanoTime());
            if (claimMillis > 0) {
                try {
                    Thread.sleep(claimMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return List.of();
        }

        @Override
        public void complete(List<OutboxLine> lines) {
        }

        @Override
        public void fail(List<OutboxLine> lines, String reason) {
        }

        @Override
        public void onAdd(Runnable listener) {
        }

        @Override
        public OutboxStats stats() {
            return new OutboxStats(0, 0, 0, 0, 0, 0);
        }

        @Override
        public void close() {
        }
    }
}
