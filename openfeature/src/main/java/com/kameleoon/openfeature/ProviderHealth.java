package com.kameleoon.openfeature;

import com.kameleoon.ConfigurationFetch;

/**
 * The provider's view of its configuration, driven by the client's fetch outcomes: which OpenFeature event a fetch
 * calls for. A failed refresh while a datafile is in force makes the provider STALE (it still evaluates, from the
 * last datafile); a failure before any datafile keeps it in ERROR; the next successful fetch makes it READY again.
 * Each transition is reported once, however many fetches fail in a row. Thread-safe.
 */
final class ProviderHealth {

    /** What the provider tells OpenFeature after a fetch. */
    enum Transition {
        NONE, READY, STALE, ERROR
    }

    private enum State {
        STARTING, READY, STALE, ERROR
    }

    private State state = State.STARTING;

    /** Called when {@code initialize} saw the first datafile. */
    synchronized void initialized() {
        state = State.READY;
    }

    /** Called when {@code initialize} gave up waiting for the first datafile. */
    synchronized void initializationFailed() {
        state = State.ERROR;
    }

    /**
     * @param fetch what the client's fetch did
     * @param configurationLoaded whether the client holds a datafile now
     * @return the event to emit
     */
    synchronized Transition after(ConfigurationFetch fetch, boolean configurationLoaded) {
        if (fetch.succeeded()) {
            if ((state == State.STALE || state == State.ERROR) && configurationLoaded) {
                state = State.READY;
                return Transition.READY;
            }
            return Transition.NONE;
        }
        if (state == State.READY) {
            state = State.STALE;
            return Transition.STALE;
        }
        return Transition.NONE;
    }
}
