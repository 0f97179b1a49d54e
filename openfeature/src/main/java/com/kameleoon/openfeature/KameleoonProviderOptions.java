package com.kameleoon.openfeature;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link KameleoonProvider} maps OpenFeature onto the Kameleoon client. Immutable; build it with
 * {@link #builder()}, or take {@link #defaults()}.
 *
 * <pre>{@code
 * KameleoonProviderOptions options = KameleoonProviderOptions.builder()
 *         .trackExposure(false)                 // evaluate without reporting exposures
 *         .initializationTimeout(Duration.ofSeconds(5))
 *         .build();
 * }</pre>
 */
public final class KameleoonProviderOptions {
    /** The context attribute that names the variable of a non-boolean evaluation, unless the flag key does. */
    public static final String DEFAULT_VARIABLE_KEY_ATTRIBUTE = "variableKey";
    /** How long {@code initialize} waits for the first datafile by default. */
    public static final Duration DEFAULT_INITIALIZATION_TIMEOUT = Duration.ofSeconds(10);

    private static final KameleoonProviderOptions DEFAULTS = builder().build();

    private final boolean trackExposure;
    private final boolean addContextData;
    private final Duration initializationTimeout;
    private final String variableKeyAttribute;

    private KameleoonProviderOptions(Builder builder) {
        this.trackExposure = builder.trackExposure;
        this.addContextData = builder.addContextData;
        this.initializationTimeout = builder.initializationTimeout;
        this.variableKeyAttribute = builder.variableKeyAttribute;
    }

    /** @return the defaults: exposures tracked, context data added, 10 s to initialize, {@code variableKey} */
    public static KameleoonProviderOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return true when an evaluation reports the exposure, as {@code getVariation(code, flag)} does */
    public boolean trackExposure() {
        return trackExposure;
    }

    /** @return true when the context's mapped attributes are added to the visitor before each evaluation */
    public boolean addContextData() {
        return addContextData;
    }

    /** @return how long {@code initialize} waits for the first datafile */
    public Duration initializationTimeout() {
        return initializationTimeout;
    }

    /** @return the context attribute naming a flag's variable */
    public String variableKeyAttribute() {
        return variableKeyAttribute;
    }

    @Override
    public String toString() {
        return "KameleoonProviderOptions{trackExposure=" + trackExposure + ", addContextData=" + addContextData
                + ", initializationTimeout=" + initializationTimeout + ", variableKeyAttribute="
                + variableKeyAttribute + "}";
    }

    /** Collects options; not thread-safe, use it from one thread and build once. */
    public static final class Builder {
        private boolean trackExposure = true;
        private boolean addContextData = true;
        private Duration initializationTimeout = DEFAULT_INITIALIZATION_TIMEOUT;
        private String variableKeyAttribute = DEFAULT_VARIABLE_KEY_ATTRIBUTE;

        private Builder() {
        }

        /**
         * @param track false to evaluate without reporting exposures (the default reports them, like
         *        {@code getVariation})
         * @return this builder
         */
        public Builder trackExposure(boolean track) {
            this.trackExposure = track;
            return this;
        }

        /**
         * @param add false to ignore the context's attributes (only the targeting key is used)
         * @return this builder
         */
        public Builder addContextData(boolean add) {
            this.addContextData = add;
            return this;
        }

        /**
         * @param timeout how long {@code initialize} waits for the first datafile; positive
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder initializationTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "initializationTimeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("initializationTimeout must be positive: " + timeout);
            }
            this.initializationTimeout = timeout;
            return this;
        }

        /**
         * @param attribute the context attribute naming a flag's variable; not blank
         * @return this builder
         * @throws IllegalArgumentException when blank
         */
        public Builder variableKeyAttribute(String attribute) {
            if (attribute == null || attribute.isBlank()) {
                throw new IllegalArgumentException("variableKeyAttribute must not be blank");
            }
            this.variableKeyAttribute = attribute;
            return this;
        }

        /** @return the options */
        public KameleoonProviderOptions build() {
            return new KameleoonProviderOptions(this);
        }
    }
}
