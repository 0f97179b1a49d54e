package com.kameleoon.exceptions;

/**
 * Base of every exception the SDK throws, under this project's short name. Unchecked, so that flag evaluation
 * reads as plain code; messages carry the {@code "Kameleoon SDK: "} prefix of the official SDKs and never a secret.
 *
 * <p>It extends {@link com.kameleoon.KameleoonException}, the official SDK's name for the same root, so code
 * catching either name catches every SDK exception.
 */
public class KameleoonException extends com.kameleoon.KameleoonException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong; the SDK prefix is added when missing
     */
    public KameleoonException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong; the SDK prefix is added when missing
     * @param cause the underlying failure
     */
    public KameleoonException(String message, Throwable cause) {
        super(message, cause);
    }
}
