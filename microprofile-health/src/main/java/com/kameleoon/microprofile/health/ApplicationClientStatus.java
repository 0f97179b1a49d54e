package com.kameleoon.microprofile.health;

import com.kameleoon.integration.ClientStatus;
import com.kameleoon.integration.KameleoonMonitor;
import com.kameleoon.jakarta.KameleoonJakarta;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.ServletContext;

/**
 * The status of the web application's client, for the health checks. Keeps the application's
 * {@code ServletContext} from CDI's start event rather than injecting it: servers call health checks outside any
 * request (WildFly on its management thread), where the injected {@code ServletContext} proxy has no active
 * context to resolve against. Thread-safe.
 */
@ApplicationScoped
public class ApplicationClientStatus {
    private volatile ServletContext context;

    /**
     * Keeps the web application, told by CDI once the application starts.
     *
     * @param started the web application
     */
    void started(@Observes @Initialized(ApplicationScoped.class) ServletContext started) {
        this.context = started;
    }

    /**
     * @return the client's status, or null before the application started, before its client is built and after
     *         undeploy
     */
    public ClientStatus now() {
        ServletContext current = context;
        return current == null ? null
                : KameleoonJakarta.monitor(current).map(KameleoonMonitor::status).orElse(null);
    }
}
