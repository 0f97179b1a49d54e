package com.kameleoon.persistence.resilience;

import com.kameleoon.internal.NamedThreadFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 between a connection pool and its database, to cut the database off: {@link #cut()}
 * closes every proxied connection and, until {@link #restore()}, accepts new ones only to close them at once (the
 * driver sees the server hang up, as when it restarts). Thread-safe; {@link #close()} stops its threads.
 */
final class TcpProxy implements AutoCloseable {
    private final InetSocketAddress target;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(new NamedThreadFactory("test-proxy"));
    private final Object lock = new Object();
    private final Set<Socket> open = new HashSet<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger proxied = new AtomicInteger();
    private boolean cut;

    /**
     * Starts listening on a free port of 127.0.0.1.
     *
     * @param targetHost the database host
     * @param targetPort the database port
     * @throws IOException when no port can be bound
     */
    TcpProxy(String targetHost, int targetPort) throws IOException {
        this.target = new InetSocketAddress(targetHost, targetPort);
        this.server = new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
        threads.execute(this::acceptLoop);
    }

    /** @return the port the proxy listens on */
    int port() {
        return server.getLocalPort();
    }

    /** @return connections accepted and closed at once while cut */
    int refused() {
        return refused.get();
    }

    /** @return connections proxied so far */
    int proxied() {
        return proxied.get();
    }

    /** Closes every open connection and refuses new ones until {@link #restore()}. */
    void cut() {
        synchronized (lock) {
            cut = true;
            open.forEach(TcpProxy::closeQuietly);
            open.clear();
        }
    }

    /** Proxies new connections again. */
    void restore() {
        synchronized (lock) {
            cut = false;
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            synchronized (lock) {
                if (cut) {
                    refused.incrementAndGet();
                    closeQuietly(client);
                    continue;
                }
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(target, 2_000);
            } catch (IOException e) {
                closeQuietly(client);
                closeQuietly(upstream);
                continue;
            }
            synchronized (lock) {
                if (cut) {
                    refused.incrementAndGet();
                    closeQuietly(client);
                    closeQuietly(upstream);
                    continue;
                }
                open.add(client);
                open.add(upstream);
            }
            proxied.incrementAndGet();
            threads.execute(() -> pump(client, upstream));
            threads.execute(() -> pump(upstream, client));
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed or was cut
        } finally {
            synchronized (lock) {
                open.remove(from);
                open.remove(to);
            }
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        cut();
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
