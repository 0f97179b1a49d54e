package com.kameleoon;

/**
 * The root of every exception this SDK throws, under the name and with the nested types the official Kameleoon
 * Java SDK documents ({@code KameleoonException.FeatureNotFound}, {@code KameleoonException.VisitorCodeInvalid},
 * ...), so that code written for it compiles unchanged.
 *
 * <p>Unlike the official SDK's, these exceptions are unchecked: catching or declaring them compiles either way,
 * while checked ones would force every caller of the short, top-level types in
 * {@link com.kameleoon.exceptions} to handle errors it cannot have. Each nested type is a super type of the
 * same-named type in {@link com.kameleoon.exceptions}, which is what the SDK actually throws, so that a
 * {@code catch} of either name catches it. The chain, for example for an unknown flag: {@code
 * exceptions.FeatureNotFound} &rarr; {@code KameleoonException.FeatureNotFound} &rarr; {@code
 * exceptions.FeatureException} &rarr; {@code KameleoonException.FeatureException} &rarr; {@code
 * exceptions.KameleoonException} &rarr; this class.
 *
 * <p>Messages start with {@link #PREFIX} and never contain a secret.
 */
public class KameleoonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The prefix every message starts with, as in the official SDKs. */
    public static final String PREFIX = "Kameleoon SDK: ";

    /**
     * Creates the exception.
     *
     * @param message what went wrong; the SDK prefix is added when missing
     */
    public KameleoonException(String message) {
        super(prefixed(message));
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong; the SDK prefix is added when missing
     * @param cause the underlying failure
     */
    public KameleoonException(String message, Throwable cause) {
        super(prefixed(message), cause);
    }

    private static String prefixed(String message) {
        if (message == null) {
            return PREFIX.trim();
        }
        return message.startsWith(PREFIX) ? message : PREFIX + message;
    }

    /** Base of the errors about one feature flag: unknown key, variation or variable, or a flag off in the environment. */
    public static class FeatureException extends com.kameleoon.exceptions.KameleoonException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param message what went wrong, without any secret
         */
        public FeatureException(String message) {
            super(message);
        }
    }

    /** The feature key is not in the loaded configuration. */
    public static class FeatureNotFound extends com.kameleoon.exceptions.FeatureException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param message what went wrong, without any secret
         */
        public FeatureNotFound(String message) {
            super(message);
        }
    }

    /** The variation key is not one of the flag's variations. */
    public static class FeatureVariationNotFound extends com.kameleoon.exceptions.FeatureException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param message what went wrong, without any secret
         */
        public FeatureVariationNotFound(String message) {
            super(message);
        }
    }

    /** The variable key is not one of the variation's variables. */
    public static class FeatureVariableNotFound extends com.kameleoon.exceptions.FeatureException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param message what went wrong, without any secret
         */
        public FeatureVariableNotFound(String message) {
            super(message);
        }
    }

    /** The flag is switched off in the client's environment. */
    public static class FeatureEnvironmentDisabled extends com.kameleoon.exceptions.FeatureException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param message what went wrong, without any secret
         */
        public FeatureEnvironmentDisabled(String message) {
            super(message);
        }
    }

    /** The experiment id is not one of the configuration's experiments. */
    public static class FeatureExperimentNotFound extends com.kameleoon.exceptions.FeatureException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param message what went wrong, without any secret
         */
        public FeatureExperimentNotFound(String message) {
            super(message);
        }
    }

    /** The visitor code is empty or longer than 255 characters. */
    public static class VisitorCodeInvalid extends com.kameleoon.exceptions.KameleoonException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param message what went wrong, without any secret
         */
        public VisitorCodeInvalid(String message) {
            super(message);
        }
    }

    /** Base of the errors about the client's configuration. */
    public static class ConfigException extends com.kameleoon.exceptions.KameleoonException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param message what went wrong, without any secret
         */
        public ConfigException(String message) {
            super(message);
        }

        /**
         * Creates the exception with a cause.
         *
         * @param message what went wrong, without any secret
         * @param cause the underlying failure
         */
        public ConfigException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The client id or secret is missing or was refused. */
    public static class ConfigCredentialsInvalid extends com.kameleoon.exceptions.ConfigException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param message what went wrong, without any secret
         */
        public ConfigCredentialsInvalid(String message) {
            super(message);
        }

        /**
         * Creates the exception with a cause.
         *
         * @param message what went wrong, without any secret
         * @param cause the underlying failure
         */
        public ConfigCredentialsInvalid(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The site code given to the factory is null or empty. */
    public static class SiteCodeIsEmpty extends com.kameleoon.exceptions.ConfigException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param message what went wrong, without any secret
         */
        public SiteCodeIsEmpty(String message) {
            super(message);
        }

        /**
         * Creates the exception with a cause.
         *
         * @param message what went wrong, without any secret
         * @param cause the underlying failure
         */
        public SiteCodeIsEmpty(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A datafile cannot be used: not JSON, or a field of the wrong type. */
    public static class DataFileInvalid extends com.kameleoon.exceptions.ConfigException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param message what went wrong, without any secret
         */
        public DataFileInvalid(String message) {
            super(message);
        }

        /**
         * Creates the exception with a cause.
         *
         * @param message what went wrong, without any secret
         * @param cause the underlying failure
         */
        public DataFileInvalid(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The client has no configuration yet. This SDK evaluates nothing before its configuration is loaded and answers the flag's absence with FeatureNotFound instead, so it never throws this type; it exists so that code catching it compiles. */
    public static class SDKNotReady extends com.kameleoon.exceptions.KameleoonException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param message what went wrong, without any secret
         */
        public SDKNotReady(String message) {
            super(message);
        }
    }
}
