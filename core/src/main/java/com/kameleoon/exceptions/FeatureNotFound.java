package com.kameleoon.exceptions;

/** Thrown when a feature key is not in the loaded datafile. */
public class FeatureNotFound extends com.kameleoon.KameleoonException.FeatureNotFound {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, without any secret
     */
    public FeatureNotFound(String message) {
        super(message);
    }
}
