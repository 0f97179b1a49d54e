package com.kameleoon.sample.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.it.container.Http;
import com.kameleoon.testkit.TcpProxy;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sample shop on two nodes whose database connections go through a TCP proxy, while shoppers buy (page on one
 * node, {@code POST /buy} on the other, one retry on 503): node 1 is killed with {@code kill -9} and restarted, then
 * the database refuses connections for 30 s, then it is blackholed (packets vanish) for 120 s.
 *
 * <p>What must hold: every purchase confirmed to the shopper is delivered to the Data API exactly once (one nonce
 * per shopper: no loss, no phantom from a 503, no duplicate from a retry); only a purchase that got no answer at
 * all (its node died) or whose commit was cut off by the outage (504, "outcome unknown", not retried) may or may
 * not be there; a line received twice is a same-nonce redelivery of a batch the
 * killed node had claimed; pages answer within 1 s during both outages; a purchase succeeds within 2 s after the
 * database returns; and no page's unit of work is half-written (a visitor has a stored assignment exactly when its
 * exposure was delivered).
 */
class ClusterFaultIT {
    private static final int THREADS = 12;
    private static final long VISIT_PAUSE_MILLIS = 400;
    private static final int KILLED = 1;
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    private static final Duration REFUSED = Duration.ofSeconds(30);
    private static final Duration BLACKHOLED = Duration.ofSeconds(120);
    private static final Duration BETWEEN = Duration.ofSeconds(15);
    private static final Duration PAGE_BOUND = Duration.ofSeconds(1);
    /**
     * How soon after the database returns a purchase must be confirmed again. Each probe of the open circuit pings
     * with a 400 ms network time-out of its own (not the pool's 2 s socket time-out), and probes come every 500 ms,
     * so the circuit closes about half a second after the database returns. Measured in CI on the 2-CPU machine:
     * 608 ms after the blackhole, 912 ms after the refusal (it was 0.9–5.8 s while the probe waited 2 s).
     */
    private static final Duration FIRST_PURCHASE_BOUND = Duration.ofSeconds(2);
    private static final Duration DELIVERY_BOUND = Duration.ofMinutes(5);

    private static ClusterDatabase database;
    private static TcpProxy proxy;
    private static SampleCluster cluster;

    @BeforeAll
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    static void startCluster() {
        database = ClusterDatabase.random("kameleoon_sample_fault");
        URI server = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        proxy = TcpProxy.start(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort());
        String proxied = "jdbc:postgresql://127.0.0.1:" + proxy.port() + server.getPath()
                + (server.getRawQuery() == null ? "" : "?" + server.getRawQuery());
        SampleCluster.Settings test = SampleCluster.Settings.forTest(database, 2);
        // Only the shop nodes go through the proxy; the collector (the fake Data API) keeps its own connection.
        cluster = SampleCluster.start(new SampleCluster.Settings(test.tomcatHome(), test.war(), database, 0,
                test.nodePorts(), Map.of("sample.jdbc_url", proxied)));
    }

    @AfterAll
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    static void stopCluster() {
        try {
            if (cluster != null) {
                cluster.close();
            }
            if (proxy != null) {
                proxy.close();
            }
        } finally {
            if (database != null) {
                database.drop();
            }
        }
    }

    /** A fault window on the wall clock. */
    private record Window(String name, long start, long end) {
        boolean contains(long millis) {
            return millis >= start && millis <= end;
        }
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void killRefusalAndBlackholeUnderLoad_confirmedPurchasesEqualDeliveredConversions() throws Exception {
        DeliveryAudit audit = new DeliveryAudit(database);
        String prefix = "fault" + Long.toString(System.nanoTime() & 0xffffff, 36) + "v";
        ConcurrentLinkedQueue<FaultVisit> visits = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger next = new AtomicInteger();
        ExecutorService shoppers = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            running.add(shoppers.submit(() -> {
                while (!stop.get()) {
                    visits.add(visit(prefix, next.getAndIncrement()));
                    Thread.sleep(VISIT_PAUSE_MILLIS);
                }
                return null;
            }));
        }
        long killMillis;
        Window refused;
        Window blackholed;
        try {
            Thread.sleep(WARM_UP.toMillis());
            cluster.killHard(KILLED);
            killMillis = System.currentTimeMillis();
            cluster.restart(KILLED);
            Thread.sleep(BETWEEN.toMillis());

            refused = outage("refused", TcpProxy.Mode.REFUSE, REFUSED);
            Thread.sleep(BETWEEN.toMillis());
            blackholed = outage("blackholed", TcpProxy.Mode.BLACKHOLE, BLACKHOLED);
            Thread.sleep(BETWEEN.toMillis());
        } finally {
            stop.set(true);
            for (Future<?> shopper : running) {
                shopper.get(2, TimeUnit.MINUTES);
            }
            shoppers.shutdownNow();
        }

        ClusterIT.await("the shop's outbox to drain", DELIVERY_BOUND, () -> audit.outboxDepth()[0] == 0);
        List<FaultVisit> all = new ArrayList<>(visits);
        Map<String, Integer> purchases = audit.purchases(prefix);
        List<FaultVisit> bought = all.stream().filter(FaultVisit::bought).toList();
        List<String> lost = bought.stream().map(FaultVisit::code).filter(code -> !purchases.containsKey(code))
                .toList();
        List<String> phantoms = all.stream()
                .filter(visit -> !visit.bought() && !visit.unanswered() && !visit.outcomeUnknown())
                .map(FaultVisit::code).filter(purchases::containsKey).toList();
        Map<String, Integer> twice = purchases.entrySet().stream().filter(entry -> entry.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, Long> redelivered = audit.duplicatesFirstReceived();
        long retried = all.stream().filter(visit -> visit.buyAttempts() == 2).count();
        long retriedBought = all.stream().filter(visit -> visit.buyAttempts() == 2 && visit.bought()).count();

        List<Window> outages = List.of(refused, blackholed);
        List<FaultVisit> pagesDuringOutages = all.stream()
                .filter(visit -> outages.stream().anyMatch(window -> window.contains(visit.pageStart()))).toList();
        List<FaultVisit> slowPages = pagesDuringOutages.stream()
                .filter(visit -> visit.pageStatus() != 200 || visit.pageEnd() - visit.pageStart() > PAGE_BOUND.toMillis())
                .toList();
        long slowestPage = pagesDuringOutages.stream().mapToLong(visit -> visit.pageEnd() - visit.pageStart()).max()
                .orElse(0);
        Map<String, Long> firstPurchaseAfter = new java.util.LinkedHashMap<>();
        for (Window window : outages) {
            firstPurchaseAfter.put(window.name(), all.stream().filter(FaultVisit::bought)
                    .filter(visit -> visit.buyStart() >= window.end()).mapToLong(visit -> visit.buyEnd() - window.end())
                    .min().orElse(Long.MAX_VALUE));
        }
        Set<String> halfWritten = halfWrittenPages(prefix);
        System.out.printf("cluster fault: windows (ms from the kill): refused %d..%d, blackholed %d..%d; redelivered"
                + " nonces first received at %s%n", refused.start() - killMillis, refused.end() - killMillis,
                blackholed.start() - killMillis, blackholed.end() - killMillis, redelivered.values().stream()
                        .map(first -> first - killMillis).sorted().toList());

        List<FaultVisit> unknown = all.stream().filter(FaultVisit::outcomeUnknown).toList();
        System.out.printf("cluster fault: visitors=%d pages200=%d buysConfirmed=%d buys503=%d buysUnanswered=%d"
                + " buys504=%d (of them delivered %d) retried=%d (bought on retry %d) conversions=%d lost=%d"
                + " phantoms=%d twice=%d redeliveredNonces=%d%n",
                all.size(), all.stream().filter(visit -> visit.pageStatus() == 200).count(), bought.size(),
                all.stream().filter(FaultVisit::refused).count(), all.stream().filter(FaultVisit::unanswered).count(),
                unknown.size(), unknown.stream().filter(visit -> purchases.containsKey(visit.code())).count(),
                retried, retriedBought, purchases.values().stream().mapToInt(Integer::intValue).sum(), lost.size(),
                phantoms.size(), twice.size(), redelivered.size());
        System.out.printf("cluster fault: pages during the outages %d, slowest %d ms, over %d ms or not 200: %d;"
                + " first purchase after the database returned (ms): %s; half-written page units %d%n",
                pagesDuringOutages.size(), slowestPage, PAGE_BOUND.toMillis(), slowPages.size(), firstPurchaseAfter,
                halfWritten.size());

        assertThat(lost).as("purchases confirmed to the shopper, never delivered").isEmpty();
        assertThat(phantoms).as("purchases answered 503 (twice) or never sent, delivered anyway").isEmpty();
        assertThat(twice).as("shoppers with two conversion nonces (a retry recorded twice)").isEmpty();
        assertThat(redelivered).as("same-nonce redeliveries: only lines first received before the kill")
                .allSatisfy((nonce, first) -> assertThat(first).isLessThanOrEqualTo(killMillis));
        assertThat(slowPages).as("pages during the outages slower than %s or failing", PAGE_BOUND).isEmpty();
        assertThat(firstPurchaseAfter).as("first confirmed purchase after each outage, ms after the database returned")
                .allSatisfy((outage, millis) -> assertThat(millis).isLessThanOrEqualTo(FIRST_PURCHASE_BOUND.toMillis()));
        assertThat(halfWritten).as("visitors with a stored assignment xor a delivered exposure").isEmpty();
        // The scenario happened as intended.
        assertThat(pagesDuringOutages).isNotEmpty();
        assertThat(all.stream().filter(FaultVisit::refused).count()).as("purchases refused during the outages")
                .isPositive();
        assertThat(bought.size()).as("confirmed purchases").isGreaterThan(100);
    }

    /** Cuts the database off in that way for that long, then lets it through again. */
    private static Window outage(String name, TcpProxy.Mode mode, Duration length) throws InterruptedException {
        proxy.switchTo(mode);
        long start = System.currentTimeMillis();
        Thread.sleep(length.toMillis());
        proxy.switchTo(TcpProxy.Mode.PASS);
        return new Window(name, start, System.currentTimeMillis());
    }

    private static FaultVisit visit(String prefix, int index) {
        String code = prefix + index;
        String cookie = ShopLoad.cookie(code);
        int pageNode = index % 2;
        int buyNode = (index + 1) % 2;
        long pageStart = System.currentTimeMillis();
        int pageStatus = ShopLoad.status(() -> Http.get(cluster.nodeUrl(pageNode) + "/", cookie));
        long pageEnd = System.currentTimeMillis();
        if (pageStatus != 200) {
            return new FaultVisit(code, pageStart, pageEnd, pageStatus, 0, 0, ShopVisit.NOT_SENT, 0);
        }
        int attempts = 0;
        long buyStart;
        int buyStatus;
        do {
            attempts++;
            buyStart = System.currentTimeMillis();
            buyStatus = ShopLoad.status(() -> Http.post(cluster.nodeUrl(buyNode) + "/buy", cookie, ""));
        } while (buyStatus == 503 && attempts < 2 && pause(200));
        return new FaultVisit(code, pageStart, pageEnd, pageStatus, buyStart, System.currentTimeMillis(), buyStatus,
                attempts);
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A page's unit stores the visitor's assignment and queues its exposure line together: after delivery, a visitor
     * of this run has an assignment row exactly when the collector received an exposure for it.
     */
    private static Set<String> halfWrittenPages(String prefix) throws SQLException {
        Set<String> assigned = codes("SELECT DISTINCT visitor_code FROM kameleoon_visitor_item WHERE site_code = '"
                + DeliveryAudit.SHOP_SITE_CODE + "' AND kind = 'AS' AND visitor_code LIKE '" + prefix + "%'");
        Set<String> exposed = codes("SELECT DISTINCT visitor_code FROM sample_collector_line WHERE event_type ="
                + " 'experiment' AND visitor_code LIKE '" + prefix + "%'");
        Set<String> mismatched = new TreeSet<>(assigned);
        mismatched.addAll(exposed);
        Set<String> both = new HashSet<>(assigned);
        both.retainAll(exposed);
        mismatched.removeAll(both);
        return mismatched;
    }

    private static Set<String> codes(String sql) throws SQLException {
        Set<String> codes = new HashSet<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                codes.add(rows.getString(1));
            }
        }
        return codes;
    }
}
