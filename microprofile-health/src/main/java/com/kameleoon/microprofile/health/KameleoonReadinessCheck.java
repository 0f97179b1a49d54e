package com.kameleoon.microprofile.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The readiness check {@code kameleoon}: up once the client has a datafile and while its visitor store's circuit is
 * closed; down before the first datafile, while the store is taken as unreachable, and when the application has
 * no client. The data are {@link com.kameleoon.jakarta.KameleoonHealth#data}'s figures. Reads the client's status
 * only (no I/O). Thread-safe.
 */
@Readiness
@ApplicationScoped
public class KameleoonReadinessCheck implements HealthCheck {
    @Inject
    ApplicationClientStatus status;

    @Override
    public HealthCheckResponse call() {
        return HealthResponses.readiness(status.now());
    }
}
