package com.kameleoon.exceptions;

/** Thrown when an experiment id is not the experiment id of any rule of the datafile. */
public class FeatureExperimentNotFound extends com.kameleoon.KameleoonException.FeatureExperimentNotFound {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, without any secret
     */
    public FeatureExperimentNotFound(String message) {
        super(message);
    }
}
