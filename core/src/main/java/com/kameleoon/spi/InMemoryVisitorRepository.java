package com.kameleoon.spi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * A {@link VisitorRepository} in this JVM's memory, holding visitors in serialized form exactly as a database
 * would: the reference implementation of the contract, and a store for tests that need repository semantics
 * without a database. Tracking lines of written units go to the paired {@link TrackingOutbox}. A visitor expires
 * {@code sessionMillis} after its last write. (A client created without a repository keeps live visitors in
 * memory instead, which skips serialization entirely.) Thread-safe: one lock, held for each call.
 */
public final class InMemoryVisitorRepository implements VisitorRepository {
    private final TrackingOutbox outbox;
    private final long sessionMillis;
    private final LongSupplier clock;
    private final Map<String, Entry> visitors = new LinkedHashMap<>();
    /* The highest committed sequence of each writer: one entry per client instance that wrote here. */
    private final Map<String, Long> marks = new java.util.HashMap<>();

    private static final class Entry {
        long timeStarted;
        String consent;
        String aliasOf;
        long expiresAt;
        final Map<ItemKey, VisitorItem> items = new TreeMap<>();
    }

    /**
     * @param outbox where the lines of written units go
     * @param sessionMillis how long a visitor lives after its last write
     * @param clock epoch milliseconds
     */
    public InMemoryVisitorRepository(TrackingOutbox outbox, long sessionMillis, LongSupplier clock) {
        if (sessionMillis <= 0) {
            throw new IllegalArgumentException("sessionMillis must be positive");
        }
        this.outbox = java.util.Objects.requireNonNull(outbox, "outbox");
        this.sessionMillis = sessionMillis;
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized StoredVisitor load(String visitorCode) {
        long now = clock.getAsLong();
        Entry entry = visitors.get(visitorCode);
        String storedCode = visitorCode;
        if (entry != null && entry.aliasOf != null && entry.expiresAt > now) {
            Entry target = visitors.get(entry.aliasOf);
            if (target != null && target.expiresAt > now) {
                storedCode = entry.aliasOf;
                entry = target;
            }
        }
        if (entry == null) {
            return null;
        }
        boolean expired = entry.expiresAt <= now;
        return new StoredVisitor(storedCode, entry.timeStarted, entry.consent, expired,
                expired ? List.of() : new ArrayList<>(entry.items.values()));
    }

    @Override
    public synchronized void write(WriteMark mark, List<UnitWrite> units) {
        java.util.Objects.requireNonNull(mark, "mark");
        if (units.isEmpty()) {
            throw new IllegalArgumentException("write needs at least one unit");
        }
        for (UnitWrite unit : units) {
            validate(unit);
        }
        // Validated first: the batch is applied whole or not at all, as a transaction would.
        long now = clock.getAsLong();
        for (UnitWrite unit : units) {
            apply(unit, now);
        }
        for (UnitWrite unit : units) {
            if (!unit.trackingLines().isEmpty()) {
                outbox.add(unit.visitorCode(), unit.trackingLines());
            }
        }
        marks.merge(mark.writer(), mark.sequence(), Math::max);
    }

    @Override
    public synchronized boolean isWritten(WriteMark mark) {
        return marks.getOrDefault(mark.writer(), 0L) >= mark.sequence();
    }

    private static void validate(UnitWrite unit) {
        for (ItemUpsert upsert : unit.upserts()) {
            VisitorItem item = upsert.item();
            if (item.kind().length() > VisitorItem.MAX_KIND_LENGTH || item.key().length() > VisitorItem.MAX_KEY_LENGTH) {
                throw new StoreException("item " + item.kind() + "/" + abbreviate(item.key()) + " of visitor "
                        + unit.visitorCode() + " exceeds the stored lengths", false, null);
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private void apply(UnitWrite unit, long now) {
        UnitWrite.Header header = unit.header();
        if (header == null) {
            return;
        }
        for (String linked : unit.linkedCodes()) {
            Entry link = visitors.computeIfAbsent(linked, code -> new Entry());
            link.timeStarted = header.timeStarted();
            link.consent = link.consent == null ? "UNKNOWN" : link.consent;
            link.aliasOf = unit.visitorCode();
            link.expiresAt = now + sessionMillis;
        }
        Entry entry = visitors.get(unit.visitorCode());
        if (entry == null) {
            entry = new Entry();
            entry.timeStarted = header.timeStarted();
            entry.consent = header.consent();
            visitors.put(unit.visitorCode(), entry);
        } else {
            if (header.replaceStored()) {
                entry.items.clear();
                entry.timeStarted = header.timeStarted();
            }
            if (header.consentChanged()) {
                entry.consent = header.consent();
            }
        }
        entry.expiresAt = now + sessionMillis;
        for (ItemKey key : unit.deletes()) {
            entry.items.remove(key);
        }
        for (ItemUpsert upsert : unit.upserts()) {
            VisitorItem item = upsert.item();
            VisitorItem before = entry.items.get(item.itemKey());
            int counter = before == null ? upsert.counterDelta() : before.counter() + upsert.counterDelta();
            entry.items.put(item.itemKey(), new VisitorItem(item.kind(), item.key(), item.payload(), item.sent(),
                    counter));
        }
    }

    @Override
    public synchronized int deleteExpired(int max) {
        long now = clock.getAsLong();
        int deleted = 0;
        for (Iterator<Entry> it = visitors.values().iterator(); it.hasNext() && deleted < max;) {
            if (it.next().expiresAt <= now) {
                it.remove();
                deleted++;
            }
        }
        return deleted;
    }

    @Override
    public void ping() {
        // Always reachable.
    }

    /** @return how many codes (visitors and links) are held, expired ones included */
    public synchronized int size() {
        return visitors.size();
    }
}
