package com.kameleoon.internal.unit;

import com.kameleoon.spi.StoreException;

/** Reads repository failures: whether they mean "unreachable", and a one-line description for the log. */
final class Failures {
    private Failures() {
    }

    /** Anything but a rejection is taken as "unreachable", as the repository contract says. */
    static boolean isUnavailable(Throwable failure) {
        return !(failure instanceof StoreException) || ((StoreException) failure).isUnavailable();
    }

    static boolean isOutcomeUnknown(Throwable failure) {
        return failure instanceof StoreException && ((StoreException) failure).isOutcomeUnknown();
    }

    static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = failure.getMessage();
        String root = cause == failure ? "" : "; cause " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return failure.getClass().getSimpleName() + ": " + message + root;
    }
}
