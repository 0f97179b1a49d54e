package com.kameleoon.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy on 127.0.0.1 in front of one server (a database, an HTTP service), for tests that take that server
 * away the way production loses it. Point the client at {@link #port()} and switch the {@link Mode} at any time:
 *
 * <pre>{@code
 * try (TcpProxy proxy = TcpProxy.start("127.0.0.1", 5432)) {
 *     KameleoonDatabase db = KameleoonDatabase.builder()
 *             .jdbcUrl("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/shop")...build();
 *     proxy.switchTo(TcpProxy.Mode.BLACKHOLE);   // a partition: every call must time out, not hang
 *     proxy.switchTo(TcpProxy.Mode.REFUSE);      // a restart: every connection is hung up on
 *     proxy.switchTo(TcpProxy.Mode.PASS);        // back: new connections work again
 * }
 * }</pre>
 *
 * <p>{@link #switchTo} returns once the switch took effect: the connections it closes are closed by then. One
 * daemon thread ({@code kameleoon-testkit-proxy-<n>}) serves every connection of a proxy; {@link #close()} stops
 * it and closes every connection. Thread-safe.
 */
public final class TcpProxy implements AutoCloseable {
    /** What the proxy does with connections. */
    public enum Mode {
        /** Forwards every byte both ways, as if the proxy were not there. The initial mode. */
        PASS,
        /**
         * Closes every open connection now and each new one as soon as it is accepted, like a server that hangs up
         * or restarts: clients fail fast.
         */
        REFUSE,
        /**
         * Forwards nothing and answers nothing, like a network partition that drops packets: open connections stay
         * open but silent both ways (no close, no reset), new connections are accepted (the TCP handshake is the
         * kernel's) but never served, so only the client's own timeouts end its waits. Leaving this mode closes
         * every connection it held, since nobody can tell how much of their streams got through.
         */
        BLACKHOLE
    }

    private static final String HOST = "127.0.0.1";
    /** The longest a mode switch or {@link #close()} waits for the proxy's thread. */
    private static final Duration THREAD_BOUND = Duration.ofSeconds(5);

    private final InetSocketAddress target;
    private final ProxyLoop loop;
    private final Thread thread;
    private final AtomicBoolean closed = new AtomicBoolean();

    private TcpProxy(InetSocketAddress target, ProxyLoop loop) {
        this.target = target;
        this.loop = loop;
        this.thread = new ProxyThreads().newThread(loop);
        thread.start();
    }

    /**
     * Starts a proxy on a free port of 127.0.0.1, in {@link Mode#PASS}.
     *
     * @param targetHost the host connections are forwarded to
     * @param targetPort its port
     * @return the running proxy
     * @throws UncheckedIOException if no port could be bound
     */
    public static TcpProxy start(String targetHost, int targetPort) {
        return start(targetHost, targetPort, 0);
    }

    /**
     * Starts a proxy on a given port of 127.0.0.1 (for instance the port of a proxy closed just before, to play a
     * server that comes back on the same address), in {@link Mode#PASS}.
     *
     * @param targetHost the host connections are forwarded to
     * @param targetPort its port
     * @param listenPort the port to listen on, 0 for a free one
     * @return the running proxy
     * @throws UncheckedIOException if the port cannot be bound
     * @throws IllegalArgumentException if a port is out of range
     */
    public static TcpProxy start(String targetHost, int targetPort, int listenPort) {
        Objects.requireNonNull(targetHost, "targetHost");
        InetSocketAddress target = new InetSocketAddress(targetHost, targetPort);
        try {
            InetSocketAddress listen = new InetSocketAddress(InetAddress.getByName(HOST), listenPort);
            return new TcpProxy(target, ProxyLoop.bind(listen, target));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + HOST + ":" + listenPort, e);
        }
    }

    /** @return {@code 127.0.0.1}, where the proxy listens */
    public String host() {
        return HOST;
    }

    /** @return the port the proxy listens on */
    public int port() {
        return loop.port();
    }

    /** @return where connections are forwarded */
    public InetSocketAddress target() {
        return target;
    }

    /** @return the current mode */
    public Mode mode() {
        return loop.mode();
    }

    /**
     * Switches the mode and waits until the switch took effect: connections it closes are closed on return, and
     * connections it silences forward no further byte.
     *
     * @param mode the new mode
     * @throws IllegalStateException if the proxy is closed or its thread does not answer
     */
    public void switchTo(Mode mode) {
        Objects.requireNonNull(mode, "mode");
        if (closed.get()) {
            throw new IllegalStateException("TcpProxy on port " + port() + " is closed");
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.submit(() -> {
            loop.apply(mode);
            done.complete(null);
        });
        try {
            done.get(THREAD_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while switching the proxy to " + mode, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The proxy thread did not switch to " + mode + " within "
                    + THREAD_BOUND.toSeconds() + " s", e);
        }
    }

    /** @return connections forwarded to the target so far (counted once the target accepted them) */
    public int proxied() {
        return loop.proxied();
    }

    /**
     * Returns the connections closed without being forwarded: accepted in {@link Mode#REFUSE}, or hung up on
     * because the target refused them or did not answer within 5 s.
     *
     * @return that count so far
     */
    public int refused() {
        return loop.refused();
    }

    /** @return connections accepted in {@link Mode#BLACKHOLE} and left unanswered so far */
    public int blackholed() {
        return loop.blackholed();
    }

    /** Closes every connection and stops the proxy's thread (waiting up to 5 s for it). Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        loop.stop();
        try {
            thread.join(THREAD_BOUND.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "TcpProxy[" + HOST + ':' + port() + " -> " + target.getHostString() + ':' + target.getPort() + ", "
                + mode() + (closed.get() ? ", closed" : "") + ']';
    }
}
