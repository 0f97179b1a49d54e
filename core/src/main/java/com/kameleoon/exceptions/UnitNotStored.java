package com.kameleoon.exceptions;

/**
 * A confirmed unit of work (for example {@code KameleoonVisitor.commit()} on a purchase page) could not be stored:
 * nothing of it was written, neither the visitor's changes nor its tracking lines, so the caller can answer "not
 * recorded, retry" and a retry produces exactly one conversion.
 */
public class UnitNotStored extends KameleoonException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause the store's failure
     */
    public UnitNotStored(String message, Throwable cause) {
        super(message, cause);
    }
}
