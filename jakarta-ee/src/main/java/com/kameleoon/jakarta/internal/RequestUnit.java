package com.kameleoon.jakarta.internal;

import com.kameleoon.exceptions.KameleoonException;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;

/**
 * One request's unit of work in the store: opened by the filter, ended exactly once, when the request ends
 * (synchronously, or when an async request completes, fails or times out), also when the application threw.
 * Thread-safe: an async request may end on another thread than the one that opened it.
 */
public final class RequestUnit implements AsyncListener {
    private final RequestFactsStore store;
    private final RequestBinding binding;
    private boolean open;

    /**
     * @param store the store
     * @param binding the request's visitor
     */
    public RequestUnit(RequestFactsStore store, RequestBinding binding) {
        this.store = store;
        this.binding = binding;
    }

    /** Opens the unit. */
    public synchronized void begin() {
        store.beginRequest(binding.visitorCode(), binding.facts());
        open = true;
    }

    /** Ends the unit, writing the request's changes; later calls do nothing. */
    public synchronized void end() {
        if (open) {
            open = false;
            store.endRequest(binding.visitorCode(), binding.facts());
        }
    }

    /**
     * Writes the changes so far and keeps the unit open; does nothing once the unit has ended.
     *
     * @throws KameleoonException when the write failed (the changes are kept for a later attempt)
     */
    public synchronized void commitNow() {
        if (open) {
            boolean written = store.endConfirmed(binding.visitorCode());
            store.begin(binding.visitorCode());
            if (!written) {
                throw new KameleoonException("the changes of visitor " + binding.visitorCode() + " could not be "
                        + "written now (see the log); they are kept and written later");
            }
        }
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
