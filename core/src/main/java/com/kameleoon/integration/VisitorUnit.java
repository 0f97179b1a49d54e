package com.kameleoon.integration;

import com.kameleoon.exceptions.UnitNotStored;
import com.kameleoon.internal.DefaultKameleoonClient;

/**
 * One request's unit of work on its visitor, opened by {@link KameleoonRequests#open}. Calls of the client with
 * this visitor's code join the unit; the visitor is loaded once, the first time a call needs it. {@link #end()}
 * writes what the unit changed and its tracking lines together (or keeps them together for a later write when the
 * store is down); {@link #commit()} stores them now or reports that nothing was stored. Thread-safe: an async
 * request may end on another thread than the one that opened it.
 */
public final class VisitorUnit {
    private final DefaultKameleoonClient client;
    private final String visitorCode;
    private final RequestFacts facts;
    private boolean open = true;

    VisitorUnit(DefaultKameleoonClient client, String visitorCode, RequestFacts facts) {
        this.client = client;
        this.visitorCode = visitorCode;
        this.facts = facts;
    }

    /** @return the visitor's code */
    public String visitorCode() {
        return visitorCode;
    }

    /**
     * Stores the unit's changes and tracking lines so far, confirmed, and keeps the unit open. Call it before
     * acknowledging something the visitor did (a purchase): when it throws, nothing of the unit so far is stored,
     * and a retry of the whole request yields the changes exactly once.
     *
     * @throws UnitNotStored when the store could not take them (they are dropped)
     * @throws com.kameleoon.exceptions.UnitOutcomeUnknown when the store was cut off during the commit: they may or
     *         may not be stored, so a retry may record them twice
     * @throws IllegalStateException when the unit has ended
     */
    public synchronized void commit() {
        if (!open) {
            throw new IllegalStateException("the unit of visitor " + visitorCode + " has ended");
        }
        client.commitUnit(visitorCode);
    }

    /** Ends the unit, writing what it changed; later calls do nothing. Never throws. */
    public synchronized void end() {
        if (open) {
            open = false;
            client.endUnit(visitorCode, facts);
        }
    }

    /** @return true until {@link #end()} */
    public synchronized boolean isOpen() {
        return open;
    }

    @Override
    public String toString() {
        return "VisitorUnit[" + visitorCode + "]";
    }
}
