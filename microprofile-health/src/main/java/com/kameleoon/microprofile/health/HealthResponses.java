package com.kameleoon.microprofile.health;

import com.kameleoon.integration.ClientStatus;
import com.kameleoon.jakarta.KameleoonHealth;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;

/**
 * Turns a client's status into the checks' responses. Uses the response's constructor rather than its builder,
 * which needs the server's implementation, so that it runs in plain unit tests too. Thread-safe (stateless).
 */
final class HealthResponses {
    private HealthResponses() {
    }

    /**
     * @param status the client's status, or null when the application has no client (yet, or any more)
     * @return up when {@link KameleoonHealth#ready ready}, with the status's figures
     */
    static HealthCheckResponse readiness(ClientStatus status) {
        return response(KameleoonHealth.ready(status), status);
    }

    /**
     * @param status the client's status, or null when the application has no client (yet, or any more)
     * @return always up, with the status's figures
     */
    static HealthCheckResponse liveness(ClientStatus status) {
        return response(true, status);
    }

    private static HealthCheckResponse response(boolean up, ClientStatus status) {
        return new HealthCheckResponse(KameleoonHealth.CHECK_NAME, up ? Status.UP : Status.DOWN,
                Optional.of(KameleoonHealth.data(status)));
    }
}
