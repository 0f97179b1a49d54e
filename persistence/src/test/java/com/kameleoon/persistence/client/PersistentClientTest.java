package com.kameleoon.persistence.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Device;
import com.kameleoon.data.DeviceType;
import com.kameleoon.data.PageView;
import com.kameleoon.internal.ClientDependencies;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.persistence.KameleoonDatabase;
import com.kameleoon.persistence.KameleoonPersistence;
import com.kameleoon.persistence.internal.outbox.JdbcOutbox;
import com.kameleoon.persistence.testing.Sql;
import com.kameleoon.persistence.testing.TestDatabases;
import com.kameleoon.persistence.testing.Vendor;
import com.kameleoon.internal.visitor.VisitorStore;
import com.kameleoon.testing.WatchedOutbox;
import com.kameleoon.testkit.Endpoint;
import com.kameleoon.testkit.KameleoonTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The client on the JDBC persistence, as two cluster nodes: visitor state written by one node is used by the
 * other, tracking lines go through the database outbox to the Data API, concurrent nodes lose nothing, and a
 * node started while Kameleoon is unreachable serves the cached datafile.
 */
class PersistentClientTest {
    private static final TestDatabases DATABASES = new TestDatabases();
    private static final String SITE = "persistent-site";
    /** How long a relay may take to look at the outbox again: a few tracking intervals. */
    private static final Duration NEXT_RELAY_LOOK = Duration.ofSeconds(10);
    private KameleoonTestServer server;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<KameleoonPersistence> persistences = new ArrayList<>();
    private final List<WatchedOutbox> outboxes = new ArrayList<>();

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    @BeforeEach
    void start() {
        server = KameleoonTestServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
        server.close();
    }

    private static Path datafile() throws Exception {
        return Path.of(PersistentClientTest.class.getResource("/datafiles/example.json").toURI());
    }

    /** A node: its own pool, persistence and client, on the shared database; its relay's outbox is watched. */
    private DefaultKameleoonClient node(Vendor vendor) throws Exception {
        KameleoonDatabase shared = DATABASES.migrated(vendor);
        KameleoonPersistence persistence = KameleoonPersistence.create(shared, SITE, 30 * 60_000L,
                System::currentTimeMillis, JdbcOutbox.Settings.DEFAULT, false);
        WatchedOutbox outbox = new WatchedOutbox(persistence.outbox());
        DefaultKameleoonClient client = new DefaultKameleoonClient(SITE, KameleoonClientConfig.builder()
                .dataFile(datafile()).dataApiUrl(server.baseUri()).topLevelDomain("example.com").build(),
                ClientDependencies.of(persistence.components()).withOutbox(outbox).withRetryDelayMillis(100));
        resources.add(persistence);
        persistences.add(persistence);
        outboxes.add(outbox);
        resources.add(client);
        return client;
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void dataAddedOnOneNodeTargetsOnTheOtherAndTrackingGoesThroughTheOutbox(Vendor vendor) throws Exception {
        DefaultKameleoonClient node1 = node(vendor);
        DefaultKameleoonClient node2 = node(vendor);
        String code = "vip-" + vendor;
        assertThat(node2.getVariation(code, "vip_free_shipping").getKey()).isEqualTo("off");
        node1.addData(code, new CustomData("customer_tier", "vip"));
        assertThat(node2.getVariation(code, "vip_free_shipping").getKey()).as("segment 501 via node 1's data")
                .isEqualTo("on");
        String pricing = node1.getVariation(code, "pricing_page").getKey();
        assertThat(node2.getVariation(code, "pricing_page").getKey()).as("sticky across nodes").isEqualTo(pricing);
        node2.trackConversion(code, 7, 12.5);
        List<String> lines = server.awaitTrackingLines(6, Duration.ofSeconds(10));
        assertThat(lines).anyMatch(l -> l.startsWith("eventType=customData&index=1&valuesCountMap=%7B%22vip%22%3A1%7D"))
                .anyMatch(l -> l.startsWith("eventType=conversion&goalId=7&revenue=12.5"))
                .allMatch(l -> l.contains("visitorCode=" + code));
        // A relay finishes what it claimed before it claims again: once each node's relay found the outbox empty,
        // every line was delivered, and a line claimed by both nodes would have arrived twice.
        for (WatchedOutbox outbox : outboxes) {
            outbox.awaitEmptyClaim(NEXT_RELAY_LOOK);
        }
        assertThat(server.trackingLines()).as("each line once (every line has its own nonce)")
                .doesNotHaveDuplicates();
        assertThat(Sql.integer(DATABASES.migrated(vendor),
                "SELECT COUNT(*) FROM kameleoon_outbox WHERE site_code = '" + SITE + "'")).isZero();
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void twoNodesTimesEightThreadsOnTheSame500VisitorsLoseNothing(Vendor vendor) throws Exception {
        server.downFor(Endpoint.TRACKING, Duration.ofMinutes(5));
        DefaultKameleoonClient[] nodes = {node(vendor), node(vendor)};
        int visitors = 500;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        Map<String, String> variations = new ConcurrentHashMap<>();
        List<String> mismatches = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                for (int t = 0; t < 8; t++) {
                    DefaultKameleoonClient client = nodes[n];
                    String writer = "n" + n + "t" + t;
                    futures.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < visitors; i++) {
                            String code = vendor + "-visitor-" + i;
                            client.addData(code, new PageView("https://shop/" + writer), new Device(DeviceType.DESKTOP),
                                    new CustomData(100 + Integer.parseInt(writer.substring(1, 2)) * 8
                                            + Integer.parseInt(writer.substring(3)), writer));
                            String key = client.getVariation(code, "pricing_page", true).getKey();
                            String previous = variations.putIfAbsent(code, key);
                            if (previous != null && !previous.equals(key)) {
                                synchronized (mismatches) {
                                    mismatches.add(code);
                                }
                            }
                        }
                        return null;
                    }));
                }
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(240, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(mismatches).isEmpty();
        VisitorStore reader = nodes[0].visitorStore();
        for (int i = 0; i < visitors; i++) {
            String code = vendor + "-visitor-" + i;
            reader.begin(code);
            try {
                Visitor visitor = reader.get(code);
                assertThat(visitor).as(code).isNotNull();
                synchronized (visitor) {
                    assertThat(visitor.pageViews()).as("page views of %s", code).hasSize(16);
                    int views = visitor.pageViews().values().stream().mapToInt(e -> e.count()).sum();
                    assertThat(views).as("page-view count of %s", code).isEqualTo(16);
                    for (int w = 0; w < 16; w++) {
                        assertThat(visitor.customData(100 + w)).as("custom data %d of %s", 100 + w, code).isNotNull();
                    }
                    assertThat(visitor.assignment(3002)).as("assignment of %s", code).isNotNull();
                }
            } finally {
                reader.end(code);
            }
        }
        for (DefaultKameleoonClient node : nodes) {
            assertThat(node.unitStats().rejectedUnits() + node.unitStats().droppedUnits()).as("units lost").isZero();
        }
        // Tracked calls of one visitor that interleave on a node may share one exposure line (as in memory):
        // every visitor's exposure is in the outbox at least once, never more than once per call.
        assertThat(Sql.integer(DATABASES.migrated(vendor), "SELECT COUNT(DISTINCT visitor_code) FROM kameleoon_outbox"
                + " WHERE site_code = '" + SITE + "' AND line LIKE 'eventType=experiment%'")).isEqualTo(visitors);
        assertThat(Sql.integer(DATABASES.migrated(vendor), "SELECT COUNT(*) FROM kameleoon_outbox WHERE site_code = '"
                + SITE + "' AND line LIKE 'eventType=experiment%'")).isBetween(visitors, 2 * 8 * visitors);
    }

    @ParameterizedTest
    @EnumSource(value = Vendor.class, names = "H2")
    void aNodeStartingWhileKameleoonIsUnreachableServesTheCachedDatafile(Vendor vendor) throws Exception {
        KameleoonDatabase shared = DATABASES.migrated(vendor);
        server.setDataFile(SITE, null, Files.readString(datafile()));
        KameleoonClientConfig online = KameleoonClientConfig.builder().clientId("id").clientSecret("secret")
                .sdkConfigUrl(server.baseUri()).eventsUrl(server.baseUri()).accessTokenUrl(server.baseUri())
                .dataApiUrl(server.baseUri()).defaultTimeoutMillisecond(1_000).build();
        try (KameleoonPersistence first = KameleoonPersistence.create(shared, SITE, 30 * 60_000L,
                System::currentTimeMillis, JdbcOutbox.Settings.DEFAULT, false);
                DefaultKameleoonClient client = new DefaultKameleoonClient(SITE, online,
                        ClientDependencies.of(first.components()))) {
            assertThat(client.waitInit().get(5, TimeUnit.SECONDS)).isTrue();
        }
        server.downFor(Endpoint.CONFIGURATION, Duration.ofMinutes(5));
        try (KameleoonPersistence second = KameleoonPersistence.create(shared, SITE, 30 * 60_000L,
                System::currentTimeMillis, JdbcOutbox.Settings.DEFAULT, false);
                DefaultKameleoonClient client = new DefaultKameleoonClient(SITE, online,
                        ClientDependencies.of(second.components()))) {
            assertThat(client.isReady()).isTrue();
            assertThat(client.getVariation("abc", "pricing_page").getKey()).isEqualTo("variant_a");
        }
    }
}
