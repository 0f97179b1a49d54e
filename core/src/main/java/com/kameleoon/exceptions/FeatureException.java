package com.kameleoon.exceptions;

/** Base of the errors about a feature flag, its experiments, variations or variables. */
public class FeatureException extends com.kameleoon.KameleoonException.FeatureException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     */
    public FeatureException(String message) {
        super("Feature Exception: " + message);
    }
}
