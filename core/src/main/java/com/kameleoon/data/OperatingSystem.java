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

    /**
     * An operating system of the official SDK's {@link Type}.
     *
     * @param type the operating system
     */
    public OperatingSystem(Type type) {
        this(Arguments.nonNull(type, "OperatingSystem type must not be null").toOperatingSystemType());
    }

    /** @return Windows */
    public static OperatingSystem windows() {
        return new OperatingSystem(OperatingSystemType.WINDOWS);
    }

    /** @return macOS */
    public static OperatingSystem mac() {
        return new OperatingSystem(OperatingSystemType.MAC);
    }

    /** @return iOS */
    public static OperatingSystem ios() {
        return new OperatingSystem(OperatingSystemType.IOS);
    }

    /** @return Linux */
    public static OperatingSystem linux() {
        return new OperatingSystem(OperatingSystemType.LINUX);
    }

    /** @return Android */
    public static OperatingSystem android() {
        return new OperatingSystem(OperatingSystemType.ANDROID);
    }

    /** @return Windows Phone */
    public static OperatingSystem windowsPhone() {
        return new OperatingSystem(OperatingSystemType.WINDOWS_PHONE);
    }

    /** @return the operating system (JavaBean form for EL) */
    public OperatingSystemType getType() {
        return type;
    }

    /**
     * The operating systems under the official SDK's nested name ({@code OperatingSystem.Type.IOS}); each maps to
     * the {@link OperatingSystemType} of the same name, which {@link #getType()} returns.
     */
    public enum Type {
        /** Microsoft Windows. */
        WINDOWS(OperatingSystemType.WINDOWS),
        /** Apple macOS. */
        MAC(OperatingSystemType.MAC),
        /** Apple iOS. */
        IOS(OperatingSystemType.IOS),
        /** Linux. */
        LINUX(OperatingSystemType.LINUX),
        /** Android. */
        ANDROID(OperatingSystemType.ANDROID),
        /** Windows Phone. */
        WINDOWS_PHONE(OperatingSystemType.WINDOWS_PHONE);

        private final OperatingSystemType operatingSystemType;

        Type(OperatingSystemType operatingSystemType) {
            this.operatingSystemType = operatingSystemType;
        }

        /** @return the same system as this project's {@link OperatingSystemType} */
        public OperatingSystemType toOperatingSystemType() {
            return operatingSystemType;
        }
    }
}
