package com.kameleoon.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The open SSE streams per site code. Thread-safe (synchronized; waiters use the monitor). */
final class SseHub {
    private final Map<String, Set<SseStream>> bySite = new HashMap<>();
    private boolean closed;

    /** @return the new stream, or null if the hub is closed (the server is stopping) */
    synchronized SseStream open(String siteCode) {
        if (closed) {
            return null;
        }
        SseStream stream = new SseStream(siteCode);
        bySite.computeIfAbsent(siteCode, s -> new LinkedHashSet<>()).add(stream);
        notifyAll();
        return stream;
    }

    synchronized void remove(SseStream stream) {
        Set<SseStream> streams = bySite.get(stream.siteCode());
        if (streams != null && streams.remove(stream)) {
            if (streams.isEmpty()) {
                bySite.remove(stream.siteCode());
            }
            notifyAll();
        }
    }

    synchronized void send(String siteCode, String frame) {
        bySite.getOrDefault(siteCode, Set.of()).forEach(s -> s.send(frame));
    }

    synchronized void sendToAll(String frame) {
        bySite.values().forEach(streams -> streams.forEach(s -> s.send(frame)));
    }

    synchronized int count(String siteCode) {
        return bySite.getOrDefault(siteCode, Set.of()).size();
    }

    /** Ends the site's streams and forgets them at once (they no longer count as open). */
    synchronized void close(String siteCode) {
        Set<SseStream> streams = bySite.remove(siteCode);
        if (streams != null) {
            streams.forEach(SseStream::end);
            notifyAll();
        }
    }

    /** Ends every stream and refuses new ones. */
    synchronized void closeAll() {
        closed = true;
        List<String> sites = new ArrayList<>(bySite.keySet());
        sites.forEach(this::close);
    }

    /** Blocks until the site has exactly {@code n} open streams. */
    synchronized void await(String siteCode, int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count(siteCode) != n) {
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                throw new AssertionError("expected " + n + " open SSE stream(s) for site " + siteCode + " within "
                        + timeout + ", but " + count(siteCode) + " are open");
            }
            try {
                wait(remainingMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }
}
