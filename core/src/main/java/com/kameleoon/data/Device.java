package com.kameleoon.data;


/**
 * The visitor's device class. Single per visitor: a new one replaces the previous.
 *
 * @param type the device class, not null
 */
public record Device(DeviceType type) implements Data {
    /** Validates the type. */
    public Device {
        Arguments.nonNull(type, "Device type must not be null");
    }

    /** @return the device class (JavaBean form for EL) */
    public DeviceType getType() {
        return type;
    }
}
