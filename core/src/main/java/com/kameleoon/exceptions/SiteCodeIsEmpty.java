package com.kameleoon.exceptions;

/** Thrown when a client is created with a null or blank site code. */
public class SiteCodeIsEmpty extends com.kameleoon.KameleoonException.SiteCodeIsEmpty {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, without any secret
     */
    public SiteCodeIsEmpty(String message) {
        super(message);
    }
}
