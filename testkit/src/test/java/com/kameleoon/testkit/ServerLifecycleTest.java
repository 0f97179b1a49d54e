package com.kameleoon.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Binding, threads and shutdown. */
@Timeout(15)
class ServerLifecycleTest {

    @Test
    void bindsTheLoopbackAddressOnly() throws Exception {
        try (KameleoonTestServer server = KameleoonTestServer.start()) {
            assertThat(server.baseUri().getScheme()).isEqualTo("http");
            assertThat(server.baseUri().getHost()).isEqualTo("127.0.0.1");
            assertThat(server.port()).isPositive();
            try (Socket loopback = new Socket()) {
                loopback.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
            }

            for (InetAddress other : otherLocalAddresses()) {
                assertThatThrownBy(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(other, server.port()), 2000);
                    }
                }).as("connecting through %s", other).isInstanceOf(IOException.class);
            }
        }
    }

    /** Addresses of this machine other than 127.0.0.1: on Linux 127.0.0.2 is one; plus the interfaces' addresses. */
    private static List<InetAddress> otherLocalAddresses() throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        if (System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            addresses.add(InetAddress.getByAddress(new byte[] {127, 0, 0, 2}));
        }
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                nic.inetAddresses().filter(a -> a instanceof Inet4Address).forEach(addresses::add);
            }
        }
        return addresses;
    }

    @Test
    void serverThreadsAreNamedDaemonsAndCloseStopsThemAll() throws Exception {
        KameleoonTestServer server = KameleoonTestServer.start();
        String prefix = "kameleoon-testkit-" + server.port() + "-";
        Http http = new Http(server.baseUri());
        server.setDataFile("site1", null, "{}");
        server.inject(Endpoint.REMOTE_DATA, Fault.delay(Duration.ofSeconds(30)));
        assertThat(http.get("/v3/site1").statusCode()).isEqualTo(200);
        SseClient stream = new SseClient(http, "site1");
        CompletableFuture<HttpResponse<String>> stuck = http.client().sendAsync(
                http.request("/map/map?siteCode=site1&key=k").GET().timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        server.awaitRequests(Endpoint.REMOTE_DATA, 1, Duration.ofSeconds(5));

        Set<Thread> serverThreads = threadsNamed(prefix);
        assertThat(serverThreads).isNotEmpty().allSatisfy(t -> assertThat(t.isDaemon()).as(t.getName()).isTrue());
        assertThat(serverThreads).extracting(Thread::getName)
                .anySatisfy(name -> assertThat(name).startsWith(prefix + "http-"))
                .anySatisfy(name -> assertThat(name).isEqualTo(prefix + "HTTP-Dispatcher"));

        long started = System.nanoTime();
        server.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
        assertThat(threadsNamed("kameleoon-testkit")).isEmpty();
        assertThat(stream.nextLine(Duration.ofSeconds(2))).isEqualTo(SseClient.END_OF_STREAM);
        assertThat(stuck).failsWithin(Duration.ofSeconds(2));
        server.close(); // idempotent
    }

    @Test
    void aClosedServerRefusesConnections() throws Exception {
        KameleoonTestServer server = KameleoonTestServer.start();
        Http http = new Http(server.baseUri());
        server.close();

        assertThatThrownBy(() -> http.client().send(HttpRequest.newBuilder(http.uri("/v3/site1"))
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThat(server).hasToString("KameleoonTestServer[" + server.baseUri() + ", closed]");
    }

    private static Set<Thread> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix))
                .collect(Collectors.toSet());
    }
}
