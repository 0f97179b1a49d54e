package com.kameleoon.openfeature;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.ConfigurationFetch;
import com.kameleoon.ConfigurationFetch.Outcome;
import com.kameleoon.openfeature.ProviderHealth.Transition;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which OpenFeature event each configuration fetch calls for. */
class ProviderHealthTest {
    private static final ConfigurationFetch FAILED = new ConfigurationFetch(Outcome.FAILED, "HTTP 503", Instant.now());
    private static final ConfigurationFetch UPDATED = new ConfigurationFetch(Outcome.UPDATED, null, Instant.now());
    private static final ConfigurationFetch CURRENT = new ConfigurationFetch(Outcome.NOT_MODIFIED, null,
            Instant.now());

    @Test
    void aFailedRefreshAfterInitializationIsStaleOnceAndTheNextGoodFetchIsReady() {
        ProviderHealth health = new ProviderHealth();
        health.initialized();

        assertThat(health.after(CURRENT, true)).isEqualTo(Transition.NONE);
        assertThat(health.after(FAILED, true)).isEqualTo(Transition.STALE);
        assertThat(health.after(FAILED, true)).as("reported once").isEqualTo(Transition.NONE);
        assertThat(health.after(CURRENT, true)).isEqualTo(Transition.READY);
        assertThat(health.after(UPDATED, true)).isEqualTo(Transition.NONE);
    }

    @Test
    void fetchesDuringInitializationAreLeftToInitialize() {
        ProviderHealth health = new ProviderHealth();

        assertThat(health.after(FAILED, false)).isEqualTo(Transition.NONE);
        assertThat(health.after(UPDATED, true)).isEqualTo(Transition.NONE);
    }

    @Test
    void theFirstDatafileAfterAFailedInitializationIsReady() {
        ProviderHealth health = new ProviderHealth();
        health.initializationFailed();

        assertThat(health.after(FAILED, false)).isEqualTo(Transition.NONE);
        assertThat(health.after(UPDATED, true)).isEqualTo(Transition.READY);
        assertThat(health.after(FAILED, true)).isEqualTo(Transition.STALE);
    }
}
