package com.kameleoon.it.container;

/**
 * A container did not start, deploy, undeploy or stop as asked within its time bound; the message carries what
 * the container logged, so a failing test explains itself without opening files under {@code target}.
 */
public final class ContainerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was expected, followed by the log excerpt
     */
    public ContainerException(String message) {
        super(message);
    }

    /**
     * @param message what was expected, followed by the log excerpt
     * @param cause   the underlying failure
     */
    public ContainerException(String message, Throwable cause) {
        super(message, cause);
    }
}
