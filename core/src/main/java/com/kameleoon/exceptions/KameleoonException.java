package com.kameleoon.exceptions;

/**
 * Base of every exception the SDK throws. Unchecked, so that flag evaluation reads as plain code;
 * messages carry the {@code "Kameleoon SDK: "} prefix of the official SDKs and never a secret.
 */
public class KameleoonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The prefix every message starts with. */
    public static final String PREFIX = "Kameleoon SDK: ";

    /**
     * Creates the exception.
     *
     * @param message what went wrong; the SDK prefix is added when missing
     */
    public KameleoonException(String message) {
        super(message == null ? PREFIX.trim() : message.startsWith(PREFIX) ? message : PREFIX + message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong; the SDK prefix is added when missing
     * @param cause the underlying failure
     */
    public KameleoonException(String message, Throwable cause) {
        super(message == null ? PREFIX.trim() : message.startsWith(PREFIX) ? message : PREFIX + message, cause);
    }
}
