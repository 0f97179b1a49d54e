package com.kameleoon.exceptions;

/** Thrown when a variable key is not among the variables of the evaluated variation. */
public class FeatureVariableNotFound extends com.kameleoon.KameleoonException.FeatureVariableNotFound {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, without any secret
     */
    public FeatureVariableNotFound(String message) {
        super(message);
    }
}
