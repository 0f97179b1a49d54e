package com.kameleoon.exceptions;

/**
 * A confirmed unit of work (for example {@code KameleoonVisitor.commit()} on a purchase page) was being committed
 * when the connection to the store broke: the database may have stored it or not, and nobody can tell until it
 * answers again. Unlike {@link UnitNotStored}, a retry may record the action twice, so the caller should not answer
 * "not recorded, retry"; it should say the outcome is unknown (for example HTTP 504 with "check your orders before
 * trying again"). The SDK settles the unit once the store answers and logs whether it was stored; nothing of it is
 * ever half-written.
 */
public class UnitOutcomeUnknown extends KameleoonException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened
     * @param cause the store's failure
     */
    public UnitOutcomeUnknown(String message, Throwable cause) {
        super(message, cause);
    }
}
