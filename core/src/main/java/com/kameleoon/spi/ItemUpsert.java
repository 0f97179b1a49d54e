package com.kameleoon.spi;

import java.util.Objects;

/**
 * An item to insert or replace. The stored counter is increased by {@code counterDelta} (so page views counted
 * by two nodes at once add up); kind, key, payload and the sent flag replace the stored ones. Immutable.
 *
 * @param item the item as it is now (its counter is the total the writer saw)
 * @param counterDelta what to add to the stored counter (the item's counter for a new row)
 */
public record ItemUpsert(VisitorItem item, int counterDelta) {
    /** Checks that the item is given. */
    public ItemUpsert {
        Objects.requireNonNull(item, "item");
    }
}
