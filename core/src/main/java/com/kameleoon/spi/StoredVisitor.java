package com.kameleoon.spi;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link VisitorRepository} holds about a visitor, as loaded at the start of a unit of work. Immutable.
 *
 * @param storedCode the code the state is stored under: the requested code, or the code it is linked to
 *        (cross-device mapping)
 * @param timeStarted epoch milliseconds when the stored visit started
 * @param consent the legal consent as the SDK stored it ({@code UNKNOWN}, {@code GIVEN}, {@code NOT_GIVEN})
 * @param expired true when the visitor outlived its session and was not yet deleted: the SDK starts it anew,
 *        and its next write replaces the stored items ({@link UnitWrite.Header#replaceStored()})
 * @param items the stored items (empty when {@code expired})
 */
public record StoredVisitor(String storedCode, long timeStarted, String consent, boolean expired,
        List<VisitorItem> items) {
    /** Copies the items and checks that no part is null. */
    public StoredVisitor {
        Objects.requireNonNull(storedCode, "storedCode");
        Objects.requireNonNull(consent, "consent");
        items = List.copyOf(items);
    }
}
