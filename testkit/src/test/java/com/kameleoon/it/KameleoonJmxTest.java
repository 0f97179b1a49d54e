package com.kameleoon.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.integration.KameleoonJmx;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.testkit.KameleoonTestServer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link KameleoonJmx}: a client's bean in the platform MBean server tells its status and counters, a second client
 * of the same site gets its own name, and closing the client unregisters the bean.
 */
@Timeout(60)
class KameleoonJmxTest {
    private static final String SITE = "jmx-site";
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private KameleoonTestServer backend;

    @BeforeEach
    void start() throws Exception {
        backend = KameleoonTestServer.start();
        backend.setDataFile(SITE, null, Files.readString(TestClients.resource("/conformance/public/datafile.json")));
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    @Test
    void theBeanTellsTheStatusAndCountersAndGoesAwayWithTheClient() throws Exception {
        ObjectName name = new ObjectName("com.kameleoon:type=Client,site=" + SITE);
        DefaultKameleoonClient client = TestClients.client(SITE,
                TestClients.online(backend).defaultTimeoutMillisecond(10_000).build());
        try {
            assertThat(client.waitInit().get(30, TimeUnit.SECONDS)).isTrue();
            KameleoonJmx.Registration registration = KameleoonJmx.register(client);
            assertThat(registration.name()).isEqualTo(name);
            assertThat(server.isRegistered(name)).isTrue();

            client.getVariation("jmx-visitor", "pricing_page");
            client.trackConversion("jmx-visitor", 1);
            client.flush("jmx-visitor", true);
            backend.awaitTrackingLines(2, Duration.ofSeconds(10));

            assertThat(server.getAttribute(name, "SiteCode")).isEqualTo(SITE);
            assertThat(server.getAttribute(name, "Ready")).isEqualTo(true);
            assertThat(server.getAttribute(name, "Conversions")).isEqualTo(1L);
            assertThat((Long) server.getAttribute(name, "Exposures")).isLessThanOrEqualTo(1L);
            TabularData evaluations = (TabularData) server.getAttribute(name, "Evaluations");
            long pricing = 0;
            for (Object row : evaluations.values()) {
                CompositeData entry = (CompositeData) row;
                if (((String) entry.get("key")).startsWith("pricing_page/")) {
                    pricing += (Long) entry.get("value");
                }
            }
            assertThat(pricing).isEqualTo(1);
            assertThat((Long) server.getAttribute(name, "OutboxDepth")).isGreaterThanOrEqualTo(0);
            assertThat(server.getAttribute(name, "Commits")).isEqualTo(0L);

            try (DefaultKameleoonClient twin = TestClients.client(SITE, TestClients.online(backend).build())) {
                assertThat(KameleoonJmx.register(twin).name().toString()).endsWith(",instance=2");
            }
            assertThat(server.isRegistered(new ObjectName(name + ",instance=2"))).as("closed with its client").isFalse();
        } finally {
            client.close();
        }
        assertThat(server.isRegistered(name)).isFalse();
    }
}
