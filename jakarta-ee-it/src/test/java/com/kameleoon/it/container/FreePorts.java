package com.kameleoon.it.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Finds 127.0.0.1 TCP ports nobody listens on. A port found free can still be taken before the container binds
 * it; the containers then fail to start with a bind error in their log, which is rare enough for tests.
 * Thread-safe (stateless).
 */
public final class FreePorts {
    /** The only interface the containers bind to. */
    static final InetAddress LOOPBACK = loopback();

    private FreePorts() {
    }

    private static InetAddress loopback() {
        try {
            // By address, not getLoopbackAddress(): that may answer ::1 when IPv6 is preferred.
            return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a port the operating system just handed out on 127.0.0.1 and that is free again now */
    public static int allocate() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(LOOPBACK, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    /**
     * @param port a TCP port
     * @return whether it can be bound on 127.0.0.1 right now
     */
    public static boolean isFree(int port) {
        if (port <= 0 || port > 65535) {
            return false;
        }
        // No SO_REUSEADDR: a port in TIME_WAIT from a container that just stopped should count as taken.
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(LOOPBACK, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
