package com.kameleoon.internal.visitor;

import com.kameleoon.data.PageView;

/**
 * The page-view record of one URL: the latest {@link PageView}, how many times the URL was viewed, and when
 * it was last viewed.
 *
 * @param item the latest page view with its tracking state
 * @param count views of this URL
 * @param lastTimestamp epoch milliseconds of the latest view
 */
public record PageViewEntry(TrackedItem<PageView> item, int count, long lastTimestamp) {
    /** @return the latest page view */
    public PageView pageView() {
        return item.value();
    }
}
