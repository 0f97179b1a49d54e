package com.kameleoon.persistence.internal.visitor;

import com.kameleoon.internal.visitor.LegalConsent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed in a visitor since it was loaded: rows to upsert (with the page-view count to add), rows to
 * delete, and whether consent changed. Immutable.
 *
 * @param upserts new or changed rows
 * @param deletes rows that disappeared (a reset forced variation, a capped page or conversion)
 * @param consentChanged whether the consent differs from the loaded one
 */
record VisitorDelta(List<Upsert> upserts, List<VisitorRow.RowKey> deletes, boolean consentChanged) {
    static final VisitorDelta NONE = new VisitorDelta(List.of(), List.of(), false);

    /**
     * A row to write.
     *
     * @param row the row (its counter is the total)
     * @param counterDelta what to add to the stored counter
     */
    record Upsert(VisitorRow row, int counterDelta) {
    }

    static VisitorDelta between(Map<VisitorRow.RowKey, VisitorRow> loaded, List<VisitorRow> current,
            LegalConsent loadedConsent, LegalConsent currentConsent) {
        List<Upsert> upserts = new ArrayList<>();
        Set<VisitorRow.RowKey> seen = new HashSet<>();
        for (VisitorRow row : current) {
            VisitorRow.RowKey key = row.rowKey();
            seen.add(key);
            VisitorRow before = loaded.get(key);
            if (before == null) {
                upserts.add(new Upsert(row, row.counter()));
            } else if (!before.payload().equals(row.payload()) || before.sent() != row.sent()
                    || before.counter() != row.counter()) {
                upserts.add(new Upsert(row, row.counter() - before.counter()));
            }
        }
        List<VisitorRow.RowKey> deletes = new ArrayList<>();
        for (VisitorRow.RowKey key : loaded.keySet()) {
            if (!seen.contains(key)) {
                deletes.add(key);
            }
        }
        return new VisitorDelta(upserts, deletes, !Objects.equals(loadedConsent, currentConsent));
    }

    boolean hasChanges() {
        return !upserts.isEmpty() || !deletes.isEmpty() || consentChanged;
    }
}
