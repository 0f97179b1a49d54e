package com.kameleoon.types;

/**
 * What {@code getRemoteVisitorData} asks the Data API for (docs/wire-format.md#visitor-data-request). Defaults: the
 * previous visit and the current one, custom data only, and the visitor code of the latest visit (for cross-device
 * bucketing). Immutable; build with {@link #builder()}.
 */
public final class RemoteVisitorDataFilter {
    private static final RemoteVisitorDataFilter DEFAULT = builder().build();

    private final int previousVisitAmount;
    private final boolean currentVisit;
    private final boolean customData;
    private final boolean pageViews;
    private final boolean geolocation;
    private final boolean device;
    private final boolean browser;
    private final boolean operatingSystem;
    private final boolean conversions;
    private final boolean experiments;
    private final boolean kcs;
    private final boolean visitorCode;
    private final boolean personalization;
    private final boolean cbs;

    private RemoteVisitorDataFilter(Builder b) {
        this.previousVisitAmount = b.previousVisitAmount;
        this.currentVisit = b.currentVisit;
        this.customData = b.customData;
        this.pageViews = b.pageViews;
        this.geolocation = b.geolocation;
        this.device = b.device;
        this.browser = b.browser;
        this.operatingSystem = b.operatingSystem;
        this.conversions = b.conversions;
        this.experiments = b.experiments;
        this.kcs = b.kcs;
        this.visitorCode = b.visitorCode;
        this.personalization = b.personalization;
        this.cbs = b.cbs;
    }

    /** The default filter (the official SDK's form of {@link #defaults()}). */
    public RemoteVisitorDataFilter() {
        this(new Builder());
    }

    /**
     * A filter of every flag but {@code kcs} (the official SDK's form).
     *
     * @param previousVisitAmount previous visits, clamped to 1–25
     * @param currentVisit include the current visit
     * @param customData include custom data
     * @param pageViews include page views
     * @param geolocation include the geolocation
     * @param device include the device
     * @param browser include the browser
     * @param operatingSystem include the operating system
     * @param conversion include conversions
     * @param experiments include experiment assignments
     * @deprecated use {@link #builder()}
     */
    @Deprecated
    public RemoteVisitorDataFilter(int previousVisitAmount, boolean currentVisit, boolean customData,
            boolean pageViews, boolean geolocation, boolean device, boolean browser, boolean operatingSystem,
            boolean conversion, boolean experiments) {
        this(previousVisitAmount, currentVisit, customData, pageViews, geolocation, device, browser,
                operatingSystem, conversion, experiments, false);
    }

    /**
     * A filter of every flag up to {@code kcs} (the official SDK's form).
     *
     * @param previousVisitAmount previous visits, clamped to 1–25
     * @param currentVisit include the current visit
     * @param customData include custom data
     * @param pageViews include page views
     * @param geolocation include the geolocation
     * @param device include the device
     * @param browser include the browser
     * @param operatingSystem include the operating system
     * @param conversion include conversions
     * @param experiments include experiment assignments
     * @param kcs include the Kameleoon conversion score
     * @deprecated use {@link #builder()}
     */
    @Deprecated
    public RemoteVisitorDataFilter(int previousVisitAmount, boolean currentVisit, boolean customData,
            boolean pageViews, boolean geolocation, boolean device, boolean browser, boolean operatingSystem,
            boolean conversion, boolean experiments, boolean kcs) {
        this(new Builder().previousVisitAmount(previousVisitAmount).currentVisit(currentVisit).customData(customData)
                .pageViews(pageViews).geolocation(geolocation).device(device).browser(browser)
                .operatingSystem(operatingSystem).conversions(conversion).experiments(experiments).kcs(kcs));
    }

    /** @return the default filter */
    public static RemoteVisitorDataFilter defaults() {
        return DEFAULT;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return previous visits asked for (1–25) */
    public int getPreviousVisitAmount() {
        return previousVisitAmount;
    }

    /** @return whether the current visit is included */
    public boolean isCurrentVisit() {
        return currentVisit;
    }

    /** @return whether custom data are included */
    public boolean isCustomData() {
        return customData;
    }

    /** @return whether page views are included */
    public boolean isPageViews() {
        return pageViews;
    }

    /** @return whether the geolocation is included */
    public boolean isGeolocation() {
        return geolocation;
    }

    /** @return whether the device is included */
    public boolean isDevice() {
        return device;
    }

    /** @return whether the browser is included */
    public boolean isBrowser() {
        return browser;
    }

    /** @return whether the operating system is included */
    public boolean isOperatingSystem() {
        return operatingSystem;
    }

    /** @return whether conversions are included */
    public boolean isConversions() {
        return conversions;
    }

    /** @return whether conversions are included (the official SDK's name of {@link #isConversions()}) */
    public boolean isConversion() {
        return conversions;
    }

    /** @return whether experiment assignments are included */
    public boolean isExperiments() {
        return experiments;
    }

    /** @return whether Kameleoon Conversion Scores are included */
    public boolean isKcs() {
        return kcs;
    }

    /** @return whether the latest visit's visitor code becomes the mapping identifier */
    public boolean isVisitorCode() {
        return visitorCode;
    }

    /** @return whether personalizations are included */
    public boolean isPersonalization() {
        return personalization;
    }

    /** @return whether contextual-bandit scores are included */
    public boolean isCbs() {
        return cbs;
    }

    /** Builds a {@link RemoteVisitorDataFilter}. Not thread-safe. */
    public static final class Builder {
        private int previousVisitAmount = 1;
        private boolean currentVisit = true;
        private boolean customData = true;
        private boolean pageViews;
        private boolean geolocation;
        private boolean device;
        private boolean browser;
        private boolean operatingSystem;
        private boolean conversions;
        private boolean experiments;
        private boolean kcs;
        private boolean visitorCode = true;
        private boolean personalization;
        private boolean cbs;

        private Builder() {
        }

        /**
         * @param value previous visits, clamped to 1–25
         * @return this builder
         */
        public Builder previousVisitAmount(int value) {
            this.previousVisitAmount = Math.max(1, Math.min(25, value));
            return this;
        }

        /** @param value include the current visit @return this builder */
        public Builder currentVisit(boolean value) {
            this.currentVisit = value;
            return this;
        }

        /** @param value include custom data @return this builder */
        public Builder customData(boolean value) {
            this.customData = value;
            return this;
        }

        /** @param value include page views @return this builder */
        public Builder pageViews(boolean value) {
            this.pageViews = value;
            return this;
        }

        /** @param value include the geolocation @return this builder */
        public Builder geolocation(boolean value) {
            this.geolocation = value;
            return this;
        }

        /** @param value include the device @return this builder */
        public Builder device(boolean value) {
            this.device = value;
            return this;
        }

        /** @param value include the browser @return this builder */
        public Builder browser(boolean value) {
            this.browser = value;
            return this;
        }

        /** @param value include the operating system @return this builder */
        public Builder operatingSystem(boolean value) {
            this.operatingSystem = value;
            return this;
        }

        /** @param value include conversions @return this builder */
        public Builder conversions(boolean value) {
            this.conversions = value;
            return this;
        }

        /** @param value include conversions (the official SDK's name) @return this builder */
        public Builder conversion(boolean value) {
            return conversions(value);
        }

        /** @param value include experiment assignments @return this builder */
        public Builder experiments(boolean value) {
            this.experiments = value;
            return this;
        }

        /** @param value include Kameleoon Conversion Scores @return this builder */
        public Builder kcs(boolean value) {
            this.kcs = value;
            return this;
        }

        /** @param value use the latest visit's visitor code as mapping identifier @return this builder */
        public Builder visitorCode(boolean value) {
            this.visitorCode = value;
            return this;
        }

        /** @param value include personalizations @return this builder */
        public Builder personalization(boolean value) {
            this.personalization = value;
            return this;
        }

        /** @param value include contextual-bandit scores @return this builder */
        public Builder cbs(boolean value) {
            this.cbs = value;
            return this;
        }

        /** @return the filter */
        public RemoteVisitorDataFilter build() {
            return new RemoteVisitorDataFilter(this);
        }
    }
}
