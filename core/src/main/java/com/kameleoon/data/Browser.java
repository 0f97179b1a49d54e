package com.kameleoon.data;


/**
 * The visitor's browser and its version. Single per visitor. A version of {@link Double#NaN} means
 * "unknown": every version comparison in targeting is then false.
 *
 * @param type the browser family, not null
 * @param version the version as a number (major.minor), NaN when unknown
 */
public record Browser(BrowserType type, double version) implements Data {
    /** Validates the type. */
    public Browser {
        Arguments.nonNull(type, "Browser type must not be null");
    }

    /**
     * A browser without version.
     *
     * @param type the browser family
     */
    public Browser(BrowserType type) {
        this(type, Double.NaN);
    }

    /** @return the browser family */
    public BrowserType getType() {
        return type;
    }

    /** @return the version, NaN when unknown */
    public double getVersion() {
        return version;
    }
}
