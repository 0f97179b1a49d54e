package com.kameleoon.internal.unit;

import com.kameleoon.spi.ItemKey;
import com.kameleoon.spi.ItemUpsert;
import com.kameleoon.spi.VisitorItem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed in a visitor's items since they were loaded: items to upsert (with the page-view count to add)
 * and items to delete, both ordered by key so that every node writes one visitor's rows in the same order.
 * Immutable.
 *
 * @param upserts new or changed items
 * @param deletes items that disappeared (a reset forced variation, a capped page or conversion)
 */
record ItemDelta(List<ItemUpsert> upserts, List<ItemKey> deletes) {
    static ItemDelta between(Map<ItemKey, VisitorItem> loaded, List<VisitorItem> current) {
        List<ItemUpsert> upserts = new ArrayList<>();
        Set<ItemKey> seen = new HashSet<>();
        for (VisitorItem item : current) {
            ItemKey key = item.itemKey();
            seen.add(key);
            VisitorItem before = loaded.get(key);
            if (before == null) {
                upserts.add(new ItemUpsert(item, item.counter()));
            } else if (!before.payload().equals(item.payload()) || before.sent() != item.sent()
                    || before.counter() != item.counter()) {
                upserts.add(new ItemUpsert(item, item.counter() - before.counter()));
            }
        }
        List<ItemKey> deletes = new ArrayList<>();
        for (ItemKey key : loaded.keySet()) {
            if (!seen.contains(key)) {
                deletes.add(key);
            }
        }
        upserts.sort((a, b) -> a.item().itemKey().compareTo(b.item().itemKey()));
        Collections.sort(deletes);
        return new ItemDelta(upserts, deletes);
    }

    boolean isEmpty() {
        return upserts.isEmpty() && deletes.isEmpty();
    }
}
