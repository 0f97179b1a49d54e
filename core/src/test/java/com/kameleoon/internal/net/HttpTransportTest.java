package com.kameleoon.internal.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.testing.Eventually;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Asynchronous work runs on a bounded number of threads, however many requests are in flight. */
class HttpTransportTest {
    private static final Duration BOUND = Duration.ofSeconds(20);

    private static long httpThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("kameleoon-http") && t.isAlive()).count();
    }

    @Test
    void aBurstOfSlowCompletionsNeverStartsMoreThanTheBound() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes());
            exchange.close();
        });
        server.start();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger blocked = new AtomicInteger();
        try (HttpTransport http = new HttpTransport(Duration.ofSeconds(2))) {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            List<CompletableFuture<String>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                // Each completion holds its thread, as a completion writing to a slow database would.
                calls.add(http.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build())
                        .thenApply(response -> {
                            blocked.incrementAndGet();
                            awaitQuietly(release);
                            return response.body();
                        }));
            }
            Eventually.until("every pool thread held by a completion", BOUND,
                    () -> blocked.get() >= HttpTransport.MAX_THREADS);
            assertThat(httpThreads()).isLessThanOrEqualTo(HttpTransport.MAX_THREADS);
            assertThat(blocked.get()).isEqualTo(HttpTransport.MAX_THREADS);
            release.countDown();
            for (CompletableFuture<String> call : calls) {
                assertThat(call.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo("ok");
            }
            assertThat(httpThreads()).isLessThanOrEqualTo(HttpTransport.MAX_THREADS);
        } finally {
            release.countDown();
            server.stop(0);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
