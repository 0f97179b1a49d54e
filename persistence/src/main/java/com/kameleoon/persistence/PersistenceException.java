package com.kameleoon.persistence;

import com.kameleoon.exceptions.KameleoonException;

/**
 * A database could not be set up or used: bad bootstrap settings, an unreachable database, a failed
 * migration. Messages never carry a password.
 */
public class PersistenceException extends KameleoonException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     */
    public PersistenceException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
