package com.kameleoon.internal.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.internal.NamedThreadFactory;
import com.kameleoon.internal.JsonTreeReader;
import com.kameleoon.internal.net.HttpTransport;
import com.kameleoon.internal.net.ServiceUrls;
import com.kameleoon.logging.KameleoonLogger;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The real-time configuration stream: one server-sent-events connection at most, read on a daemon thread
 * ({@code kameleoon-sse}) by the event-stream rules of {@link EventStreamParser}; each
 * {@code configuration-update-event} hands its {@code ts} to the listener. After a failure or the end of the stream
 * it reconnects with capped exponential back-off (from the server's {@code retry}, else 1 s, doubling to 60 s),
 * sending the last event id as {@code Last-Event-ID}. A connection on which no byte arrives for the idle bound
 * (keep-alive comments count) is dropped and reopened: a half-open TCP connection would otherwise hang the stream
 * until the operating system gives up, hours later. Thread-safe.
 */
public final class RealTimeStream implements AutoCloseable {
    static final long FIRST_BACKOFF_MILLIS = 1_000;
    static final long MAX_BACKOFF_MILLIS = 60_000;
    /** How long a connection may stay silent, keep-alive comments included, before it is reopened. */
    public static final java.time.Duration DEFAULT_IDLE_BOUND = java.time.Duration.ofMinutes(2);
    private static final String EVENT = "configuration-update-event";

    private final HttpTransport http;
    private final Supplier<ServiceUrls> urls;
    private final String siteCode;
    private final LongConsumer onUpdate;
    private final java.time.Duration timeout;
    private final Pause pause;
    private final long idleBoundNanos;
    /* One thread reads; the other checks for silence, since a blocked read cannot time itself out. */
    private final ScheduledExecutorService thread = Executors.newScheduledThreadPool(2, new NamedThreadFactory("sse"));
    private final EventStreamParser parser = new EventStreamParser(this::onEvent);
    private volatile boolean running;
    private volatile InputStream body;
    private volatile long lastByteNanos;
    private volatile int connections;
    private volatile int idleDrops;
    private ScheduledFuture<?> watchdog;

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
        this(http, urls, siteCode, onUpdate, timeout, Thread::sleep, DEFAULT_IDLE_BOUND);
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
        this(http, urls, siteCode, onUpdate, timeout, pause, DEFAULT_IDLE_BOUND);
    }

    /**
     * A stream with its back-off waits taken by {@code pause} and its own idle bound.
     *
     * @param http the transport
     * @param urls the URLs in force
     * @param siteCode the site code
     * @param onUpdate receives each event's {@code ts}
     * @param timeout how long to wait for the stream's response headers
     * @param pause waits out each back-off
     * @param idleBound how long a connection may stay silent before it is reopened
     */
    public RealTimeStream(HttpTransport http, Supplier<ServiceUrls> urls, String siteCode, LongConsumer onUpdate,
            java.time.Duration timeout, Pause pause, java.time.Duration idleBound) {
        if (idleBound.isZero() || idleBound.isNegative()) {
            throw new IllegalArgumentException("idleBound must be positive, was " + idleBound);
        }
        this.idleBoundNanos = idleBound.toNanos();
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
            long check = Math.max(TimeUnit.MILLISECONDS.toNanos(10), idleBoundNanos / 4);
            watchdog = thread.scheduleWithFixedDelay(this::dropWhenSilent, check, check, TimeUnit.NANOSECONDS);
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

    /** @return connections dropped because they stayed silent beyond the idle bound */
    public int idleDrops() {
        return idleDrops;
    }

    /** Closes the stream; {@link #start()} may open it again. */
    public synchronized void stop() {
        running = false;
        if (watchdog != null) {
            watchdog.cancel(false);
            watchdog = null;
        }
        closeBody();
    }

    private void loop() {
        long backoff = firstBackoff();
        while (running && !Thread.currentThread().isInterrupted()) {
            boolean receivedSomething = readOnce();
            if (!running) {
                return;
            }
            backoff = receivedSomething ? firstBackoff() : backoff;
            KameleoonLogger.debug(() -> "real-time stream closed; reconnecting");
            try {
                pause.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        }
    }

    /* The server's retry, when it sent one, replaces the first back-off; the doubling and the cap stay. */
    private long firstBackoff() {
        long retry = parser.retryMillis();
        return retry < 0 ? FIRST_BACKOFF_MILLIS : Math.min(retry, MAX_BACKOFF_MILLIS);
    }

    /** @return true when the connection delivered at least one line */
    private boolean readOnce() {
        HttpRequest.Builder builder = HttpRequest.newBuilder(urls.get().events(siteCode))
                .header("Accept", "text/event-stream").header("Cache-Control", "no-cache").timeout(timeout).GET();
        if (!parser.lastEventId().isEmpty()) {
            builder.header("Last-Event-ID", parser.lastEventId());
        }
        boolean received = false;
        try {
            HttpResponse<InputStream> response = http.stream(builder.build());
            connections++;
            lastByteNanos = System.nanoTime();
            body = new Watched(response.body());
            if (response.statusCode() != 200) {
                KameleoonLogger.warning("real-time stream answered HTTP " + response.statusCode());
                return false;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            String line;
            while (running && (line = reader.readLine()) != null) {
                received = true;
                parser.accept(line);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (running) {
                KameleoonLogger.debug(() -> "real-time stream failed: " + e);
            }
        } finally {
            parser.endOfStream();
            closeBody();
        }
        return received;
    }

    private void dropWhenSilent() {
        if (body != null && System.nanoTime() - lastByteNanos > idleBoundNanos) {
            idleDrops++;
            KameleoonLogger.warning("real-time stream silent for more than "
                    + TimeUnit.NANOSECONDS.toSeconds(idleBoundNanos) + " s; reconnecting");
            closeBody();
        }
    }

    private void onEvent(EventStreamParser.Event event) {
        if (EVENT.equals(event.type())) {
            dispatch(event.data());
        }
    }

    /** Notes the time of every byte received, so that silence can be told from a slow trickle. */
    private final class Watched extends FilterInputStream {
        Watched(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                lastByteNanos = System.nanoTime();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                lastByteNanos = System.nanoTime();
            }
            return n;
        }
    }

    private void dispatch(String data) {
        try {
            JsonNode json = JsonTreeReader.SHARED.readTree(data);
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
