package com.kameleoon.testdatabases;

import java.util.Locale;
import java.util.Optional;

/** A test setting read from a system property, else from the environment variable of the same name. */
final class TestSetting {
    private TestSetting() {
    }

    /**
     * Reads {@code kameleoon.test.pg.url} from the system property, else from {@code KAMELEOON_TEST_PG_URL}; a blank
     * value counts as not set, so a blank property falls through to the environment.
     *
     * @param property the property name
     * @return the value, empty when neither is set
     */
    static Optional<String> read(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentName(property));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_');
    }
}
