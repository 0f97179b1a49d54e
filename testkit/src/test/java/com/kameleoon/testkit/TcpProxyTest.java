package com.kameleoon.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.testkit.TcpProxy.Mode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link TcpProxy} over real sockets in front of an {@link EchoServer}: each mode, switching back, counters and
 * threads. Silence is proven with socket read timeouts (a read that times out saw neither data, nor an end of
 * stream, nor a reset), never by sleeping and then looking.
 */
@Timeout(20)
class TcpProxyTest {
    /** How long a read waits to conclude that nothing comes. */
    private static final int SILENCE_MILLIS = 300;
    /** The longest wait for something that must happen. */
    private static final int BOUND_MILLIS = 5_000;

    private EchoServer echo;
    private TcpProxy proxy;

    @BeforeEach
    void start() throws IOException {
        echo = new EchoServer();
        proxy = TcpProxy.start("127.0.0.1", echo.port());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void passForwardsBothWaysAndCountsTheConnection() throws IOException {
        try (Socket client = connect()) {
            assertEchoes(client, "hello");
            assertEchoes(client, "again");
        }
        assertThat(proxy.mode()).isEqualTo(Mode.PASS);
        assertThat(proxy.proxied()).isEqualTo(1);
        assertThat(proxy.refused()).isZero();
        assertThat(proxy.blackholed()).isZero();
        assertThat(proxy.host()).isEqualTo("127.0.0.1");
        assertThat(proxy.target()).isEqualTo(new InetSocketAddress("127.0.0.1", echo.port()));
    }

    @Test
    void passCarriesALargeStreamIntactBothWays() throws Exception {
        byte[] sent = new byte[4 * 1024 * 1024];
        new Random(42).nextBytes(sent);
        try (Socket client = connect()) {
            // Written while reading: the echo comes back before all is sent, so both directions fill up at once.
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    client.getOutputStream().write(sent);
                    client.shutdownOutput();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            byte[] received = client.getInputStream().readAllBytes();
            writer.get(BOUND_MILLIS, TimeUnit.MILLISECONDS);
            assertThat(received.length).isEqualTo(sent.length);
            assertThat(Arrays.equals(received, sent)).isTrue();
        }
    }

    @Test
    void passForwardsAHalfCloseSoTheServerSeesTheEndOfTheStream() throws IOException {
        try (Socket client = connect()) {
            client.getOutputStream().write("last words".getBytes(StandardCharsets.UTF_8));
            client.shutdownOutput();
            // The echo server answers, sees the end of the stream, and closes: both ends reach the client.
            assertThat(new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("last words");
        }
    }

    @Test
    void refuseClosesOpenConnectionsAndNewOnesAtOnce() throws IOException {
        try (Socket open = connect()) {
            assertEchoes(open, "before");

            proxy.switchTo(Mode.REFUSE);

            assertClosedByPeer(open);
            try (Socket late = connect()) {
                assertClosedByPeer(late);
            }
        }
        assertThat(proxy.refused()).isEqualTo(1);
        assertThat(proxy.proxied()).isEqualTo(1);
        assertThat(echo.accepted()).isEqualTo(1);
    }

    @Test
    void blackholeSilencesOpenConnectionsWithoutClosingThem() throws IOException {
        try (Socket open = connect()) {
            assertEchoes(open, "before");
            long reachedServer = echo.bytesReceived();

            proxy.switchTo(Mode.BLACKHOLE);

            open.getOutputStream().write("lost".getBytes(StandardCharsets.UTF_8));
            assertSilent(open);
            assertSilent(open); // still open: a second wait also ends in a timeout, not an end of stream
            assertThat(echo.bytesReceived()).as("bytes that reached the server").isEqualTo(reachedServer);
            assertThat(open.isClosed()).isFalse();
        }
    }

    @Test
    void blackholeAcceptsNewConnectionsButNeverAnswersThem() throws IOException {
        proxy.switchTo(Mode.BLACKHOLE);

        try (Socket late = connect()) {
            late.getOutputStream().write("anyone?".getBytes(StandardCharsets.UTF_8));
            assertSilent(late);
            awaitCount(proxy::blackholed, 1);
        }
        assertThat(echo.accepted()).as("connections that reached the server").isZero();
        assertThat(proxy.proxied()).isZero();
    }

    @Test
    void leavingBlackholeClosesWhatItHeldAndPassesNewConnections() throws IOException {
        try (Socket before = connect()) {
            assertEchoes(before, "before");
            proxy.switchTo(Mode.BLACKHOLE);
            try (Socket during = connect()) {
                awaitCount(proxy::blackholed, 1); // accepted while black-holed, not left in the backlog

                proxy.switchTo(Mode.PASS);

                assertClosedByPeer(before);
                assertClosedByPeer(during);
            }
        }
        try (Socket after = connect()) {
            assertEchoes(after, "after");
        }
        assertThat(proxy.proxied()).isEqualTo(2);
    }

    @Test
    void refuseThenPassServesNewConnectionsAgain() throws IOException {
        proxy.switchTo(Mode.REFUSE);
        try (Socket refused = connect()) {
            assertClosedByPeer(refused);
        }

        proxy.switchTo(Mode.PASS);

        try (Socket after = connect()) {
            assertEchoes(after, "back");
        }
        assertThat(proxy.mode()).isEqualTo(Mode.PASS);
    }

    @Test
    void aTargetThatRefusesIsHungUpOnAndCounted() throws IOException {
        int closedPort = freePort();
        try (TcpProxy nowhere = TcpProxy.start("127.0.0.1", closedPort); Socket client = connect(nowhere)) {
            assertClosedByPeer(client);
            awaitCount(nowhere::refused, 1);
            assertThat(nowhere.proxied()).isZero();
        }
    }

    @Test
    void listensOnAGivenPortAndCanComeBackOnIt() throws IOException {
        int port = freePort();
        try (TcpProxy first = TcpProxy.start("127.0.0.1", echo.port(), port); Socket client = connect(first)) {
            assertThat(first.port()).isEqualTo(port);
            assertEchoes(client, "first");
        }
        try (TcpProxy second = TcpProxy.start("127.0.0.1", echo.port(), port); Socket client = connect(second)) {
            assertEchoes(client, "second");
        }
    }

    @Test
    void closeEndsItsThreadAndConnectionsAndStopsListening() throws IOException {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        TcpProxy own = TcpProxy.start("127.0.0.1", echo.port());
        List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread))
                .filter(thread -> thread.getName().startsWith("kameleoon-testkit-proxy-"))
                .collect(Collectors.toList());
        assertThat(threads).hasSize(1).allMatch(Thread::isDaemon);

        try (Socket client = connect(own)) {
            assertEchoes(client, "open");
            own.close();
            own.close();
            assertClosedByPeer(client);
        }
        assertThat(threads).noneMatch(Thread::isAlive);
        assertThat(own.toString()).contains("closed");
        assertThatThrownBy(() -> own.switchTo(Mode.REFUSE)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Socket("127.0.0.1", own.port()).close()).isInstanceOf(ConnectException.class);
    }

    private Socket connect() throws IOException {
        return connect(proxy);
    }

    private static Socket connect(TcpProxy target) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(target.host(), target.port()), BOUND_MILLIS);
        socket.setSoTimeout(BOUND_MILLIS);
        return socket;
    }

    private static void assertEchoes(Socket client, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        client.getOutputStream().write(bytes);
        client.getOutputStream().flush();
        InputStream in = client.getInputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[bytes.length];
        while (received.size() < bytes.length) {
            int n = in.read(buffer, 0, bytes.length - received.size());
            assertThat(n).as("bytes read before the echo of '" + text + "' was complete").isPositive();
            received.write(buffer, 0, n);
        }
        assertThat(received.toString(StandardCharsets.UTF_8)).isEqualTo(text);
    }

    /** The peer hung up: a read ends the stream or is reset, well before the read timeout. */
    private static void assertClosedByPeer(Socket client) throws IOException {
        client.setSoTimeout(BOUND_MILLIS);
        try {
            assertThat(client.getInputStream().read()).isEqualTo(-1);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection stayed open for " + BOUND_MILLIS + " ms", e);
        } catch (SocketException e) {
            assertThat(e.getMessage()).containsIgnoringCase("reset");
        }
    }

    /** Nothing comes back: neither data, nor an end of stream, nor a reset, within the read timeout. */
    private static void assertSilent(Socket client) throws IOException {
        client.setSoTimeout(SILENCE_MILLIS);
        assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
    }

    private static void awaitCount(IntSupplier count, int expected) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BOUND_MILLIS);
        while (count.getAsInt() < expected) {
            assertThat(System.nanoTime() - deadline).as("waiting for a count of " + expected).isNegative();
            sleepBriefly();
        }
        assertThat(count.getAsInt()).isEqualTo(expected);
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return probe.getLocalPort();
        }
    }
}
