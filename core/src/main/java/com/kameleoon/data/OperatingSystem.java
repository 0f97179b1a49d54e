package com.kameleoon.data;

import java.util.Objects;

/**
 * The visitor's operating system. Single per visitor: a new one replaces the previous.
 *
 * @param type the operating system, not null
 */
public record OperatingSystem(OperatingSystemType type) implements Data {
    /** Validates the type. */
    public OperatingSystem {
        Objects.requireNonNull(type, "OperatingSystem type must not be null");
    }

    /** @return the operating system (JavaBean form for EL) */
    public OperatingSystemType getType() {
        return type;
    }
}
