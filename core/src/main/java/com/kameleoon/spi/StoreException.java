package com.kameleoon.spi;

/**
 * A {@link VisitorRepository} call that failed. {@link #isUnavailable()} tells the SDK what to do with the units
 * of the call: when the store is unreachable, the SDK opens its circuit and keeps unconfirmed units for later;
 * when the store rejected the data (a constraint, a value too long), retrying cannot help, and the SDK retries
 * the other units of a batch alone. Messages never hold credentials.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean unavailable;

    /**
     * @param message what failed
     * @param unavailable true when the store could not be reached (a later attempt may succeed)
     * @param cause the underlying failure, or null
     */
    public StoreException(String message, boolean unavailable, Throwable cause) {
        super(message, cause);
        this.unavailable = unavailable;
    }

    /** @return true when the store could not be reached; false when it refused the data */
    public boolean isUnavailable() {
        return unavailable;
    }
}
