package com.kameleoon.data;

/** Argument checks of the data types: a clear {@link IllegalArgumentException} instead of a late NPE. */
final class Arguments {
    private Arguments() {
    }

    static <T> T nonNull(T value, String message) {
        if (value == null) {
            throw new IllegalArgumentException(message);
        }
        return value;
    }
}
