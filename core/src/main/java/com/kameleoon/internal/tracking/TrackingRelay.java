package com.kameleoon.internal.tracking;

import com.kameleoon.internal.NamedThreadFactory;
import com.kameleoon.internal.SdkInfo;
import com.kameleoon.internal.net.AccessTokenProvider;
import com.kameleoon.internal.net.HttpTransport;
import com.kameleoon.internal.net.ServiceUrls;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.spi.OutboxLine;
import com.kameleoon.spi.TrackingOutbox;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Delivers the outbox to the Data API from one daemon thread ({@code kameleoon-tracking}): every tracking
 * interval, or at once when woken, it claims batches of at most 2,621,440 characters and posts each as one
 * body (docs/wire-format.md#batching-and-retries). A request is tried three times, 5 s apart; 2xx, 304 and 403 (bot)
 * count as delivered. A 401 discards the token, and when every attempt failed with a 401 among them, one
 * last attempt goes without authorization (Go). Undelivered lines go back to the outbox with their nonces,
 * for the next interval. Thread-safe.
 */
public final class TrackingRelay implements AutoCloseable {
    /** Largest body, in characters (line feeds not counted), as both official SDKs. */
    public static final long MAX_BODY_CHARS = 2_560 * 1024;
    private static final int ATTEMPTS = 3;
    /** Pending lines that make an added pass wake the relay before its interval. */
    static final long WAKE_UP_LINES = 10_000;
    /** The shortest time between the end of a drain and a drain that a wake-up starts. */
    static final long WAKE_UP_GAP_MILLIS = 50;

    private final TrackingOutbox outbox;
    /** Lines delivered whose completion failed; completed before the next claim. Relay thread (or close) only. */
    private volatile List<OutboxLine> undeleted = List.of();
    private final HttpTransport http;
    private final AccessTokenProvider tokens;
    private final Supplier<ServiceUrls> urls;
    private final String siteCode;
    private final long retryDelayMillis;
    private final Duration timeout;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    /** When the last drain ended ({@link System#nanoTime}); far in the past at start. */
    private volatile long lastDrainEnd = System.nanoTime() - TimeUnit.HOURS.toNanos(1);
    private volatile boolean closing;
    private final DeliveryRecord record = new DeliveryRecord(java.time.Clock.systemUTC());
    private final com.kameleoon.internal.metrics.LatencyRecorder latency =
            new com.kameleoon.internal.metrics.LatencyRecorder();

    /**
     * Creates and starts the relay.
     *
     * @param outbox the outbox to drain
     * @param http the transport
     * @param tokens the access tokens
     * @param urls the URLs in force
     * @param siteCode the site code
     * @param intervalMillis the tracking interval
     * @param retryDelayMillis pause between attempts
     * @param timeout request timeout
     */
    public TrackingRelay(TrackingOutbox outbox, HttpTransport http, AccessTokenProvider tokens,
            Supplier<ServiceUrls> urls, String siteCode, long intervalMillis, long retryDelayMillis, Duration timeout) {
        this.outbox = outbox;
        this.http = http;
        this.tokens = tokens;
        this.urls = urls;
        this.siteCode = siteCode;
        this.retryDelayMillis = retryDelayMillis;
        this.timeout = timeout;
        this.thread = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("tracking"));
        thread.scheduleWithFixedDelay(this::drainSafely, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Delivers pending lines now rather than at the next interval; when the relay drained less than
     * {@link #WAKE_UP_GAP_MILLIS} ago, at the end of that gap. Under load the outbox is woken by every commit: the
     * gap lets the lines of many commits share one claim, one body and one delete, instead of costing the database
     * two transactions per commit, while a lone line still leaves at once.
     */
    public void wakeUp() {
        if (!closing && wakeUpPending.compareAndSet(false, true)) {
            scheduleWokenDrain(millisUntilGapEnds());
        }
    }

    private long millisUntilGapEnds() {
        return Math.max(0, WAKE_UP_GAP_MILLIS - (System.nanoTime() - lastDrainEnd) / 1_000_000);
    }

    private void scheduleWokenDrain(long delayMillis) {
        try {
            thread.schedule(this::wokenDrain, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RuntimeException rejected) {
            wakeUpPending.set(false);
        }
    }

    /*
     * Runs on the relay's thread, where every drain runs, so lastDrainEnd is current here. A wake-up that came while
     * a drain was under way computed its delay from the drain before; checking again keeps the gap after this one.
     */
    private void wokenDrain() {
        long wait = millisUntilGapEnds();
        if (wait > 0) {
            scheduleWokenDrain(wait);
            return;
        }
        wakeUpPending.set(false);
        drainSafely();
    }

    /**
     * Called after lines are added: wakes the relay early when a full body is already waiting, so that a burst
     * is delivered at network speed rather than one body per interval.
     */
    public void wakeUpIfLarge() {
        if (outbox.pendingCount() >= WAKE_UP_LINES) {
            wakeUp();
        }
    }

    private void drainSafely() {
        try {
            drain();
        } catch (RuntimeException e) {
            KameleoonLogger.error("tracking relay failed: " + e);
        } finally {
            lastDrainEnd = System.nanoTime();
        }
    }

    /** Posts batches until the outbox is empty or a batch fails. */
    private void drain() {
        if (!undeleted.isEmpty()) {
            // Delivered before the outbox failed to forget them: forget them now, rather than deliver them again.
            outbox.complete(undeleted);
            undeleted = List.of();
        }
        while (!Thread.currentThread().isInterrupted()) {
            List<OutboxLine> batch = outbox.claim(MAX_BODY_CHARS);
            if (batch.isEmpty()) {
                return;
            }
            long start = System.nanoTime();
            String failure = deliver(batch);
            latency.record(System.nanoTime() - start);
            if (failure == null) {
                record.delivered();
                try {
                    outbox.complete(batch);
                } catch (RuntimeException e) {
                    undeleted = batch;
                    throw e;
                }
            } else {
                record.failed(failure);
                outbox.fail(batch, failure);
                KameleoonLogger.warning("tracking request of " + batch.size() + " lines failed (" + failure
                        + "); retried at the next interval");
                return;
            }
        }
    }

    /** @return how delivery has gone so far */
    public com.kameleoon.integration.DeliveryStats deliveryStats() {
        return record.stats();
    }

    /** @return how long batches took to deliver or fail, retries and pauses between them included */
    public com.kameleoon.integration.LatencyStats deliveryLatency() {
        return latency.stats();
    }

    /** @return null when delivered, else the last failure */
    private String deliver(List<OutboxLine> batch) {
        StringBuilder body = new StringBuilder();
        for (OutboxLine line : batch) {
            body.append(line.text()).append('\n');
        }
        URI url = urls.get().tracking(SdkInfo.NAME, SdkInfo.VERSION, siteCode);
        String failure = null;
        boolean unauthorized = false;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0 && !pause()) {
                break;
            }
            String token = tokens.get();
            int status = post(url, body, token);
            if (isDelivered(status)) {
                return null;
            }
            if (status == 401) {
                unauthorized = true;
                if (token != null) {
                    tokens.invalidate(token);
                }
            }
            failure = status < 0 ? "no answer" : "HTTP " + status;
        }
        if (unauthorized && isDelivered(post(url, body, null))) {
            return null;
        }
        return failure;
    }

    private static boolean isDelivered(int status) {
        return HttpTransport.isSuccess(status) || status == 403;
    }

    /** @return the status, or -1 on a transport failure */
    private int post(URI url, CharSequence body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "*/*")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build());
            return response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception e) {
            KameleoonLogger.debug(() -> "tracking request failed: " + e);
            return -1;
        }
    }

    private boolean pause() {
        if (closing) {
            return false;
        }
        try {
            Thread.sleep(retryDelayMillis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Delivers what is pending within a bound, then stops the thread.
     *
     * @param bound how long the final delivery may take
     */
    public void close(Duration bound) {
        closing = true;
        Future<?> last = null;
        try {
            last = thread.submit(this::drainSafely);
            last.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            KameleoonLogger.warning("pending tracking not delivered within " + bound.toMillis() + " ms at close; "
                    + outbox.stats().depth() + " lines left in the outbox");
        } catch (Exception e) {
            KameleoonLogger.debug(() -> "final tracking delivery ended: " + e);
        }
        // No interrupt unless the thread is stuck: an interrupt during JDBC I/O breaks an embedded H2 database.
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                thread.shutdownNow();
                thread.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
