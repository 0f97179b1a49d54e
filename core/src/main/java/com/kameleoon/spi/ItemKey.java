package com.kameleoon.spi;

import java.util.Objects;

/**
 * The identity of a {@link VisitorItem} within its visitor. Immutable.
 *
 * @param kind the item kind
 * @param key the key within the kind
 */
public record ItemKey(String kind, String key) implements Comparable<ItemKey> {
    /** Checks that no part is null. */
    public ItemKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
    }

    /** Orders keys so that every node writes the rows of one visitor in the same order (no deadlock). */
    @Override
    public int compareTo(ItemKey other) {
        int byKind = kind.compareTo(other.kind);
        return byKind != 0 ? byKind : key.compareTo(other.key);
    }
}
