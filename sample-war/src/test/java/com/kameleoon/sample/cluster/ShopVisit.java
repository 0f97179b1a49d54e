package com.kameleoon.sample.cluster;

/**
 * What happened to one visitor of a {@link ShopLoad}: its product page on one node, then its purchase on the
 * other. A status of {@link #NO_ANSWER} means the request failed without an HTTP answer (the node was dead, or
 * died mid-request); a visitor whose page did not answer 200 does not buy ({@link #NOT_SENT}). Immutable.
 *
 * @param code the visitor code sent in the cookie
 * @param pageNode the node of {@code GET /}
 * @param pageStatus its status
 * @param pageMillis when the page was requested (wall clock)
 * @param buyNode the node of {@code POST /buy}
 * @param buyStatus its status
 * @param buyStartMillis when the purchase was sent (wall clock), 0 if not sent
 * @param buyEndMillis when its answer (or failure) came
 */
public record ShopVisit(String code, int pageNode, int pageStatus, long pageMillis, int buyNode, int buyStatus,
        long buyStartMillis, long buyEndMillis) {
    /** The request failed without an HTTP status. */
    public static final int NO_ANSWER = -1;
    /** The request was not sent. */
    public static final int NOT_SENT = 0;
    /** {@code POST /buy}'s answer once the purchase is committed: 303 See Other to the confirmation page. */
    public static final int CONFIRMED = 303;

    /**
     * @return whether {@code POST /buy} answered 303 (to the confirmation page): the conversion is committed and
     *         must reach the collector
     */
    public boolean bought() {
        return buyStatus == CONFIRMED;
    }

    /**
     * @param node a node index
     * @return how many of this visit's requests that node answered (any HTTP status)
     */
    public int answeredBy(int node) {
        return (pageNode == node && pageStatus > 0 ? 1 : 0) + (buyNode == node && buyStatus > 0 ? 1 : 0);
    }

    /**
     * @param node a node index
     * @return how many of this visit's requests to that node got no answer
     */
    public int unansweredBy(int node) {
        return (pageNode == node && pageStatus == NO_ANSWER ? 1 : 0) + (buyNode == node && buyStatus == NO_ANSWER
                ? 1 : 0);
    }
}
