package com.kameleoon.testkit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One client connection of {@link TcpProxy}: the accepted channel, the channel to the target (none while the
 * connection is held unanswered), and one buffer per direction. Bytes move only when {@link #transfer()} is
 * called, so a connection that is merely left alone stays silent both ways. Confined to the proxy's selector
 * thread: not thread-safe.
 */
final class ProxiedConnection {
    private static final int BUFFER_BYTES = 16 * 1024;

    private final SocketChannel client;
    private final SocketChannel upstream;
    private final long connectDeadlineNanos;
    private final Direction toTarget;
    private final Direction toClient;
    private SelectionKey clientKey;
    private SelectionKey upstreamKey;
    private boolean connected;

    private ProxiedConnection(SocketChannel client, SocketChannel upstream, long connectDeadlineNanos) {
        this.client = client;
        this.upstream = upstream;
        this.connectDeadlineNanos = connectDeadlineNanos;
        this.toTarget = upstream == null ? null : new Direction(client, upstream);
        this.toClient = upstream == null ? null : new Direction(upstream, client);
    }

    /** A connection accepted during a blackhole: registered with no interest, never connected to the target. */
    static ProxiedConnection held(SocketChannel client, Selector selector) throws IOException {
        ProxiedConnection connection = new ProxiedConnection(client, null, 0);
        connection.clientKey = client.register(selector, 0, connection);
        return connection;
    }

    /** A connection whose channel to the target is connecting; nothing is read from the client until it is. */
    static ProxiedConnection connecting(SocketChannel client, SocketChannel upstream, Selector selector,
            long connectDeadlineNanos) throws IOException {
        ProxiedConnection connection = new ProxiedConnection(client, upstream, connectDeadlineNanos);
        connection.clientKey = client.register(selector, 0, connection);
        connection.upstreamKey = upstream.register(selector, SelectionKey.OP_CONNECT, connection);
        return connection;
    }

    /** @return true once the channel to the target is connected */
    boolean isConnected() {
        return connected;
    }

    /** @return true when the channel to the target is still connecting past its deadline */
    boolean connectOverdue(long nowNanos) {
        return upstream != null && !connected && nowNanos - connectDeadlineNanos > 0;
    }

    /**
     * Completes the connection to the target.
     *
     * @return true when connected now
     * @throws IOException when the target refused or is unreachable
     */
    boolean finishConnect() throws IOException {
        if (!connected && upstream.finishConnect()) {
            connected = true;
        }
        return connected;
    }

    /**
     * Moves what can be moved without blocking, both ways, and shuts an output down once its input ended and
     * everything before the end was written, so that a half-close reaches the other side.
     *
     * @throws IOException when either side failed; the caller closes the connection
     */
    void transfer() throws IOException {
        toTarget.transfer();
        toClient.transfer();
    }

    /** @return true when both directions have ended: nothing more can flow */
    boolean finished() {
        return toTarget != null && toTarget.shutDown && toClient.shutDown;
    }

    /** Asks the selector for what {@link #transfer()} needs next: reads where there is room, writes where data waits. */
    void updateInterest() {
        if (!connected) {
            return;
        }
        setInterest(clientKey, toTarget.readInterest() | toClient.writeInterest());
        setInterest(upstreamKey, toClient.readInterest() | toTarget.writeInterest());
    }

    /** Stops every read and write: the selector no longer reports this connection, so no byte moves. */
    void silence() {
        setInterest(clientKey, 0);
        if (upstreamKey != null) {
            setInterest(upstreamKey, 0);
        }
    }

    /** Closes both channels; buffered bytes are dropped. */
    void close() {
        closeQuietly(client);
        if (upstream != null) {
            closeQuietly(upstream);
        }
    }

    private static void setInterest(SelectionKey key, int ops) {
        if (key.isValid()) {
            key.interestOps(ops);
        }
    }

    static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // already closed or reset: nothing left to release
        }
    }

    /** One direction: bytes read from {@code from} wait in {@code buffer} (fill mode) until written to {@code to}. */
    private static final class Direction {
        private final SocketChannel from;
        private final SocketChannel to;
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
        private boolean ended;
        private boolean shutDown;

        Direction(SocketChannel from, SocketChannel to) {
            this.from = from;
            this.to = to;
        }

        void transfer() throws IOException {
            if (!ended && buffer.hasRemaining() && from.read(buffer) < 0) {
                ended = true;
            }
            if (buffer.position() > 0) {
                buffer.flip();
                to.write(buffer);
                buffer.compact();
            }
            if (ended && buffer.position() == 0 && !shutDown) {
                to.shutdownOutput();
                shutDown = true;
            }
        }

        int readInterest() {
            return !ended && buffer.hasRemaining() ? SelectionKey.OP_READ : 0;
        }

        int writeInterest() {
            return buffer.position() > 0 ? SelectionKey.OP_WRITE : 0;
        }
    }
}
