package com.kameleoon.data;

import java.util.List;

/**
 * A page the visitor viewed. One entry per URL per visitor: adding the same URL again replaces the entry
 * and increments its view count.
 *
 * @param url the page URL, not null
 * @param title the page title, may be null
 * @param referrers indices of the referrers, may be null
 */
public record PageView(String url, String title, List<Integer> referrers) implements Data {
    /** Validates the URL and copies the referrers. */
    public PageView {
        Arguments.nonNull(url, "PageView url must not be null");
        referrers = referrers == null ? null : List.copyOf(referrers);
    }

    /**
     * A page view without title or referrers.
     *
     * @param url the page URL
     */
    public PageView(String url) {
        this(url, null, null);
    }

    /**
     * A page view without referrers.
     *
     * @param url the page URL
     * @param title the page title
     */
    public PageView(String url, String title) {
        this(url, title, null);
    }

    /** @return the URL */
    public String getUrl() {
        return url;
    }

    /** @return the title, may be null */
    public String getTitle() {
        return title;
    }

    /** @return the referrer indices, may be null */
    public List<Integer> getReferrers() {
        return referrers;
    }
}
