package com.kameleoon.microprofile.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonClientFactory;
import com.kameleoon.integration.KameleoonMonitor;
import com.kameleoon.integration.KameleoonRequests;
import com.kameleoon.integration.RequestFacts;
import com.kameleoon.integration.VisitorUnit;
import com.kameleoon.persistence.KameleoonDatabase;
import com.kameleoon.persistence.KameleoonPersistence;
import com.kameleoon.testing.Eventually;
import com.kameleoon.testdatabases.ScratchDatabase;
import com.kameleoon.testdatabases.TestDatabaseServers;
import com.kameleoon.testkit.KameleoonTestServer;
import com.kameleoon.testkit.TcpProxy;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Readiness across a database outage: a fresh PostgreSQL database (the test databases' server) behind the testkit's
 * {@link TcpProxy} holds the JDBC store. Up with the datafile and the database; the proxy then hangs up on every
 * connection and a tracked request's write fails, so the store's circuit opens and readiness goes down (liveness
 * stays up); the proxy lets connections through again and readiness is up once the circuit's probe (once a
 * second) gets through. (An H2 TCP server was used first: cutting its sessions mid-statement sometimes left its
 * database closing for good, so readiness rightly never came back.)
 */
@Timeout(120)
class ReadinessDatabaseOutageTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void downWhileTheStoresCircuitIsOpenUpAfterTheDatabaseReturns() throws Exception {
        try (ScratchDatabase scratch = ScratchDatabase.create(TestDatabaseServers.postgresql(), "kameleoon_health")) {
            URI url = URI.create(scratch.url().substring("jdbc:".length()));
            try (KameleoonTestServer backend = KameleoonTestServer.start();
                    TcpProxy proxy = TcpProxy.start(url.getHost(), url.getPort() < 0 ? 5432 : url.getPort());
                    KameleoonDatabase database = KameleoonDatabase.builder()
                            .jdbcUrl("jdbc:postgresql://127.0.0.1:" + proxy.port() + url.getPath())
                            .username(scratch.user()).password(scratch.password()).maximumPoolSize(2)
                            .connectionTimeout(Duration.ofMillis(500)).poolName("health-outage").build();
                    KameleoonPersistence persistence = KameleoonPersistence.create(database, TestSite.CODE, 30)) {
                TestSite.publish(backend);
                try (KameleoonClient client = KameleoonClientFactory.build(TestSite.CODE,
                        TestSite.config(backend, 5_000), persistence.components())) {
                    KameleoonMonitor monitor = KameleoonMonitor.of(client);
                    KameleoonRequests requests = KameleoonRequests.of(client);
                    Eventually.until("readiness with the datafile and the database", WAIT, () -> ready(monitor));
                    serve(client, requests, "before-outage");
                    assertThat(ready(monitor)).as("a stored request keeps it ready").isTrue();

                    proxy.switchTo(TcpProxy.Mode.REFUSE);
                    long cut = System.nanoTime();
                    serve(client, requests, "during-outage");
                    Eventually.until("readiness to go down once the store's circuit opens", WAIT,
                            () -> !ready(monitor));
                    HealthCheckResponse down = HealthResponses.readiness(monitor.status());
                    assertThat(ReadinessFirstDatafileTest.data(down)).containsEntry("configurationLoaded", true)
                            .containsEntry("storeCircuitOpen", true);
                    assertThat(HealthResponses.liveness(monitor.status()).getStatus()).isEqualTo(Status.UP);
                    System.out.printf("readiness down %d ms after the cut; %s%n",
                            (System.nanoTime() - cut) / 1_000_000, down.getData().orElseThrow());

                    proxy.switchTo(TcpProxy.Mode.PASS);
                    long restore = System.nanoTime();
                    Eventually.until("readiness to come back once the database answers", WAIT, () -> ready(monitor));
                    HealthCheckResponse up = HealthResponses.readiness(monitor.status());
                    assertThat(ReadinessFirstDatafileTest.data(up)).containsEntry("storeCircuitOpen", false);
                    System.out.printf("readiness up %d ms after the restore; %s%n",
                            (System.nanoTime() - restore) / 1_000_000, up.getData().orElseThrow());
                }
            }
        }
    }

    private static boolean ready(KameleoonMonitor monitor) {
        return HealthResponses.readiness(monitor.status()).getStatus() == Status.UP;
    }

    /** One request's unit of work: a tracked evaluation and a conversion, written when the unit ends. */
    private static void serve(KameleoonClient client, KameleoonRequests requests, String visitorCode)
            throws Exception {
        VisitorUnit unit = requests.open(visitorCode, RequestFacts.NONE);
        try {
            client.getVariation(visitorCode, TestSite.FLAG, true);
            client.trackConversion(visitorCode, 7);
        } finally {
            unit.end();
        }
    }
}
