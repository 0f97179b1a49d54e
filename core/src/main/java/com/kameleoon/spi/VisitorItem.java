package com.kameleoon.spi;

import java.util.Objects;

/**
 * One stored datum of a visitor, serialized by the SDK: a custom data value, a page view, a conversion, an
 * assignment, the device... Each kind has its own items, so that two nodes changing different data of one
 * visitor never overwrite each other. Stores keep items as they are given and hand them back unchanged; only
 * the SDK reads the payload. Immutable.
 *
 * @param kind the kind of datum: at most 16 ASCII characters (for example {@code CD}, {@code PV}, {@code AS})
 * @param key the item's key within its kind, at most 191 characters ({@code ""} for single items)
 * @param payload the datum as compact JSON
 * @param sent whether the datum was already handed over for tracking
 * @param counter an additive count (page views), 0 for other kinds
 */
public record VisitorItem(String kind, String key, String payload, boolean sent, int counter) {
    /** Longest kind a store must accept. */
    public static final int MAX_KIND_LENGTH = 16;
    /** Longest key a store must accept. */
    public static final int MAX_KEY_LENGTH = 191;

    /** Checks that no part is null. */
    public VisitorItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
    }

    /** @return the item's identity within its visitor */
    public ItemKey itemKey() {
        return new ItemKey(kind, key);
    }
}
