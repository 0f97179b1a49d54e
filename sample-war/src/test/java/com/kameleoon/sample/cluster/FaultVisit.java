package com.kameleoon.sample.cluster;

/**
 * One shopper of {@link ClusterFaultIT}: a product page on one node, then a purchase on the other, retried once
 * when the shop answers 503 ("not recorded, retry"), as the page tells the shopper; a 504 ("could not confirm
 * whether it was recorded") is not retried. Times are wall-clock milliseconds. Immutable.
 *
 * @param code the visitor code
 * @param pageStart when the page was requested
 * @param pageEnd when it answered (or failed)
 * @param pageStatus its HTTP status, {@link ShopVisit#NO_ANSWER} when it failed without one
 * @param buyStart when the last purchase attempt was sent, 0 when none was
 * @param buyEnd when it answered
 * @param buyStatus the last attempt's status, {@link ShopVisit#NOT_SENT} when none was sent
 * @param buyAttempts how many purchase requests were sent (0, 1 or 2)
 */
record FaultVisit(String code, long pageStart, long pageEnd, int pageStatus, long buyStart, long buyEnd, int buyStatus,
        int buyAttempts) {
    /** @return whether the purchase was confirmed to the shopper (303 to the confirmation page) */
    boolean bought() {
        return buyStatus == ShopVisit.CONFIRMED;
    }

    /** @return whether every purchase attempt was answered "not recorded" */
    boolean refused() {
        return buyStatus == 503;
    }

    /**
     * @return whether the last attempt's commit was cut off by the outage (504): like a purchase that got no answer,
     *         it may or may not be recorded, and it is not retried
     */
    boolean outcomeUnknown() {
        return buyStatus == 504;
    }

    /** @return whether a purchase attempt got no HTTP answer (its node died): it may or may not be recorded */
    boolean unanswered() {
        return buyStatus == ShopVisit.NO_ANSWER;
    }
}
