package com.kameleoon.internal.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.internal.NamedThreadFactory;
import com.kameleoon.internal.datafile.DataFileParser;
import com.kameleoon.internal.net.HttpTransport;
import com.kameleoon.internal.net.ServiceUrls;
import com.kameleoon.logging.KameleoonLogger;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The real-time configuration stream (protocol.md §8.4): one server-sent-events connection at most, read on a
 * daemon thread ({@code kameleoon-sse}); each {@code configuration-update-event} hands its {@code ts} to the
 * listener. After a failure or the end of the stream it reconnects with capped exponential back-off (1 s
 * doubling to 60 s), unlike Go's tight loop. Thread-safe.
 */
public final class RealTimeStream implements AutoCloseable {
    static final long FIRST_BACKOFF_MILLIS = 1_000;
    static final long MAX_BACKOFF_MILLIS = 60_000;
    private static final String EVENT = "configuration-update-event";

    private final HttpTransport http;
    private final Supplier<ServiceUrls> urls;
    private final String siteCode;
    private final LongConsumer onUpdate;
    private final java.time.Duration timeout;
    private final Pause pause;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(new NamedThreadFactory("sse"));
    private volatile boolean running;
    private volatile InputStream body;
    private volatile int connections;

    /** Waits out the back-off before a reconnection. */
    @FunctionalInterface
    public interface Pause {
        /**
         * @param millis how long to wait
         * @throws InterruptedException when the stream is closed meanwhile
         */
        void sleep(long millis) throws InterruptedException;
    }

    /**
     * @param http the transport
     * @param urls the URLs in force
     * @param siteCode the site code
     * @param onUpdate receives each event's {@code ts}
     * @param timeout how long to wait for the stream's response headers
     */
    public RealTimeStream(HttpTransport http, Supplier<ServiceUrls> urls, String siteCode, LongConsumer onUpdate,
            java.time.Duration timeout) {
        this(http, urls, siteCode, onUpdate, timeout, Thread::sleep);
    }

    /**
     * A stream whose back-off waits are taken by {@code pause}, so that a test can see them without waiting.
     *
     * @param http the transport
     * @param urls the URLs in force
     * @param siteCode the site code
     * @param onUpdate receives each event's {@code ts}
     * @param timeout how long to wait for the stream's response headers
     * @param pause waits out each back-off
     */
    public RealTimeStream(HttpTransport http, Supplier<ServiceUrls> urls, String siteCode, LongConsumer onUpdate,
            java.time.Duration timeout, Pause pause) {
        this.timeout = timeout;
        this.pause = pause;
        this.http = http;
        this.urls = urls;
        this.siteCode = siteCode;
        this.onUpdate = onUpdate;
    }

    /** Opens the stream if it is not open. */
    public synchronized void start() {
        if (!running) {
            running = true;
            thread.execute(this::loop);
        }
    }

    /** @return true while the stream is wanted */
    public boolean isRunning() {
        return running;
    }

    /** @return connections opened so far (for tests and diagnostics) */
    public int connections() {
        return connections;
    }

    /** Closes the stream; {@link #start()} may open it again. */
    public synchronized void stop() {
        running = false;
        closeBody();
    }

    private void loop() {
        long backoff = FIRST_BACKOFF_MILLIS;
        while (running && !Thread.currentThread().isInterrupted()) {
            boolean receivedSomething = readOnce();
            if (!running) {
                return;
            }
            backoff = receivedSomething ? FIRST_BACKOFF_MILLIS : backoff;
            KameleoonLogger.debug(() -> "real-time stream closed; reconnecting");
            try {
                pause.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        }
    }

    /** @return true when the connection delivered at least one line */
    private boolean readOnce() {
        HttpRequest request = HttpRequest.newBuilder(urls.get().events(siteCode)).header("Accept", "text/event-stream")
                .header("Cache-Control", "no-cache").timeout(timeout).GET().build();
        boolean received = false;
        try {
            HttpResponse<InputStream> response = http.stream(request);
            connections++;
            body = response.body();
            if (response.statusCode() != 200) {
                KameleoonLogger.warning("real-time stream answered HTTP " + response.statusCode());
                return false;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            String event = null;
            String line;
            while (running && (line = reader.readLine()) != null) {
                received = true;
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:") && EVENT.equals(event)) {
                    dispatch(line.substring(5).trim());
                } else if (line.isEmpty()) {
                    event = null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (running) {
                KameleoonLogger.debug(() -> "real-time stream failed: " + e);
            }
        } finally {
            closeBody();
        }
        return received;
    }

    private void dispatch(String data) {
        try {
            JsonNode json = DataFileParser.MAPPER.readTree(data);
            if (json != null && json.path("ts").canConvertToLong()) {
                onUpdate.accept(json.path("ts").asLong());
            }
        } catch (Exception e) {
            KameleoonLogger.warning("real-time event with unreadable data ignored");
        }
    }

    private void closeBody() {
        InputStream current = body;
        body = null;
        if (current != null) {
            try {
                current.close();
            } catch (Exception e) {
                // Closing a broken stream can fail; it is closed either way.
            }
        }
    }

    @Override
    public void close() {
        stop();
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
