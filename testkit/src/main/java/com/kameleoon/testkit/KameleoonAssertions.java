package com.kameleoon.testkit;

/**
 * The entry point of the testkit's tracking assertions, named so that a static import reads well next to other
 * assertion libraries: {@code KameleoonAssertions.assertThat(tracking).exposed("v1", "new_checkout", "on")}.
 * Failures are {@code org.opentest4j.AssertionFailedError}s, which every JUnit 5 runner and IDE reports as test
 * failures. Stateless.
 */
public final class KameleoonAssertions {
    private KameleoonAssertions() {
    }

    /**
     * @param tracking what a client tracked
     * @return assertions on it
     */
    public static TrackingAssert assertThat(KameleoonTracking tracking) {
        return new TrackingAssert(tracking);
    }
}
