package com.kameleoon.jakarta.internal;

import com.kameleoon.integration.VisitorUnit;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;

/**
 * Ends a request's {@link VisitorUnit} exactly once, when the request ends: synchronously, or when an async request
 * completes, fails or times out, also when the application threw. Thread-safe: an async request may end on another
 * thread than the one that opened it.
 */
public final class RequestUnit implements AsyncListener {
    private final VisitorUnit unit;

    /** @param unit the request's unit of work */
    public RequestUnit(VisitorUnit unit) {
        this.unit = unit;
    }

    /** Ends the unit, writing the request's changes; later calls do nothing. */
    public void end() {
        unit.end();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        end();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        end();
    }

    @Override
    public void onError(AsyncEvent event) {
        end();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // A restarted async cycle needs the listener again to hear its end.
        event.getAsyncContext().addListener(this);
    }
}
