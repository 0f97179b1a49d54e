package com.kameleoon.microprofile.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * The liveness check {@code kameleoon}: always up while the application answers, with the same figures as the
 * readiness check. Nothing the client can be in is repaired by a restart: fetches are retried, the store's
 * circuit probes the database every second and undelivered tracking waits in the outbox, each recovering by
 * itself once Kameleoon or the database is back. A down liveness would only have the orchestrator restart every
 * node at once during an outage outside them, losing in-memory units and the datafile with it. Thread-safe.
 */
@Liveness
@ApplicationScoped
public class KameleoonLivenessCheck implements HealthCheck {
    @Inject
    ApplicationClientStatus status;

    @Override
    public HealthCheckResponse call() {
        return HealthResponses.liveness(status.now());
    }
}
