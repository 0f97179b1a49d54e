package com.kameleoon.exceptions;

/** Thrown when a configuration file does not exist or cannot be read. */
public class ConfigFileNotFound extends ConfigException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, without any secret
     */
    public ConfigFileNotFound(String message) {
        super(message);
    }
}
