package com.kameleoon.internal.visitor;

import com.kameleoon.data.PageView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A visitor's page views packed into one byte array, one entry per URL in the order each URL was first
 * viewed: a flags byte (sent, has a title, has referrers), the view count, the last view's time as a
 * difference from the visitor's start, the URL and the title each as the number of characters shared with the
 * previous entry's URL (title) followed by the rest, and the referrer indexes. A visitor's URLs mostly share
 * scheme, host and path and its titles the site's name, so front coding leaves a few bytes of each, and the
 * array replaces a map entry, a tracked item, a {@link PageViewEntry}, a {@link PageView} and two strings per
 * URL. Entries are decoded again when read; any change rewrites the array (a visitor views pages far less
 * often than flags are evaluated). Stateless; the arrays are guarded by the owning {@link Visitor}'s monitor.
 */
final class PackedPageViews {
    private static final int SENT = 1;
    private static final int TITLED = 2;
    private static final int REFERRED = 4;

    private PackedPageViews() {
    }

    /** One decoded URL entry. */
    private record Page(PageView view, boolean sent, int count, long lastTimestamp) {
    }

    /** @return the number of URLs */
    static int size(byte[] bytes) {
        int size = 0;
        if (bytes != null) {
            PackedReader reader = new PackedReader(bytes, 0);
            while (reader.hasMore()) {
                skip(reader);
                size++;
            }
        }
        return size;
    }

    /**
     * @param base the epoch milliseconds the times are stored relative to
     * @return the entries by URL, first-view order; their items are read-only copies
     */
    static Map<String, PageViewEntry> entries(byte[] bytes, long base) {
        if (bytes == null) {
            return Map.of();
        }
        Map<String, PageViewEntry> entries = new LinkedHashMap<>();
        for (Page page : decode(bytes, base)) {
            entries.put(page.view().url(), new PageViewEntry(TrackedItem.copy(page.view(), page.sent()), page.count(),
                    page.lastTimestamp()));
        }
        return Collections.unmodifiableMap(entries);
    }

    /**
     * Records a view: the URL's entry is replaced (keeping its position) and its count incremented; a new URL
     * beyond {@link Visitor#MAX_PAGE_URLS} first makes the least recently viewed one (a tracked one if possible)
     * go.
     *
     * @return the new array
     */
    static byte[] add(byte[] bytes, long base, PageView view, boolean sent, long now) {
        List<Page> pages = decode(bytes, base);
        int at = indexOf(pages, view.url());
        if (at >= 0) {
            pages.set(at, new Page(view, sent, pages.get(at).count() + 1, now));
        } else {
            makeRoom(pages);
            pages.add(new Page(view, sent, 1, now));
        }
        return encode(pages, base);
    }

    /**
     * Merges a view loaded from elsewhere: counts add up and the newest time is kept on a known URL, whose page
     * view and tracking state stay; a new URL is appended as {@link #add} does.
     *
     * @return the new array
     */
    static byte[] merge(byte[] bytes, long base, PageView view, int count, long lastTimestamp, boolean sent) {
        List<Page> pages = decode(bytes, base);
        int at = indexOf(pages, view.url());
        if (at >= 0) {
            Page previous = pages.get(at);
            pages.set(at, new Page(previous.view(), previous.sent(), previous.count() + count,
                    Math.max(previous.lastTimestamp(), lastTimestamp)));
        } else {
            makeRoom(pages);
            pages.add(new Page(view, sent, count, lastTimestamp));
        }
        return encode(pages, base);
    }

    /** Marks every entry sent, in place. */
    static void markAllSent(byte[] bytes) {
        if (bytes != null) {
            PackedReader reader = new PackedReader(bytes, 0);
            while (reader.hasMore()) {
                bytes[reader.position()] |= SENT;
                skip(reader);
            }
        }
    }

    /** @return true when some entry is not sent */
    static boolean hasUnsent(byte[] bytes) {
        if (bytes != null) {
            PackedReader reader = new PackedReader(bytes, 0);
            while (reader.hasMore()) {
                if ((bytes[reader.position()] & SENT) == 0) {
                    return true;
                }
                skip(reader);
            }
        }
        return false;
    }

    private static int indexOf(List<Page> pages, String url) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).view().url().equals(url)) {
                return i;
            }
        }
        return -1;
    }

    private static void makeRoom(List<Page> pages) {
        if (pages.size() < Visitor.MAX_PAGE_URLS) {
            return;
        }
        int oldest = -1;
        for (int i = 0; i < pages.size(); i++) {
            Page page = pages.get(i);
            // Prefer forgetting a page that was already tracked, so that the cap loses no tracking.
            if (oldest < 0) {
                oldest = i;
                continue;
            }
            Page current = pages.get(oldest);
            if ((page.sent() && !current.sent())
                    || (page.sent() == current.sent() && page.lastTimestamp() < current.lastTimestamp())) {
                oldest = i;
            }
        }
        pages.remove(oldest);
    }

    private static List<Page> decode(byte[] bytes, long base) {
        List<Page> pages = new ArrayList<>();
        if (bytes == null) {
            return pages;
        }
        PackedReader reader = new PackedReader(bytes, 0);
        String url = null;
        String title = null;
        while (reader.hasMore()) {
            int flags = reader.readByte();
            int count = reader.readVarint();
            long lastTimestamp = base + reader.readSignedLong();
            url = reader.readString(url, reader.readVarint());
            String pageTitle = null;
            if ((flags & TITLED) != 0) {
                pageTitle = reader.readString(title, reader.readVarint());
                title = pageTitle;
            }
            List<Integer> referrers = null;
            if ((flags & REFERRED) != 0) {
                Integer[] indexes = new Integer[reader.readVarint()];
                for (int i = 0; i < indexes.length; i++) {
                    indexes[i] = (int) reader.readSignedLong();
                }
                referrers = List.of(indexes);
            }
            pages.add(new Page(new PageView(url, pageTitle, referrers), (flags & SENT) != 0, count, lastTimestamp));
        }
        return pages;
    }

    private static byte[] encode(List<Page> pages, long base) {
        PackedWriter writer = new PackedWriter(pages.size() * 40);
        String url = "";
        String title = "";
        for (Page page : pages) {
            PageView view = page.view();
            writer.writeByte((page.sent() ? SENT : 0) | (view.title() == null ? 0 : TITLED)
                    | (view.referrers() == null ? 0 : REFERRED));
            writer.writeVarint(page.count());
            writer.writeSignedLong(page.lastTimestamp() - base);
            int shared = sharedPrefix(url, view.url());
            writer.writeVarint(shared);
            writer.writeString(view.url(), shared);
            url = view.url();
            if (view.title() != null) {
                shared = sharedPrefix(title, view.title());
                writer.writeVarint(shared);
                writer.writeString(view.title(), shared);
                title = view.title();
            }
            if (view.referrers() != null) {
                writer.writeVarint(view.referrers().size());
                for (int referrer : view.referrers()) {
                    writer.writeSignedLong(referrer);
                }
            }
        }
        return pages.isEmpty() ? null : writer.toArray();
    }

    private static int sharedPrefix(String previous, String next) {
        int max = Math.min(previous.length(), next.length());
        int shared = 0;
        while (shared < max && previous.charAt(shared) == next.charAt(shared)) {
            shared++;
        }
        return shared;
    }

    private static void skip(PackedReader reader) {
        int flags = reader.readByte();
        reader.readVarint();
        reader.readSignedLong();
        reader.readVarint();
        reader.skipString();
        if ((flags & TITLED) != 0) {
            reader.readVarint();
            reader.skipString();
        }
        if ((flags & REFERRED) != 0) {
            for (int referrers = reader.readVarint(); referrers > 0; referrers--) {
                reader.readSignedLong();
            }
        }
    }
}
