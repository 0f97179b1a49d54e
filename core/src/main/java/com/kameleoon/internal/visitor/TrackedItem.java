package com.kameleoon.internal.visitor;

/**
 * A stored datum with its tracking state: whether it was handed over to Kameleoon, and the nonce it keeps
 * until then so that a retried line carries the same nonce. Guarded by the owning {@link Visitor}'s lock.
 *
 * <p>Custom data, page views and assignments are stored packed ({@link PackedCustomData},
 * {@link PackedPageViews}, {@link PackedAssignments}); reading them yields {@linkplain #copy copies} whose
 * {@link #markSent()} throws, since it would change nothing stored: mark those through the {@link Visitor}.
 *
 * @param <T> the datum's type
 */
public class TrackedItem<T> {
    private final T value;
    private boolean sent;
    private String nonce;

    TrackedItem(T value, boolean sent) {
        this.value = value;
        this.sent = sent;
    }

    /**
     * A read-only copy of a packed datum's state.
     *
     * @param value the datum
     * @param sent its tracking state
     * @param <T> the datum's type
     * @return an item whose {@link #markSent()} throws {@link UnsupportedOperationException}
     */
    static <T> TrackedItem<T> copy(T value, boolean sent) {
        return new TrackedItem<>(value, sent) {
            @Override
            public void markSent() {
                throw new UnsupportedOperationException("a copy of packed visitor data: mark it through the Visitor");
            }
        };
    }

    /** @return the datum */
    public T value() {
        return value;
    }

    /** @return true once handed over (or never to be sent) */
    public boolean isSent() {
        return sent;
    }

    /** Marks the datum handed over; its nonce is discarded. */
    public void markSent() {
        sent = true;
        nonce = null;
    }

    /** @return the nonce kept for this datum, or null before its first serialisation */
    public String nonce() {
        return nonce;
    }

    /** @param value the nonce drawn at the first serialisation */
    public void setNonce(String value) {
        nonce = value;
    }
}
