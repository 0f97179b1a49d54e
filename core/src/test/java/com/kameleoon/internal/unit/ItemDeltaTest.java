package com.kameleoon.internal.unit;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.spi.ItemKey;
import com.kameleoon.spi.ItemUpsert;
import com.kameleoon.spi.VisitorItem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The difference between the loaded items and the current ones: new and changed items are upserted (page views
 * with the count to add), vanished ones deleted, unchanged ones left alone, both lists in key order.
 */
class ItemDeltaTest {

    private static Map<ItemKey, VisitorItem> loaded(VisitorItem... items) {
        Map<ItemKey, VisitorItem> byKey = new LinkedHashMap<>();
        for (VisitorItem item : items) {
            byKey.put(item.itemKey(), item);
        }
        return byKey;
    }

    @Test
    void nothingChangedIsAnEmptyDelta() {
        VisitorItem cd = new VisitorItem("CD", "1", "{\"v\":[\"a\"]}", true, 0);
        VisitorItem pv = new VisitorItem("PV", "abc", "{\"u\":\"x\"}", false, 3);
        ItemDelta delta = ItemDelta.between(loaded(cd, pv), List.of(pv, cd));
        assertThat(delta.upserts()).isEmpty();
        assertThat(delta.deletes()).isEmpty();
        assertThat(delta.isEmpty()).isTrue();
    }

    @Test
    void aNewItemIsUpsertedWithItsWholeCounter() {
        VisitorItem pv = new VisitorItem("PV", "abc", "{\"u\":\"x\"}", false, 3);
        ItemDelta delta = ItemDelta.between(Map.of(), List.of(pv));
        assertThat(delta.upserts()).containsExactly(new ItemUpsert(pv, 3));
        assertThat(delta.isEmpty()).isFalse();
    }

    @Test
    void aChangedCounterIsUpsertedWithTheDifference() {
        VisitorItem before = new VisitorItem("PV", "abc", "{\"u\":\"x\"}", false, 3);
        VisitorItem now = new VisitorItem("PV", "abc", "{\"u\":\"x\"}", false, 5);
        assertThat(ItemDelta.between(loaded(before), List.of(now)).upserts()).containsExactly(new ItemUpsert(now, 2));
    }

    @Test
    void aChangedPayloadOrSentFlagIsUpsertedWithNoCountToAdd() {
        VisitorItem before = new VisitorItem("CD", "1", "{\"v\":[\"a\"]}", false, 0);
        VisitorItem payload = new VisitorItem("CD", "1", "{\"v\":[\"b\"]}", false, 0);
        VisitorItem sent = new VisitorItem("CD", "1", "{\"v\":[\"a\"]}", true, 0);
        assertThat(ItemDelta.between(loaded(before), List.of(payload)).upserts())
                .containsExactly(new ItemUpsert(payload, 0));
        assertThat(ItemDelta.between(loaded(before), List.of(sent)).upserts()).containsExactly(new ItemUpsert(sent, 0));
    }

    @Test
    void vanishedItemsAreDeletedInKeyOrder() {
        VisitorItem fv2 = new VisitorItem("FV", "2", "{}", true, 0);
        VisitorItem as = new VisitorItem("AS", "9", "{}", true, 0);
        VisitorItem fv1 = new VisitorItem("FV", "1", "{}", true, 0);
        VisitorItem kept = new VisitorItem("CD", "1", "{}", true, 0);
        ItemDelta delta = ItemDelta.between(loaded(fv2, kept, as, fv1), List.of(kept));
        assertThat(delta.upserts()).isEmpty();
        assertThat(delta.deletes()).containsExactly(new ItemKey("AS", "9"), new ItemKey("FV", "1"),
                new ItemKey("FV", "2"));
        assertThat(delta.isEmpty()).isFalse();
    }

    @Test
    void upsertsComeInKeyOrderWhateverTheVisitorsOrder() {
        VisitorItem seg = new VisitorItem("SEG", "4", "{}", true, 0);
        VisitorItem cd2 = new VisitorItem("CD", "2", "{}", true, 0);
        VisitorItem cd1 = new VisitorItem("CD", "1", "{}", true, 0);
        ItemDelta delta = ItemDelta.between(Map.of(), List.of(seg, cd2, cd1));
        assertThat(delta.upserts()).extracting(upsert -> upsert.item().itemKey())
                .containsExactly(new ItemKey("CD", "1"), new ItemKey("CD", "2"), new ItemKey("SEG", "4"));
    }
}
