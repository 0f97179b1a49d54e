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

    /**
     * A browser of the official SDK's {@link Type}, with a version or without ({@code null}).
     *
     * @param type the browser family
     * @param version the version (major.minor), {@code null} when unknown
     */
    public Browser(Type type, Float version) {
        this(Arguments.nonNull(type, "Browser type must not be null").toBrowserType(),
                version == null ? Double.NaN : version.doubleValue());
    }

    /**
     * A browser of the official SDK's {@link Type}, without version.
     *
     * @param type the browser family
     */
    public Browser(Type type) {
        this(type, null);
    }

    /** @return Chrome, version unknown */
    public static Browser chrome() {
        return new Browser(BrowserType.CHROME);
    }

    /** @return Internet Explorer, version unknown */
    public static Browser internetExplorer() {
        return new Browser(BrowserType.INTERNET_EXPLORER);
    }

    /** @return Firefox, version unknown */
    public static Browser firefox() {
        return new Browser(BrowserType.FIREFOX);
    }

    /** @return Safari, version unknown */
    public static Browser safari() {
        return new Browser(BrowserType.SAFARI);
    }

    /** @return Opera, version unknown */
    public static Browser opera() {
        return new Browser(BrowserType.OPERA);
    }

    /** @return another browser, version unknown */
    public static Browser other() {
        return new Browser(BrowserType.OTHER);
    }

    /** @return the browser family */
    public BrowserType getType() {
        return type;
    }

    /** @return the version, NaN when unknown */
    public double getVersion() {
        return version;
    }

    /**
     * The browser families under the official SDK's nested name ({@code Browser.Type.CHROME}); each maps to the
     * {@link BrowserType} of the same name, which {@link #getType()} returns.
     */
    public enum Type {
        /** Google Chrome. */
        CHROME(BrowserType.CHROME),
        /** Microsoft Internet Explorer. */
        INTERNET_EXPLORER(BrowserType.INTERNET_EXPLORER),
        /** Mozilla Firefox. */
        FIREFOX(BrowserType.FIREFOX),
        /** Apple Safari. */
        SAFARI(BrowserType.SAFARI),
        /** Opera. */
        OPERA(BrowserType.OPERA),
        /** Anything else. */
        OTHER(BrowserType.OTHER);

        private final BrowserType browserType;

        Type(BrowserType browserType) {
            this.browserType = browserType;
        }

        /** @return the same family as this project's {@link BrowserType} */
        public BrowserType toBrowserType() {
            return browserType;
        }
    }
}
