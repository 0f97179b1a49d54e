package com.kameleoon.spi;

/**
 * A {@link VisitorRepository} call that failed. {@link #isUnavailable()} tells the SDK what to do with the units
 * of the call: when the store is unreachable, the SDK opens its circuit and keeps unconfirmed units for later;
 * when the store rejected the data (a constraint, a value too long), retrying cannot help, and the SDK retries
 * the other units of a batch alone. {@link #isOutcomeUnknown()} marks the one case in between: the store became
 * unreachable after the write may have been committed (the connection broke during the commit), so the SDK
 * neither retries the units nor reports them dropped until {@link VisitorRepository#isWritten} tells. Messages
 * never hold credentials.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean unavailable;
    private final boolean outcomeUnknown;

    /**
     * A failure whose outcome is known: nothing of the call was written.
     *
     * @param message what failed
     * @param unavailable true when the store could not be reached (a later attempt may succeed)
     * @param cause the underlying failure, or null
     */
    public StoreException(String message, boolean unavailable, Throwable cause) {
        this(message, unavailable, false, cause);
    }

    private StoreException(String message, boolean unavailable, boolean outcomeUnknown, Throwable cause) {
        super(message, cause);
        this.unavailable = unavailable;
        this.outcomeUnknown = outcomeUnknown;
    }

    /**
     * The store became unreachable while a write was being committed: it may or may not be stored.
     *
     * @param message what failed
     * @param cause the underlying failure, or null
     * @return an "unavailable" failure whose outcome is unknown
     */
    public static StoreException outcomeUnknown(String message, Throwable cause) {
        return new StoreException(message, true, true, cause);
    }

    /** @return true when the failed write may have been stored all the same (its acknowledgement was lost) */
    public boolean isOutcomeUnknown() {
        return outcomeUnknown;
    }

    /** @return true when the store could not be reached; false when it refused the data */
    public boolean isUnavailable() {
        return unavailable;
    }
}
