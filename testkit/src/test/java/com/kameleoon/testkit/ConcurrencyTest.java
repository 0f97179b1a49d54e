package com.kameleoon.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server is used from many test threads at once while it serves. */
@Timeout(20)
class ConcurrencyTest {

    @Test
    void parallelTrackingPostsAreAllCapturedWhileTheTestReconfigures() throws Exception {
        int threads = 8;
        int postsPerThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (KameleoonTestServer server = KameleoonTestServer.start()) {
            Http http = new Http(server.baseUri());
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                tasks.add(() -> {
                    for (int i = 0; i < postsPerThread; i++) {
                        http.post("/visit/events?siteCode=s", "t=" + thread + "&i=" + i + "\n");
                        server.setDataFile("s", null, "{\"v\":" + i + "}");
                        server.requests(Endpoint.TRACKING);
                        server.pushConfigurationUpdate("s", i);
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }

            List<String> lines = server.awaitTrackingLines(threads * postsPerThread, Duration.ofSeconds(5));
            assertThat(lines).hasSize(threads * postsPerThread).doesNotHaveDuplicates();
            assertThat(server.trackingRequests()).hasSize(threads * postsPerThread);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void serversStartedInParallelGetTheirOwnPortsAndThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<KameleoonTestServer> servers = new ArrayList<>();
        try {
            List<Future<KameleoonTestServer>> started = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                started.add(pool.submit(KameleoonTestServer::start));
            }
            for (Future<KameleoonTestServer> f : started) {
                servers.add(f.get());
            }
            Set<Integer> ports = new HashSet<>();
            for (KameleoonTestServer server : servers) {
                ports.add(server.port());
                String dispatcher = "kameleoon-testkit-" + server.port() + "-HTTP-Dispatcher";
                assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).contains(dispatcher);
            }
            assertThat(ports).hasSize(4);
        } finally {
            servers.forEach(KameleoonTestServer::close);
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("kameleoon-testkit"));
    }
}
