package com.kameleoon.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Fault} is a validated immutable value. */
@Timeout(5)
class FaultTest {
    @Test
    void factoriesValidateTheirArguments() {
        assertThatThrownBy(() -> Fault.status(99)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.status(600)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.delay(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.slowBody(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Fault.reset().times(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timesReturnsALimitedCopy() {
        Fault forever = Fault.status(503);
        Fault twice = forever.times(2);

        assertThat(forever).isNotEqualTo(twice).isEqualTo(Fault.status(503));
        assertThat(twice).isEqualTo(Fault.status(503).times(2)).hasSameHashCodeAs(Fault.status(503).times(2));
        assertThat(forever.count()).isEqualTo(Fault.FOREVER);
        assertThat(twice.count()).isEqualTo(2);
    }

    @Test
    void toStringReadsLikeTheFactoryCall() {
        assertThat(Fault.status(503).times(2)).hasToString("Fault.status(503).times(2)");
        assertThat(Fault.delay(Duration.ofSeconds(3))).hasToString("Fault.delay(PT3S)");
        assertThat(Fault.reset()).hasToString("Fault.reset()");
        assertThat(Fault.slowBody(Duration.ofMillis(50)).times(1)).hasToString("Fault.slowBody(PT0.05S).times(1)");
    }
}
