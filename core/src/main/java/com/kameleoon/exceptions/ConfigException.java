package com.kameleoon.exceptions;

/** Base of the errors about the client's configuration (settings, credentials, datafile). */
public class ConfigException extends com.kameleoon.KameleoonException.ConfigException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     */
    public ConfigException(String message) {
        super("Config Invalid: " + message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public ConfigException(String message, Throwable cause) {
        super("Config Invalid: " + message, cause);
    }
}
