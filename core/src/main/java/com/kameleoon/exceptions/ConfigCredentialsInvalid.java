package com.kameleoon.exceptions;

/** Thrown when the client needs to reach Kameleoon but has no client id or client secret. */
public class ConfigCredentialsInvalid extends com.kameleoon.KameleoonException.ConfigCredentialsInvalid {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, without any secret
     */
    public ConfigCredentialsInvalid(String message) {
        super(message);
    }
}
