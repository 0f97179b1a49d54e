package com.kameleoon.microprofile.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** Without a client (before deployment ends, after undeploy) readiness is down and liveness up. */
class HealthResponsesTest {
    @Test
    void withoutAClientReadinessIsDownAndLivenessUp() {
        HealthCheckResponse readiness = HealthResponses.readiness(null);
        HealthCheckResponse liveness = HealthResponses.liveness(null);

        assertThat(readiness.getName()).isEqualTo("kameleoon");
        assertThat(readiness.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(readiness.getData()).hasValueSatisfying(data -> assertThat(data).containsExactly(
                java.util.Map.entry("started", false)));
        assertThat(liveness.getName()).isEqualTo("kameleoon");
        assertThat(liveness.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }
}
