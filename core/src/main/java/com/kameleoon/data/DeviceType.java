package com.kameleoon.data;

/** Device classes known to Kameleoon targeting. */
public enum DeviceType {
    /** A phone. */
    PHONE,
    /** A tablet. */
    TABLET,
    /** A desktop or laptop computer. */
    DESKTOP
}
