package com.kameleoon.exceptions;

/** Thrown when a visitor code is empty, longer than 255 characters, or cannot be written into a cookie. */
public class VisitorCodeInvalid extends com.kameleoon.KameleoonException.VisitorCodeInvalid {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, without any secret
     */
    public VisitorCodeInvalid(String message) {
        super(message);
    }
}
