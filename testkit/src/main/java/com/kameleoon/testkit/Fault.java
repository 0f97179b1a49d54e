package com.kameleoon.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour that {@link KameleoonTestServer} applies to requests of one {@link Endpoint}; an immutable value
 * built by the static factories, optionally limited with {@link #times(int)}.
 *
 * <pre>{@code
 * server.inject(Endpoint.TRACKING, Fault.status(503).times(2));     // two 503s, then normal answers
 * server.inject(Endpoint.CONFIGURATION, Fault.delay(Duration.ofSeconds(3)));
 * server.inject(Endpoint.TOKEN, Fault.reset().times(1));            // the client sees an IOException
 * }</pre>
 *
 * <p>A faulted request is still recorded, with {@link RecordedRequest#fault()} set. Thread-safe (immutable).
 */
public final class Fault {

    /** What a fault does. */
    enum Kind { STATUS, DELAY, RESET, SLOW_BODY }

    /** {@link #count()} of a fault that applies to every request until {@link KameleoonTestServer#clearFaults()}. */
    static final int FOREVER = -1;

    /** Bytes per chunk written by {@link #slowBody(Duration)}. */
    static final int SLOW_BODY_CHUNK_BYTES = 16;

    private final Kind kind;
    private final int status;
    private final Duration duration;
    private final int count;

    private Fault(Kind kind, int status, Duration duration, int count) {
        this.kind = kind;
        this.status = status;
        this.duration = duration;
        this.count = count;
    }

    /**
     * Answers with the given status instead of the normal answer: no body for 1xx, 204 and 304, otherwise a short
     * {@code text/plain} body naming the fault.
     *
     * @param code an HTTP status, 100 to 599
     * @return the fault, applying to every request until limited with {@link #times(int)}
     * @throws IllegalArgumentException if {@code code} is not between 100 and 599
     */
    public static Fault status(int code) {
        if (code < 100 || code > 599) {
            throw new IllegalArgumentException("HTTP status must be between 100 and 599: " + code);
        }
        return new Fault(Kind.STATUS, code, null, FOREVER);
    }

    /**
     * Waits before answering normally. The request is recorded (and tracking lines captured) on arrival; only the
     * answer is late. On {@link Endpoint#SSE} the stream opens late.
     *
     * @param delay how long to wait; not negative
     * @return the fault, applying to every request until limited with {@link #times(int)}
     */
    public static Fault delay(Duration delay) {
        return new Fault(Kind.DELAY, 0, requireNonNegative(delay, "delay"), FOREVER);
    }

    /**
     * Closes the connection without sending any byte of a response, so that the client sees an I/O error.
     *
     * <p>Note: {@code java.net.http.HttpClient} (JDK 17) transparently retries an idempotent request (GET) once
     * when the connection closes before any response byte, as it would after a real connection reset. That retry is
     * a second request and consumes a second application of this fault: {@code Fault.reset().times(1)} on a GET
     * endpoint is absorbed by the client (both requests are recorded); use {@code times(2)} for one failed call.
     * POST requests (token, tracking) are not retried.
     *
     * @return the fault, applying to every request until limited with {@link #times(int)}
     */
    public static Fault reset() {
        return new Fault(Kind.RESET, 0, null, FOREVER);
    }

    /**
     * Sends the normal answer, but its body in chunks of 16 bytes with a pause after each chunk but the last, so
     * the body completes, slowly. An answer without a body (e.g. tracking's 204) is sent after one pause. On
     * {@link Endpoint#SSE} every frame written to the stream is sent that way.
     *
     * @param perChunk the pause after each chunk; not negative
     * @return the fault, applying to every request until limited with {@link #times(int)}
     */
    public static Fault slowBody(Duration perChunk) {
        return new Fault(Kind.SLOW_BODY, 0, requireNonNegative(perChunk, "perChunk"), FOREVER);
    }

    /**
     * Limits this fault to the next {@code n} requests of its endpoint; after them, requests are answered normally
     * (or by the next injected fault).
     *
     * @param n how many requests; at least 1
     * @return a copy of this fault with the limit
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public Fault times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + n);
        }
        return new Fault(kind, status, duration, n);
    }

    Kind kind() {
        return kind;
    }

    int statusCode() {
        return status;
    }

    Duration duration() {
        return duration;
    }

    /** How many requests this fault applies to, or {@link #FOREVER}. */
    int count() {
        return count;
    }

    private static Duration requireNonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + d);
        }
        return d;
    }

    /** Faults are equal when they have the same kind, parameters and limit. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Fault)) {
            return false;
        }
        Fault other = (Fault) o;
        return kind == other.kind && status == other.status && count == other.count
                && Objects.equals(duration, other.duration);
    }

    /** A hash code consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return Objects.hash(kind, status, duration, count);
    }

    /** The factory call that builds this fault, e.g. {@code Fault.status(503).times(2)}. */
    @Override
    public String toString() {
        String base = switch (kind) {
            case STATUS -> "Fault.status(" + status + ")";
            case DELAY -> "Fault.delay(" + duration + ")";
            case RESET -> "Fault.reset()";
            case SLOW_BODY -> "Fault.slowBody(" + duration + ")";
        };
        return count == FOREVER ? base : base + ".times(" + count + ")";
    }
}
