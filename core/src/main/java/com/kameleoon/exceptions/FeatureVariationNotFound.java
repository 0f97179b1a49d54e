package com.kameleoon.exceptions;

/** Thrown when a variation key is not part of the experiment or flag it is looked up in. */
public class FeatureVariationNotFound extends com.kameleoon.KameleoonException.FeatureVariationNotFound {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, without any secret
     */
    public FeatureVariationNotFound(String message) {
        super(message);
    }
}
