package com.kameleoon.internal.unit;

import com.kameleoon.integration.UnitStats;
import com.kameleoon.internal.visitor.LegalConsent;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.internal.visitor.VisitorStore;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.spi.ItemKey;
import com.kameleoon.spi.StoreException;
import com.kameleoon.spi.StoredVisitor;
import com.kameleoon.spi.UnitSettings;
import com.kameleoon.spi.UnitWrite;
import com.kameleoon.spi.VisitorItem;
import com.kameleoon.spi.VisitorRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * Units of work over a {@link VisitorRepository}: a visitor is loaded once, the first time a unit touches it, kept
 * in memory while units of it are open on this node, and when the last one ends, what changed (items, consent,
 * links) and the tracking lines of the units become one {@link UnitWrite}, handed to the {@link GroupCommitter}.
 * The request waits for its unit to be stored, at most {@link UnitSettings#unconfirmedWaitMillis()} for an ordinary
 * unit (which is then written or buffered by the writer, never lost silently nor written twice). While the circuit
 * is open, loads answer "new visitor" at once. Thread-safe.
 */
public final class RepositoryUnits implements VisitorStore {
    private static final long FAILURE_LOG_INTERVAL_MILLIS = 10_000;
    /** How long a confirmed unit waits at most for the writer to take it. */
    static final long DEFAULT_CONFIRMED_WAIT_MILLIS = 30_000;

    private final VisitorRepository repository;
    private final LongSupplier clock;
    private final LongSupplier wallClock;
    private final long confirmedWaitMillis;
    private final UnitSettings settings;
    private final StoreCircuit circuit;
    private final GroupCommitter committer;
    private final BoundedLoader loader;
    private final Map<String, UnitSession> sessions = new ConcurrentHashMap<>();
    private volatile long lastFailureLog = Long.MIN_VALUE / 2;

    /**
     * Starts the writer.
     *
     * @param repository where visitors are
     * @param settings batching, buffer and timings
     * @param clock epoch milliseconds (visit start times)
     * @param afterWrite run after units were written (wakes the tracking relay)
     */
    public RepositoryUnits(VisitorRepository repository, UnitSettings settings, LongSupplier clock,
            Runnable afterWrite) {
        this(repository, settings, clock, afterWrite, System::currentTimeMillis, DEFAULT_CONFIRMED_WAIT_MILLIS);
    }

    /**
     * Starts the writer, with the machinery's own time.
     *
     * @param repository where visitors are
     * @param settings batching, buffer and timings
     * @param clock epoch milliseconds (visit start times)
     * @param afterWrite run after units were written (wakes the tracking relay)
     * @param wallClock epoch milliseconds for the circuit's probes and the rate of the failure logs: the machine's
     *        clock in production, apart from {@code clock}, which a test of the client may hold still
     * @param confirmedWaitMillis how long a confirmed unit waits at most for the writer to take it
     */
    RepositoryUnits(VisitorRepository repository, UnitSettings settings, LongSupplier clock, Runnable afterWrite,
            LongSupplier wallClock, long confirmedWaitMillis) {
        this.repository = repository;
        this.clock = clock;
        this.wallClock = wallClock;
        this.confirmedWaitMillis = confirmedWaitMillis;
        this.settings = settings;
        this.circuit = new StoreCircuit(wallClock, settings.probeIntervalMillis());
        this.committer = new GroupCommitter(repository, settings, circuit, wallClock, afterWrite);
        this.loader = new BoundedLoader(repository, circuit, settings.loadWaitMillis());
    }

    // ---- units of work --------------------------------------------------------------------------------

    @Override
    public void begin(String visitorCode) {
        sessions.compute(visitorCode, (code, session) -> {
            UnitSession open = session == null ? new UnitSession(code) : session;
            synchronized (open) {
                open.openUnits++;
            }
            return open;
        });
    }

    @Override
    public void end(String visitorCode) {
        UnitSession session = sessions.get(visitorCode);
        if (session == null) {
            return;
        }
        boolean last;
        synchronized (session) {
            session.openUnits--;
            last = session.openUnits <= 0;
        }
        if (!last) {
            return;
        }
        try {
            // Never throws: an unconfirmed unit is stored, kept by the writer, or counted as dropped there.
            write(session, false);
        } finally {
            sessions.computeIfPresent(visitorCode, (code, current) -> {
                synchronized (current) {
                    return current == session && current.openUnits <= 0 ? null : current;
                }
            });
        }
    }

    @Override
    public void commitNow(String visitorCode) {
        UnitSession session = sessions.get(visitorCode);
        if (session == null) {
            throw new IllegalStateException("no unit of work is open for visitor " + visitorCode);
        }
        write(session, true);
    }

    @Override
    public void addLines(String visitorCode, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        UnitSession session = sessions.get(visitorCode);
        if (session == null) {
            // Every public method opens a unit before it tracks: a pass outside one is a bug, not a reason to lose it.
            begin(visitorCode);
            try {
                addLines(visitorCode, lines);
            } finally {
                end(visitorCode);
            }
            return;
        }
        synchronized (session) {
            session.pendingLines.addAll(lines);
        }
    }

    // ---- lookups ----------------------------------------------------------------------------------------

    @Override
    public Visitor get(String visitorCode) {
        UnitSession session = sessions.get(visitorCode);
        if (session == null) {
            // Outside any unit (a background thread): a read-only view, nothing is kept.
            UnitSession transientSession = new UnitSession(visitorCode);
            load(transientSession);
            return transientSession.visitor;
        }
        synchronized (session) {
            load(session);
            return session.visitor;
        }
    }

    @Override
    public Visitor getOrCreate(String visitorCode) {
        UnitSession session = sessions.get(visitorCode);
        if (session == null) {
            begin(visitorCode);
            try {
                return getOrCreate(visitorCode);
            } finally {
                end(visitorCode);
            }
        }
        synchronized (session) {
            load(session);
            if (session.visitor == null) {
                session.visitor = new Visitor(clock.getAsLong());
            }
            return session.visitor;
        }
    }

    @Override
    public void link(String otherCode, Visitor visitor) {
        for (UnitSession session : sessions.values()) {
            synchronized (session) {
                if (session.visitor == visitor) {
                    session.linkedCodes.add(otherCode);
                    return;
                }
            }
        }
    }

    @Override
    public void forEach(BiConsumer<String, Visitor> action) {
        sessions.forEach((code, session) -> {
            Visitor visitor;
            synchronized (session) {
                visitor = session.visitor;
            }
            if (visitor != null) {
                action.accept(code, visitor);
            }
        });
    }

    @Override
    public int size() {
        return sessions.size();
    }

    @Override
    public UnitStats unitStats() {
        return committer.stats(loader.lateLoads());
    }

    @Override
    public com.kameleoon.integration.CommitStats commitStats() {
        return committer.commitStats();
    }

    /** Called with the session's monitor held. */
    private void load(UnitSession session) {
        if (session.loaded) {
            return;
        }
        session.loaded = true;
        if (circuit.isOpen()) {
            return;
        }
        try {
            StoredVisitor stored = loader.load(session.code);
            if (stored != null) {
                apply(session, stored);
            }
        } catch (BoundedLoader.Late e) {
            // Served as new: what the unit adds still merges into the stored visitor when it is written.
            reportFailure("reading visitor " + session.code + " (" + e.getMessage() + ")", null);
        } catch (RuntimeException e) {
            // Serve the request with what it adds; the next unit reads again.
            reportFailure("reading visitor " + session.code, e);
        }
    }

    private void apply(UnitSession session, StoredVisitor stored) {
        session.existedInStore = true;
        session.storedCode = stored.storedCode();
        if (stored.expired()) {
            session.expiredInStore = true;
            return;
        }
        Visitor visitor = new Visitor(stored.timeStarted());
        int unreadable = VisitorItemCodec.decode(visitor, stored.items(), session.conversionKeys);
        if (unreadable > 0) {
            KameleoonLogger.warning(unreadable + " stored items of visitor " + session.code + " could not be read");
        }
        LegalConsent consent = consentOf(stored.consent());
        visitor.setConsent(consent);
        // The stored items are the snapshot: they were written by the same encoder, so an unchanged datum encodes to
        // the same item again.
        session.loadedItems = byKey(stored.items());
        session.loadedConsent = consent;
        session.visitor = visitor;
    }

    private static Map<ItemKey, VisitorItem> byKey(List<VisitorItem> items) {
        Map<ItemKey, VisitorItem> byKey = new HashMap<>();
        for (VisitorItem item : items) {
            byKey.put(item.itemKey(), item);
        }
        return byKey;
    }

    private static LegalConsent consentOf(String stored) {
        try {
            return LegalConsent.valueOf(stored);
        } catch (RuntimeException e) {
            return LegalConsent.UNKNOWN;
        }
    }

    // ---- the end of a unit ------------------------------------------------------------------------------

    private void write(UnitSession session, boolean confirmed) {
        synchronized (session.writeLock) {
            UnitWrite write;
            List<VisitorItem> current;
            LegalConsent consent;
            synchronized (session) {
                current = null;
                consent = null;
                long timeStarted = 0;
                if (session.visitor != null) {
                    synchronized (session.visitor) {
                        current = VisitorItemCodec.encode(session.visitor, session.conversionKeys);
                        consent = session.visitor.consent();
                        timeStarted = session.visitor.timeStarted();
                    }
                }
                write = unitWrite(session, current, consent, timeStarted);
                if (write == null) {
                    return;
                }
                session.pendingLines.clear();
                if (!confirmed) {
                    // An unconfirmed unit is stored, buffered or counted as dropped: later units of this session
                    // write relative to it either way, so that counters and lines are never written twice.
                    advance(session, current, consent);
                }
            }
            CompletableFuture<UnitOutcome> outcome = committer.submit(write, confirmed);
            if (confirmed) {
                awaitConfirmed(session, write, outcome, current, consent);
            } else {
                awaitBriefly(outcome);
            }
        }
    }

    /** @return the unit's write, or null when it changed nothing */
    private UnitWrite unitWrite(UnitSession session, List<VisitorItem> current, LegalConsent consent,
            long timeStarted) {
        List<String> lines = List.copyOf(session.pendingLines);
        if (current == null) {
            return lines.isEmpty() ? null
                    : new UnitWrite(session.storedCode, null, List.of(), List.of(), List.of(), lines);
        }
        ItemDelta delta = ItemDelta.between(session.expiredInStore ? Map.of() : session.loadedItems, current);
        boolean consentChanged = consent != session.loadedConsent || session.expiredInStore;
        boolean writeVisitor = !delta.isEmpty() || consentChanged || !session.existedInStore
                || session.expiredInStore || !session.linkedCodes.isEmpty();
        if (!writeVisitor && lines.isEmpty()) {
            return null;
        }
        UnitWrite.Header header = new UnitWrite.Header(timeStarted, consent.name(), consentChanged,
                session.expiredInStore);
        return new UnitWrite(session.storedCode, header, delta.upserts(), delta.deletes(),
                new ArrayList<>(session.linkedCodes), lines);
    }

    /** Makes what was just handed to the writer the session's baseline. Called with the session's monitor held. */
    private static void advance(UnitSession session, List<VisitorItem> current, LegalConsent consent) {
        if (current == null) {
            return;
        }
        session.loadedItems = byKey(current);
        session.loadedConsent = consent;
        session.existedInStore = true;
        session.expiredInStore = false;
        session.linkedCodes.clear();
    }

    private void awaitConfirmed(UnitSession session, UnitWrite write, CompletableFuture<UnitOutcome> outcome,
            List<VisitorItem> current, LegalConsent consent) {
        try {
            awaitAnswer(write, outcome);
        } catch (CompletionException e) {
            dropConfirmed(session);
            Throwable cause = e.getCause();
            throw cause instanceof StoreException ? (StoreException) cause
                    : new StoreException("the unit could not be written", true, cause);
        } catch (StoreException e) {
            dropConfirmed(session);
            throw e;
        }
        synchronized (session) {
            advance(session, current, consent);
        }
    }

    /**
     * Waits for the writer's answer. A unit the writer has not taken yet is withdrawn after the bound or when the
     * caller is interrupted, and never written; a unit it has taken is waited for whatever happens, since the
     * caller must learn whether it was stored (and the session must not write it twice).
     *
     * @throws StoreException when the unit was withdrawn
     * @throws CompletionException when the writer failed the unit (its cause says why)
     */
    private void awaitAnswer(UnitWrite write, CompletableFuture<UnitOutcome> outcome) {
        try {
            outcome.get(confirmedWaitMillis, TimeUnit.MILLISECONDS);
            return;
        } catch (ExecutionException e) {
            throw new CompletionException(e.getCause());
        } catch (TimeoutException slow) {
            if (committer.withdraw(write)) {
                throw new StoreException("the visitor store did not take the unit within " + confirmedWaitMillis
                        + " ms", true, slow);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (committer.withdraw(write)) {
                throw new StoreException("interrupted before the unit was written", true, e);
            }
        }
        outcome.join();
    }

    private static void dropConfirmed(UnitSession session) {
        synchronized (session) {
            session.discard();
        }
    }

    private void awaitBriefly(CompletableFuture<UnitOutcome> outcome) {
        try {
            outcome.get(settings.unconfirmedWaitMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Slow: the writer keeps the unit. Failed: the writer counted and logged it.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void reportFailure(String what, Exception e) {
        long now = wallClock.getAsLong();
        if (now - lastFailureLog >= FAILURE_LOG_INTERVAL_MILLIS) {
            lastFailureLog = now;
            KameleoonLogger.error("visitor store failed while " + what + (e == null ? "" : ": " + Failures.describe(e))
                    + " (requests are still answered; such errors are logged at most every 10 s)");
        }
    }

    @Override
    public void close() {
        try {
            for (UnitSession session : sessions.values()) {
                // Never throws, as at the end of a unit; the threads stop even if a bug made it throw.
                write(session, false);
            }
        } finally {
            sessions.clear();
            // The repository belongs to whoever built it (the persistence module closes its pool after the client).
            committer.close();
            loader.close();
        }
    }
}
