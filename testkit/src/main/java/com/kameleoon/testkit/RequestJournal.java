package com.kameleoon.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Everything the server received, per endpoint, plus the tracking lines it accepted; waiters are woken on every
 * arrival. Thread-safe (one lock).
 */
final class RequestJournal {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final Map<Endpoint, List<RecordedRequest>> byEndpoint = new EnumMap<>(Endpoint.class);
    private final List<RecordedRequest> unmatched = new ArrayList<>();
    private final List<String> trackingLines = new ArrayList<>();

    RequestJournal() {
        for (Endpoint endpoint : Endpoint.values()) {
            byEndpoint.put(endpoint, new ArrayList<>());
        }
    }

    /**
     * Records a request. The lines of a tracking request count as tracking lines when the answer is one the SDK
     * takes as delivered (2xx or 403, docs/wire-format.md#status-codes) and no fault replaced the answer.
     */
    void record(RecordedRequest request) {
        lock.lock();
        try {
            if (request.endpoint() == null) {
                unmatched.add(request);
            } else {
                byEndpoint.get(request.endpoint()).add(request);
                if (request.endpoint() == Endpoint.TRACKING && delivered(request)) {
                    trackingLines.addAll(request.bodyLines());
                }
            }
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static boolean delivered(RecordedRequest request) {
        int status = request.responseStatus();
        boolean expected = (status >= 200 && status < 300) || status == 403;
        boolean faultReplacedAnswer = request.fault() != null
                && (request.fault().kind() == Fault.Kind.STATUS || request.fault().kind() == Fault.Kind.RESET);
        return expected && !faultReplacedAnswer;
    }

    List<RecordedRequest> requests(Endpoint endpoint) {
        return read(() -> List.copyOf(byEndpoint.get(endpoint)));
    }

    List<RecordedRequest> unmatched() {
        return read(() -> List.copyOf(unmatched));
    }

    List<String> trackingLines() {
        return read(() -> List.copyOf(trackingLines));
    }

    void clearTracking() {
        lock.lock();
        try {
            byEndpoint.get(Endpoint.TRACKING).clear();
            trackingLines.clear();
        } finally {
            lock.unlock();
        }
    }

    void clearAll() {
        lock.lock();
        try {
            byEndpoint.values().forEach(List::clear);
            unmatched.clear();
            trackingLines.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until at least {@code n} tracking lines were accepted; see {@link KameleoonTestServer#awaitTrackingLines}. */
    List<String> awaitTrackingLines(int n, Duration timeout) {
        lock.lock();
        try {
            if (!awaitLocked(() -> trackingLines.size() >= n, timeout)) {
                List<RecordedRequest> requests = byEndpoint.get(Endpoint.TRACKING);
                StringBuilder message = new StringBuilder()
                        .append("expected at least ").append(n).append(" tracking line(s) within ").append(timeout)
                        .append(", but ").append(trackingLines.size()).append(" arrived: ").append(trackingLines)
                        .append("; tracking requests (").append(requests.size()).append("): ").append(requests);
                throw new AssertionError(message.toString());
            }
            return List.copyOf(trackingLines);
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until the accepted tracking lines satisfy {@code done}; false on timeout. */
    boolean awaitTrackingLines(Predicate<List<String>> done, Duration timeout) {
        lock.lock();
        try {
            return awaitLocked(() -> done.test(List.copyOf(trackingLines)), timeout);
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until at least {@code n} requests of the endpoint were recorded. */
    List<RecordedRequest> awaitRequests(Endpoint endpoint, int n, Duration timeout) {
        lock.lock();
        try {
            List<RecordedRequest> requests = byEndpoint.get(endpoint);
            if (!awaitLocked(() -> requests.size() >= n, timeout)) {
                throw new AssertionError("expected at least " + n + " " + endpoint + " request(s) within " + timeout
                        + ", but " + requests.size() + " arrived: " + requests);
            }
            return List.copyOf(requests);
        } finally {
            lock.unlock();
        }
    }

    private boolean awaitLocked(BooleanSupplier done, Duration timeout) {
        long remaining = timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (remaining <= 0) {
                return false;
            }
            try {
                remaining = arrived.awaitNanos(remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
        return true;
    }

    private <T> T read(Supplier<T> reader) {
        lock.lock();
        try {
            return reader.get();
        } finally {
            lock.unlock();
        }
    }
}
