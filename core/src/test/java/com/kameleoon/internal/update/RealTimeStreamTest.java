package com.kameleoon.internal.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.internal.net.HttpTransport;
import com.kameleoon.internal.net.ServiceUrls;
import com.kameleoon.testing.Eventually;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stream against a real HTTP server that writes event-stream text as the test scripts it: events split over
 * several lines and writes, ids and retry taken into the reconnection, and a silent connection reopened.
 */
class RealTimeStreamTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    private final BlockingQueue<Long> updates = new LinkedBlockingQueue<>();
    private final List<String> lastEventIds = new CopyOnWriteArrayList<>();
    private final List<Long> backoffs = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private HttpTransport http;
    private RealTimeStream stream;

    @AfterEach
    void stop() {
        release.countDown();
        if (stream != null) {
            stream.close();
        }
        if (http != null) {
            http.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    /** Serves each connection with the next script; the last one is repeated. */
    @SafeVarargs
    private void serve(Duration idleBound, Consumer<Writer>... scripts) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        List<Consumer<Writer>> queue = new CopyOnWriteArrayList<>(List.of(scripts));
        server.createContext("/sse", exchange -> {
            lastEventIds.add(String.valueOf(exchange.getRequestHeaders().getFirst("Last-Event-ID")));
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            Consumer<Writer> script = queue.size() > 1 ? queue.remove(0) : queue.get(0);
            try (OutputStream out = exchange.getResponseBody()) {
                script.accept(new Writer(out));
            } catch (RuntimeException clientGone) {
                // the client closed the connection
            }
        });
        server.start();
        KameleoonClientConfig config = KameleoonClientConfig.builder().clientId("id").clientSecret("secret")
                .eventsUrl(URI.create("http://127.0.0.1:" + server.getAddress().getPort())).build();
        ServiceUrls urls = ServiceUrls.of(config);
        http = new HttpTransport(Duration.ofSeconds(2));
        stream = new RealTimeStream(http, () -> urls, "site", updates::add, Duration.ofSeconds(2), millis -> {
            backoffs.add(millis);
            if (backoffs.size() > 3) {
                release.await();
            }
        }, idleBound);
        stream.start();
    }

    /** Writes to one connection. */
    private final class Writer {
        private final OutputStream out;

        Writer(OutputStream out) {
            this.out = out;
        }

        void write(String text) {
            try {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        void holdOpen() {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void anEventWrittenInPiecesAndOverSeveralDataLinesIsDispatchedOnceWhole() throws Exception {
        serve(Duration.ofMinutes(1), w -> {
            w.write("event: configuration-update-event\ndata: {\"ts\":");
            w.write("\ndata: 1700000000123}\n");
            w.write("\n: keep-alive\n\nevent: other\ndata: {\"ts\": 5}\n\n");
            w.write("event: configuration-update-event\ndata: {\"ts\": 9}\n\n");
            w.holdOpen();
        });
        assertThat(updates.poll(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(1_700_000_000_123L);
        // The next update proves the "other" event between them was read and not taken for one.
        assertThat(updates.poll(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(9L);
        assertThat(stream.connections()).isEqualTo(1);
    }

    @Test
    void theLastEventIdAndTheServersRetryAreUsedOnReconnection() throws Exception {
        serve(Duration.ofMinutes(1), w -> w.write("retry: 2500\nid: 41\nevent: configuration-update-event\n"
                + "data: {\"ts\": 1}\n\n"), w -> w.holdOpen());
        Eventually.until("a second connection", BOUND, () -> lastEventIds.size() >= 2);
        assertThat(lastEventIds).startsWith("null", "41");
        assertThat(backoffs).first().isEqualTo(2_500L);
        assertThat(updates.poll(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(1L);
    }

    @Test
    void aSilentConnectionIsReopenedButKeepAlivesKeepItOpen() throws Exception {
        Duration idle = Duration.ofMillis(1_500);
        serve(idle, w -> {
            // Keep-alive comments every 100 ms for three idle bounds: the connection must stay.
            for (int i = 0; i < 45; i++) {
                w.write(": keep-alive\n\n");
                sleepQuietly(100);
            }
            w.write("event: configuration-update-event\ndata: {\"ts\": 7}\n\n");
            w.holdOpen(); // then silence, as a half-open connection would look
        }, w -> w.holdOpen());
        assertThat(updates.poll(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(7L);
        assertThat(stream.idleDrops()).as("keep-alives count as traffic").isZero();
        assertThat(stream.connections()).isEqualTo(1);
        Eventually.until("the silent connection dropped and reopened", BOUND,
                () -> stream.idleDrops() >= 1 && stream.connections() >= 2);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
