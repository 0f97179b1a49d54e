package com.kameleoon.data;


/**
 * The visitor's operating system. Single per visitor: a new one replaces the previous.
 *
 * @param type the operating system, not null
 */
public record OperatingSystem(OperatingSystemType type) implements Data {
    /** Validates the type. */
    public OperatingSystem {
        Arguments.nonNull(type, "OperatingSystem type must not be null");
    }

    /** @return the operating system (JavaBean form for EL) */
    public OperatingSystemType getType() {
        return type;
    }
}
