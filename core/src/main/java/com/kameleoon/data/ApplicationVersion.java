package com.kameleoon.data;


/**
 * The version of the visitor's application (for example a mobile app), matched by the
 * {@code APPLICATION_VERSION} condition as {@code major.minor.patch}. Single per visitor; never sent.
 *
 * @param version the version text, not null
 */
public record ApplicationVersion(String version) implements Data {
    /** Validates the version. */
    public ApplicationVersion {
        Arguments.nonNull(version, "ApplicationVersion must not be null");
    }

    /** @return the version text */
    public String getVersion() {
        return version;
    }
}
