package com.kameleoon.exceptions;

/** Thrown when a flag is disabled in the configured environment, or when legal consent fully blocks its evaluation. */
public class FeatureEnvironmentDisabled extends com.kameleoon.KameleoonException.FeatureEnvironmentDisabled {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, without any secret
     */
    public FeatureEnvironmentDisabled(String message) {
        super(message);
    }
}
