package com.kameleoon.testkit;

import com.kameleoon.testkit.TcpProxy.Mode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The selector loop of one {@link TcpProxy}: accepts on the listening channel, connects to the target and moves
 * bytes, all on one thread, so a proxy costs one thread whatever the number of connections. Other threads only
 * {@link #submit} commands (run on the loop thread, between two selects) and read the counters; the connections
 * and the mode's side effects are confined to the loop thread.
 */
final class ProxyLoop implements Runnable {
    /** How long a connection to the target may take before the client is hung up on. */
    private static final Duration CONNECT_BOUND = Duration.ofSeconds(5);
    /** How often overdue connects are looked for while some are pending. */
    private static final long CONNECT_CHECK_MILLIS = 250;

    private final Selector selector;
    private final ServerSocketChannel server;
    private final InetSocketAddress target;
    private final int port;
    private final Set<ProxiedConnection> connections = new LinkedHashSet<>();
    private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final AtomicInteger proxied = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger blackholed = new AtomicInteger();
    private volatile Mode mode = Mode.PASS;
    private volatile boolean stopping;

    private ProxyLoop(Selector selector, ServerSocketChannel server, InetSocketAddress target) {
        this.selector = selector;
        this.server = server;
        this.target = target;
        this.port = server.socket().getLocalPort();
    }

    /**
     * Binds the listening channel; the caller runs the loop on a thread.
     *
     * @param listen the address to listen on (port 0 for a free one)
     * @param target where connections are forwarded
     * @throws IOException when the address cannot be bound
     */
    static ProxyLoop bind(InetSocketAddress listen, InetSocketAddress target) throws IOException {
        Selector selector = Selector.open();
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            // A test may restart a proxy on the port of one it just closed, like a restarted server.
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(listen);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
            return new ProxyLoop(selector, server, target);
        } catch (IOException | RuntimeException e) {
            server.close();
            selector.close();
            throw e;
        }
    }

    int port() {
        return port;
    }

    Mode mode() {
        return mode;
    }

    int proxied() {
        return proxied.get();
    }

    int refused() {
        return refused.get();
    }

    int blackholed() {
        return blackholed.get();
    }

    /** Runs {@code command} on the loop thread before the next select. */
    void submit(Runnable command) {
        commands.add(command);
        selector.wakeup();
    }

    /** Ends the loop: every connection and the listening channel are closed on the loop thread. */
    void stop() {
        stopping = true;
        selector.wakeup();
    }

    /**
     * Switches the mode; runs on the loop thread (through {@link #submit}). Leaving a blackhole closes what it
     * held, since a client cannot know how much of its stream got through; a refusal closes everything at once.
     */
    void apply(Mode next) {
        Mode previous = mode;
        if (next == previous) {
            return;
        }
        mode = next;
        if (previous == Mode.BLACKHOLE || next == Mode.REFUSE) {
            closeAll();
        } else if (next == Mode.BLACKHOLE) {
            connections.forEach(ProxiedConnection::silence);
        }
    }

    @Override
    public void run() {
        try {
            while (!stopping) {
                runCommands();
                selector.select(connecting() ? CONNECT_CHECK_MILLIS : 0);
                Iterator<SelectionKey> selected = selector.selectedKeys().iterator();
                while (selected.hasNext()) {
                    SelectionKey key = selected.next();
                    selected.remove();
                    if (key.isValid()) {
                        handle(key);
                    }
                }
                closeOverdueConnects();
            }
        } catch (IOException e) {
            // The selector itself failed: nothing can be served any more; close below.
        } finally {
            runCommands(); // release callers waiting on a command
            closeAll();
            closeQuietly();
        }
    }

    private void handle(SelectionKey key) {
        if (key.isAcceptable()) {
            acceptAll();
            return;
        }
        ProxiedConnection connection = (ProxiedConnection) key.attachment();
        if (mode != Mode.PASS) {
            return; // silenced or already closed: a stale readiness, nothing may move
        }
        try {
            if (key.isConnectable()) {
                if (connection.finishConnect()) {
                    proxied.incrementAndGet();
                } else {
                    return;
                }
            }
            connection.transfer();
            if (connection.finished()) {
                close(connection);
            } else {
                connection.updateInterest();
            }
        } catch (IOException e) {
            if (!connection.isConnected()) {
                refused.incrementAndGet(); // the target did not answer: the client is hung up on
            }
            close(connection);
        }
    }

    private void acceptAll() {
        SocketChannel client;
        while ((client = acceptOne()) != null) {
            try {
                client.configureBlocking(false);
                switch (mode) {
                    case PASS:
                        connect(client);
                        break;
                    case REFUSE:
                        refused.incrementAndGet();
                        ProxiedConnection.closeQuietly(client);
                        break;
                    case BLACKHOLE:
                        blackholed.incrementAndGet();
                        connections.add(ProxiedConnection.held(client, selector));
                        break;
                    default:
                        throw new AssertionError(mode);
                }
            } catch (IOException e) {
                ProxiedConnection.closeQuietly(client);
            }
        }
    }

    private SocketChannel acceptOne() {
        try {
            return server.accept();
        } catch (IOException e) {
            return null; // the client gave up between the readiness and the accept
        }
    }

    private void connect(SocketChannel client) throws IOException {
        SocketChannel upstream = SocketChannel.open();
        ProxiedConnection connection = null;
        try {
            upstream.configureBlocking(false);
            boolean connected = upstream.connect(target);
            connection = ProxiedConnection.connecting(client, upstream, selector,
                    System.nanoTime() + CONNECT_BOUND.toNanos());
            connections.add(connection);
            if (connected && connection.finishConnect()) {
                proxied.incrementAndGet();
                connection.updateInterest();
            }
        } catch (IOException e) {
            refused.incrementAndGet();
            if (connection != null) {
                connections.remove(connection);
            }
            ProxiedConnection.closeQuietly(upstream);
            throw e;
        }
    }

    private boolean connecting() {
        if (mode != Mode.PASS) {
            return false;
        }
        for (ProxiedConnection connection : connections) {
            if (!connection.isConnected()) {
                return true;
            }
        }
        return false;
    }

    private void closeOverdueConnects() {
        if (mode != Mode.PASS) {
            return; // a blackhole keeps even half-made connections open and silent
        }
        long now = System.nanoTime();
        for (ProxiedConnection connection : new ArrayList<>(connections)) {
            if (connection.connectOverdue(now)) {
                refused.incrementAndGet();
                close(connection);
            }
        }
    }

    private void runCommands() {
        Runnable command;
        while ((command = commands.poll()) != null) {
            command.run();
        }
    }

    private void close(ProxiedConnection connection) {
        connections.remove(connection);
        connection.close();
    }

    private void closeAll() {
        connections.forEach(ProxiedConnection::close);
        connections.clear();
    }

    private void closeQuietly() {
        try {
            server.close();
        } catch (IOException e) {
            // nothing left to release
        }
        try {
            selector.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
