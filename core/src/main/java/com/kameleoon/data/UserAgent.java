package com.kameleoon.data;


/**
 * The visitor's {@code User-Agent} header. Single per visitor; sent as the {@code userAgent} parameter of
 * the visitor's first tracking line so that Kameleoon can filter bots.
 *
 * @param value the header value, not null
 */
public record UserAgent(String value) implements Data {
    /** Validates the value. */
    public UserAgent {
        Arguments.nonNull(value, "UserAgent value must not be null");
    }

    /** @return the header value */
    public String getValue() {
        return value;
    }
}
