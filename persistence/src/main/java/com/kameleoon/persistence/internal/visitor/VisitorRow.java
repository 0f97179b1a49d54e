package com.kameleoon.persistence.internal.visitor;

/**
 * One stored item of a visitor: a row of {@code kameleoon_visitor_item}.
 *
 * @param kind the item kind ({@link VisitorRowCodec} lists them)
 * @param key the item's key within its kind ("" for single items)
 * @param payload the item as compact JSON
 * @param sent whether it was handed over for tracking
 * @param counter an additive count (page views), 0 otherwise
 */
public record VisitorRow(String kind, String key, String payload, boolean sent, int counter) {
    /** @return the row's identity within the visitor */
    public RowKey rowKey() {
        return new RowKey(kind, key);
    }

    /**
     * A row's identity within a visitor.
     *
     * @param kind the item kind
     * @param key the key within the kind
     */
    public record RowKey(String kind, String key) {
    }
}
