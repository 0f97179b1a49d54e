package com.kameleoon.internal.visitor;

/**
 * A stored datum with its tracking state: whether it was handed over to Kameleoon, and the nonce it keeps
 * until then so that a retried line carries the same nonce. Guarded by the owning {@link Visitor}'s lock.
 *
 * @param <T> the datum's type
 */
public final class TrackedItem<T> {
    private final T value;
    private boolean sent;
    private String nonce;

    TrackedItem(T value, boolean sent) {
        this.value = value;
        this.sent = sent;
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
