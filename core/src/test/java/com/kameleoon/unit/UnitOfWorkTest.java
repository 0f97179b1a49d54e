package com.kameleoon.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.KameleoonClientFactory;
import com.kameleoon.KameleoonComponents;
import com.kameleoon.data.CustomData;
import com.kameleoon.exceptions.UnitNotStored;
import com.kameleoon.exceptions.UnitOutcomeUnknown;
import com.kameleoon.integration.KameleoonRequests;
import com.kameleoon.integration.RequestFacts;
import com.kameleoon.integration.UnitStats;
import com.kameleoon.integration.VisitorUnit;
import com.kameleoon.spi.InMemoryTrackingOutbox;
import com.kameleoon.spi.InMemoryVisitorRepository;
import com.kameleoon.spi.OutboxLine;
import com.kameleoon.spi.StoredVisitor;
import com.kameleoon.spi.UnitSettings;
import com.kameleoon.spi.VisitorItem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The unit of work over a visitor repository, through the public API: a unit's visitor changes and tracking lines
 * are stored together or not at all; a confirmed unit that cannot be stored is dropped whole and reported; an
 * unconfirmed one is kept whole, in order, in a bounded buffer, and written when the repository answers again;
 * units ending together share a transaction; a refused unit does not fail its neighbours; while the repository is
 * down, loads answer "new visitor" without calling it; a unit whose commit was cut off is reported "outcome
 * unknown" when confirmed and, once the repository answers, settled so that nothing of it is written twice.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UnitOfWorkTest {
    private static final String SITE = "unit-site";
    private static final String GOAL_LINE = "eventType=conversion";

    private InMemoryTrackingOutbox outbox;
    private InMemoryVisitorRepository stored;
    private SwitchableRepository repository;
    private KameleoonClient client;
    private KameleoonRequests requests;

    @BeforeEach
    void start() throws Exception {
        start(UnitSettings.DEFAULT);
    }

    private void start(UnitSettings settings) throws Exception {
        if (client != null) {
            client.close();
        }
        outbox = new InMemoryTrackingOutbox(10_000, System::currentTimeMillis);
        stored = new InMemoryVisitorRepository(outbox, 30 * 60_000L, System::currentTimeMillis);
        repository = new SwitchableRepository(stored);
        Path datafile = Path.of(getClass().getResource("/conformance/example-datafile.json").toURI());
        client = KameleoonClientFactory.build(SITE, KameleoonClientConfig.builder().dataFile(datafile).build(),
                KameleoonComponents.defaults().withRepository(repository, outbox).withUnitSettings(settings));
        requests = KameleoonRequests.of(client);
    }

    @AfterEach
    void stop() {
        client.close();
    }

    private List<String> lines(String code) {
        List<OutboxLine> claimed = outbox.claim(Long.MAX_VALUE);
        List<String> texts = claimed.stream().filter(line -> line.visitorCode().equals(code))
                .map(OutboxLine::text).collect(Collectors.toList());
        outbox.fail(claimed, "read by the test");
        return texts;
    }

    private long conversionLines(String code) {
        return lines(code).stream().filter(line -> line.startsWith(GOAL_LINE)).count();
    }

    private List<String> kinds(String code) {
        StoredVisitor visitor = stored.load(code);
        return visitor == null ? List.of() : visitor.items().stream().map(VisitorItem::kind).collect(Collectors.toList());
    }

    /** Runs {@code work(thread)} on that many threads released at the same moment, and waits for all of them. */
    private static void runTogether(int threads, java.util.function.IntConsumer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    work.accept(thread);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void anOrdinaryUnitIsStoredWholeWhenItEnds() {
        VisitorUnit unit = requests.open("page-1", RequestFacts.NONE);
        client.addData("page-1", new CustomData(1, "vip"));
        client.trackConversion("page-1", 7);
        assertThat(kinds("page-1")).as("nothing is written before the unit ends").isEmpty();
        unit.end();
        assertThat(kinds("page-1")).contains("CD", "CV");
        assertThat(conversionLines("page-1")).isEqualTo(1);
    }

    @Test
    void aConfirmedUnitThatCannotBeStoredIsDroppedWholeAndReported() {
        VisitorUnit unit = requests.open("buyer", RequestFacts.NONE);
        client.addData("buyer", new CustomData(1, "vip"));
        client.trackConversion("buyer", 7);
        repository.down(true);
        assertThatThrownBy(unit::commit).isInstanceOf(UnitNotStored.class).hasMessageContaining("buyer");
        repository.down(false);
        unit.end();
        assertThat(kinds("buyer")).as("no visitor change of the failed unit").isEmpty();
        assertThat(conversionLines("buyer")).as("no tracking line of the failed unit").isZero();
        assertThat(requests.unitStats().failedConfirmedUnits()).isEqualTo(1);
    }

    @Test
    void aConfirmedUnitFailsAtOnceWhileTheCircuitIsOpen() {
        repository.down(true);
        requests.open("probe", RequestFacts.NONE).end();
        VisitorUnit seen = requests.open("seen", RequestFacts.NONE);
        client.getVariation("seen", "new_checkout");
        seen.end();
        assertThat(requests.unitStats().circuitOpen()).isTrue();
        VisitorUnit unit = requests.open("buyer-2", RequestFacts.NONE);
        client.trackConversion("buyer-2", 7);
        long start = System.nanoTime();
        assertThatThrownBy(unit::commit).isInstanceOf(UnitNotStored.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no wait on a known-dead store")
                .isLessThan(Duration.ofMillis(500));
        unit.end();
    }

    @Test
    void whileTheStoreIsDownLoadsAnswerNewVisitorWithoutCallingIt() {
        repository.down(true);
        VisitorUnit first = requests.open("a", RequestFacts.NONE);
        client.getVariation("a", "new_checkout");
        first.end();
        int loads = repository.loads.get();
        for (int i = 0; i < 20; i++) {
            VisitorUnit unit = requests.open("v" + i, RequestFacts.NONE);
            assertThat(client.getVariation("v" + i, "new_checkout")).isNotNull();
            unit.end();
        }
        assertThat(repository.loads.get()).as("loads reaching the dead store").isEqualTo(loads);
    }

    @Test
    void aStoreThatStopsAnsweringDoesNotHoldAPageLongerThanTheLoadWait() throws Exception {
        VisitorUnit known = requests.open("returning", RequestFacts.NONE);
        client.addData("returning", new CustomData(1, "vip"));
        known.end();
        repository.slowLoads(3_000);
        VisitorUnit unit = requests.open("returning", RequestFacts.NONE);
        long start = System.nanoTime();
        assertThat(client.getVariation("returning", "new_checkout")).isNotNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("evaluation with a hanging store")
                .isLessThan(Duration.ofMillis(UnitSettings.DEFAULT_LOAD_WAIT_MILLIS + 300));
        client.trackConversion("returning", 9);
        unit.end();
        assertThat(requests.unitStats().lateLoads()).isEqualTo(1);
        assertThat(kinds("returning")).as("served as new, the unit still merges into the stored visitor")
                .contains("CD", "CV");
    }

    @Test
    void unconfirmedUnitsOfAnOutageAreKeptWholeAndWrittenInOrderWhenTheStoreAnswers() throws Exception {
        repository.down(true);
        for (int i = 0; i < 3; i++) {
            VisitorUnit unit = requests.open("outage", RequestFacts.NONE);
            client.addData("outage", new CustomData(1, "step-" + i));
            client.trackConversion("outage", 10 + i);
            long start = System.nanoTime();
            unit.end();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("a page does not wait on the dead store")
                    .isLessThanOrEqualTo(Duration.ofMillis(UnitSettings.DEFAULT_UNCONFIRMED_WAIT_MILLIS + 200));
        }
        assertThat(kinds("outage")).isEmpty();
        assertThat(requests.unitStats().bufferedUnits()).isEqualTo(3);
        repository.down(false);
        await("buffer written after the store answers", () -> stored.load("outage") != null
                && stored.load("outage").items().stream().filter(item -> item.kind().equals("CV")).count() == 3);
        StoredVisitor visitor = stored.load("outage");
        assertThat(visitor.items().stream().filter(item -> item.kind().equals("CD")).findFirst().orElseThrow()
                .payload()).as("the last unit's value wins: units are written in order").contains("step-2");
        assertThat(visitor.items().stream().filter(item -> item.kind().equals("CV")).count()).isEqualTo(3);
        assertThat(lines("outage").stream().filter(line -> line.startsWith(GOAL_LINE))
                .map(line -> line.replaceAll(".*goalId=(\\d+).*", "$1")).collect(Collectors.toList()))
                .containsExactly("10", "11", "12");
    }

    @ParameterizedTest
    @EnumSource(value = SwitchableRepository.Cut.class, names = {"AFTER_COMMIT", "BEFORE_COMMIT"})
    void aConfirmedUnitCutOffDuringItsCommitIsReportedUnknownNotFailed(SwitchableRepository.Cut cut)
            throws Exception {
        VisitorUnit purchase = requests.open("cut-buyer", RequestFacts.NONE);
        client.trackConversion("cut-buyer", 7);
        repository.cutNextCommit(cut);
        assertThatThrownBy(purchase::commit).isInstanceOf(UnitOutcomeUnknown.class)
                .isNotInstanceOf(UnitNotStored.class).hasMessageContaining("may or may not be stored");
        purchase.end();
        assertThat(requests.unitStats().unknownConfirmedUnits()).isEqualTo(1);
        assertThat(requests.unitStats().failedConfirmedUnits()).isZero();
        repository.down(false);
        await("the probe settles the cut-off write", () -> !requests.unitStats().circuitOpen());
        assertThat(conversionLines("cut-buyer")).as("stored exactly when the cut came after the commit")
                .isEqualTo(cut == SwitchableRepository.Cut.AFTER_COMMIT ? 1 : 0);
    }

    @ParameterizedTest
    @EnumSource(value = SwitchableRepository.Cut.class, names = {"AFTER_COMMIT", "BEFORE_COMMIT"})
    void unconfirmedUnitsCutOffDuringTheirCommitAreWrittenExactlyOnceAndInOrder(SwitchableRepository.Cut cut)
            throws Exception {
        repository.cutNextCommit(cut);
        VisitorUnit first = requests.open("cut-page", RequestFacts.NONE);
        client.addData("cut-page", new CustomData(1, "first"));
        client.trackConversion("cut-page", 10);
        first.end();
        await("the cut opened the circuit", () -> requests.unitStats().circuitOpen());
        VisitorUnit second = requests.open("cut-page", RequestFacts.NONE);
        client.addData("cut-page", new CustomData(1, "second"));
        client.trackConversion("cut-page", 11);
        second.end();
        repository.down(false);
        await("both units stored", () -> !requests.unitStats().circuitOpen()
                && requests.unitStats().bufferedUnits() == 0 && kinds("cut-page").contains("CV"));
        assertThat(lines("cut-page").stream().filter(line -> line.startsWith(GOAL_LINE))
                .map(line -> line.replaceAll(".*goalId=(\\d+).*", "$1")).collect(Collectors.toList()))
                .as("each conversion once, in order, whether the cut-off write was stored or not")
                .containsExactly("10", "11");
        StoredVisitor visitor = stored.load("cut-page");
        assertThat(visitor.items().stream().filter(item -> item.kind().equals("CD")).findFirst().orElseThrow()
                .payload()).contains("second");
        assertThat(visitor.items().stream().filter(item -> item.kind().equals("CV")).count()).isEqualTo(2);
        assertThat(requests.unitStats().unknownConfirmedUnits()).isZero();
    }

    @Test
    void afterAnOutageAPurchaseOfAnotherVisitorDoesNotWaitForTheWholeBacklog() throws Exception {
        start(new UnitSettings(8, 0, 10_000, 400, 300, 100));
        repository.down(true);
        for (int i = 0; i < 200; i++) {
            VisitorUnit page = requests.open("backlog-" + i, RequestFacts.NONE);
            client.addData("backlog-" + i, new CustomData(1, "x"));
            page.end();
        }
        repository.slowWrites(20);
        repository.down(false);
        await("the probe finds the store again", () -> !requests.unitStats().circuitOpen());
        VisitorUnit purchase = requests.open("buyer-after", RequestFacts.NONE);
        client.trackConversion("buyer-after", 7);
        purchase.commit();
        purchase.end();
        assertThat(requests.unitStats().bufferedUnits()).as("backlog still draining when the purchase was stored")
                .isPositive();
        assertThat(conversionLines("buyer-after")).isEqualTo(1);
        await("the whole backlog written", () -> kinds("backlog-199").contains("CD"));
        assertThat(kinds("backlog-0")).contains("CD");
    }

    @Test
    void beyondTheBufferTheOldestUnitsAreDroppedAndCounted() throws Exception {
        start(new UnitSettings(UnitSettings.DEFAULT_MAX_BATCH, 0, 2, 200, 100));
        repository.down(true);
        for (int i = 0; i < 5; i++) {
            VisitorUnit unit = requests.open("b" + i, RequestFacts.NONE);
            client.trackConversion("b" + i, 7);
            unit.end();
        }
        assertThat(requests.unitStats().droppedUnits()).isEqualTo(3);
        repository.down(false);
        await("buffer written", () -> kinds("b3").contains("CV") && kinds("b4").contains("CV"));
        assertThat(conversionLines("b0") + conversionLines("b1") + conversionLines("b2")).as("dropped").isZero();
        assertThat(conversionLines("b3") + conversionLines("b4")).as("kept").isEqualTo(2);
    }

    @Test
    void aRefusedUnitDoesNotFailItsNeighbours() throws Exception {
        repository.slowWrites(30);
        runTogether(8, t -> {
            String code = (t == 3 ? "bad-" : "good-") + t;
            for (int i = 0; i < 5; i++) {
                VisitorUnit unit = requests.open(code, RequestFacts.NONE);
                client.trackConversion(code, 7);
                unit.end();
            }
        });
        for (int t = 0; t < 8; t++) {
            if (t != 3) {
                assertThat(conversionLines("good-" + t)).as("neighbour good-%d", t).isEqualTo(5);
            }
        }
        assertThat(conversionLines("bad-3")).isZero();
        UnitStats stats = requests.unitStats();
        assertThat(stats.rejectedUnits()).isEqualTo(5);
        assertThat(stats.circuitOpen()).as("a refusal is not an outage").isFalse();
    }

    @Test
    void unitsEndingTogetherShareTransactions() throws Exception {
        repository.slowWrites(20);
        int threads = 16;
        int perThread = 10;
        runTogether(threads, thread -> {
            for (int i = 0; i < perThread; i++) {
                String code = "g" + thread + "-" + i;
                VisitorUnit unit = requests.open(code, RequestFacts.NONE);
                client.addData(code, new CustomData(1, "x"));
                unit.end();
            }
        });
        UnitStats stats = requests.unitStats();
        assertThat(stats.storedUnits()).isEqualTo(threads * perThread);
        assertThat(stats.transactions()).as("transactions for %d units", stats.storedUnits())
                .isLessThan(stats.storedUnits() / 2);
        assertThat(repository.batchSizes.stream().mapToInt(Integer::intValue).max().orElse(0))
                .isLessThanOrEqualTo(UnitSettings.DEFAULT_MAX_BATCH);
    }
}
