package com.kameleoon.internal.unit;

import com.kameleoon.integration.RequestFacts;
import com.kameleoon.integration.UnitStats;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.internal.visitor.VisitorStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Applies a request's {@link RequestFacts} to its visitor lazily: the first time any call of the request loads the
 * visitor, the facts are applied once. Requests that never load the visitor therefore never read the store. When two
 * requests of one visitor overlap, the later one's facts are the ones applied. Thread-safe.
 */
public final class FirstTouchStore implements VisitorStore {
    private final VisitorStore delegate;
    private final BiConsumer<String, RequestFacts> applier;
    private final Map<String, RequestFacts> pending = new ConcurrentHashMap<>();

    /**
     * @param delegate the store that holds the visitors
     * @param applier applies facts to a visitor (called outside any lock of this store)
     */
    public FirstTouchStore(VisitorStore delegate, BiConsumer<String, RequestFacts> applier) {
        this.delegate = delegate;
        this.applier = applier;
    }

    /**
     * Opens a request's unit and parks its facts until the visitor is first loaded.
     *
     * @param visitorCode the visitor
     * @param facts what the request says
     */
    public void beginRequest(String visitorCode, RequestFacts facts) {
        delegate.begin(visitorCode);
        if (facts.shapesEvaluation() || facts.userAgent() != null) {
            pending.put(visitorCode, facts);
        }
    }

    /**
     * Ends a request's unit.
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
    public void commitNow(String visitorCode) {
        delegate.commitNow(visitorCode);
    }

    @Override
    public void addLines(String visitorCode, List<String> lines) {
        delegate.addLines(visitorCode, lines);
    }

    @Override
    public UnitStats unitStats() {
        return delegate.unitStats();
    }

    @Override
    public com.kameleoon.integration.CommitStats commitStats() {
        return delegate.commitStats();
    }

    /** @return the wrapped store */
    public VisitorStore delegate() {
        return delegate;
    }

    @Override
    public void close() {
        pending.clear();
        delegate.close();
    }
}
