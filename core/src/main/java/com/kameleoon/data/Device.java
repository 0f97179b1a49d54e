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

    /**
     * A device of the official SDK's {@link Type}.
     *
     * @param type the device class
     */
    public Device(Type type) {
        this(Arguments.nonNull(type, "Device type must not be null").toDeviceType());
    }

    /** @return a desktop or laptop computer */
    public static Device desktop() {
        return new Device(DeviceType.DESKTOP);
    }

    /** @return a tablet */
    public static Device tablet() {
        return new Device(DeviceType.TABLET);
    }

    /** @return a phone */
    public static Device phone() {
        return new Device(DeviceType.PHONE);
    }

    /** @return the device class (JavaBean form for EL) */
    public DeviceType getType() {
        return type;
    }

    /**
     * The device classes under the official SDK's nested name ({@code Device.Type.PHONE}); each maps to the
     * {@link DeviceType} of the same name, which {@link #getType()} returns.
     */
    public enum Type {
        /** A phone. */
        PHONE(DeviceType.PHONE),
        /** A tablet. */
        TABLET(DeviceType.TABLET),
        /** A desktop or laptop computer. */
        DESKTOP(DeviceType.DESKTOP);

        private final DeviceType deviceType;

        Type(DeviceType deviceType) {
            this.deviceType = deviceType;
        }

        /** @return the same class as this project's {@link DeviceType} */
        public DeviceType toDeviceType() {
            return deviceType;
        }
    }
}
