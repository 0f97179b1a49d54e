package com.kameleoon.data;

/**
 * Marks the visitor code as a unique user identifier (cross-device): tracking then sends it as
 * {@code mappingValue} instead of {@code visitorCode}.
 *
 * @param value true when the code is a user identifier
 */
public record UniqueIdentifier(boolean value) implements Data {
    /** @return true when the code is a user identifier */
    public boolean isValue() {
        return value;
    }

    /** @return true when the code is a user identifier (the official SDK's getter name) */
    public boolean getValue() {
        return value;
    }
}
