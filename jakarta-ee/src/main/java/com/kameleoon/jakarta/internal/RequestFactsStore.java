package com.kameleoon.jakarta.internal;

import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.spi.VisitorStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Wraps the real store so that a request's {@link RequestFacts} reach its visitor lazily: the first time any code
 * of the request loads the visitor, the facts are applied once (through the client's public methods). Requests
 * that never load the visitor, static files for instance, therefore never read the store. When two requests of
 * one visitor overlap, the later one's facts are the ones applied. Thread-safe.
 */
public final class RequestFactsStore implements VisitorStore {
    private final VisitorStore delegate;
    private final Map<String, RequestFacts> pending = new ConcurrentHashMap<>();
    private volatile BiConsumer<String, RequestFacts> applier = (code, facts) -> { };

    /** @param delegate the store that holds the visitors */
    public RequestFactsStore(VisitorStore delegate) {
        this.delegate = delegate;
    }

    /** @param newApplier applies the facts to a visitor (called outside any lock of this store) */
    public void bindApplier(BiConsumer<String, RequestFacts> newApplier) {
        this.applier = newApplier;
    }

    /** @return the wrapped store */
    public VisitorStore delegate() {
        return delegate;
    }

    /**
     * Opens the request's unit of work and parks its facts until the visitor is first loaded.
     *
     * @param visitorCode the visitor
     * @param facts what the request says about the visitor
     */
    public void beginRequest(String visitorCode, RequestFacts facts) {
        delegate.begin(visitorCode);
        pending.put(visitorCode, facts);
    }

    /**
     * Ends the request's unit of work: the visitor's changes and tracking lines are written now.
     *
     * @param visitorCode the visitor
     * @param facts the facts given to {@link #beginRequest}
     */
    public void endRequest(String visitorCode, RequestFacts facts) {
        pending.remove(visitorCode, facts);
        delegate.end(visitorCode);
    }

    @Override
    public Visitor get(String visitorCode) {
        Visitor visitor = delegate.get(visitorCode);
        if (visitor != null) {
            applyPending(visitorCode);
            return visitor;
        }
        RequestFacts facts = pending.isEmpty() ? null : pending.get(visitorCode);
        // Consent and simulation change how a new visitor is evaluated: the visitor must exist to carry them.
        return facts != null && facts.shapesEvaluation() ? getOrCreate(visitorCode) : null;
    }

    @Override
    public Visitor getOrCreate(String visitorCode) {
        Visitor visitor = delegate.getOrCreate(visitorCode);
        applyPending(visitorCode);
        return visitor;
    }

    private void applyPending(String visitorCode) {
        if (pending.isEmpty()) {
            return;
        }
        RequestFacts facts = pending.remove(visitorCode);
        if (facts != null) {
            applier.accept(visitorCode, facts);
        }
    }

    @Override
    public void link(String otherCode, Visitor visitor) {
        delegate.link(otherCode, visitor);
    }

    @Override
    public void forEach(BiConsumer<String, Visitor> action) {
        delegate.forEach(action);
    }

    @Override
    public int size() {
        return delegate.size();
    }

    @Override
    public void begin(String visitorCode) {
        delegate.begin(visitorCode);
    }

    @Override
    public void end(String visitorCode) {
        delegate.end(visitorCode);
    }

    @Override
    public boolean endConfirmed(String visitorCode) {
        return delegate.endConfirmed(visitorCode);
    }

    @Override
    public void close() {
        pending.clear();
        delegate.close();
    }
}
