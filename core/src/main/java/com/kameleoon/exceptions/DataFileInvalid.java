package com.kameleoon.exceptions;

/**
 * Thrown when a datafile cannot be used: not JSON, or a field of the wrong type. The message names the
 * offending field (for example {@code featureFlags[2].rules[0].exposition}); the configuration in use
 * before stays in place.
 */
public class DataFileInvalid extends com.kameleoon.KameleoonException.DataFileInvalid {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the field
     */
    public DataFileInvalid(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is wrong, naming the field
     * @param cause the parser's failure
     */
    public DataFileInvalid(String message, Throwable cause) {
        super(message, cause);
    }
}
