package com.kameleoon.data;

/** Operating systems known to Kameleoon targeting; the ordinal is the wire {@code osIndex}. */
public enum OperatingSystemType {
    /** Microsoft Windows (index 0). */
    WINDOWS,
    /** Apple macOS (index 1). */
    MAC,
    /** Apple iOS (index 2). */
    IOS,
    /** Linux (index 3). */
    LINUX,
    /** Android (index 4). */
    ANDROID,
    /** Windows Phone (index 5). */
    WINDOWS_PHONE
}
