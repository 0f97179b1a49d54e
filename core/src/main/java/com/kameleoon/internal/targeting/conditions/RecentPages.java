package com.kameleoon.internal.targeting.conditions;

import com.kameleoon.internal.targeting.TargetingContext;
import com.kameleoon.internal.visitor.PageViewEntry;
import com.kameleoon.internal.visitor.Visitor;
import java.util.Map;

/**
 * Picks the page views that PAGE_URL, PAGE_TITLE and PREVIOUS_PAGE look at (docs/evaluation.md#page_url, #page_title,
 * #previous_page). Entries are scanned in first-insertion order and only a strictly newer timestamp displaces a pick,
 * so on a tie the entry inserted first wins. Stateless.
 */
final class RecentPages {
    private RecentPages() {
    }

    /** The entry with the greatest last-view time, or null without visitor or page views. */
    static PageViewEntry mostRecent(TargetingContext context) {
        Visitor visitor = context.visitor();
        if (visitor == null) {
            return null;
        }
        PageViewEntry latest = null;
        for (PageViewEntry entry : visitor.pageViews().values()) {
            if (latest == null || entry.lastTimestamp() > latest.lastTimestamp()) {
                latest = entry;
            }
        }
        return latest;
    }

    /**
     * The second most recent entry, or null when there are fewer than two URLs. One pass: a strictly newer
     * entry pushes the current most recent to second place; otherwise the entry takes second place if
     * that is empty or strictly older.
     */
    static PageViewEntry previous(TargetingContext context) {
        Visitor visitor = context.visitor();
        if (visitor == null) {
            return null;
        }
        Map<String, PageViewEntry> pageViews = visitor.pageViews();
        if (pageViews.size() < 2) {
            return null;
        }
        PageViewEntry latest = null;
        PageViewEntry second = null;
        for (PageViewEntry entry : pageViews.values()) {
            if (latest == null || entry.lastTimestamp() > latest.lastTimestamp()) {
                second = latest;
                latest = entry;
            } else if (second == null || entry.lastTimestamp() > second.lastTimestamp()) {
                second = entry;
            }
        }
        return second;
    }
}
