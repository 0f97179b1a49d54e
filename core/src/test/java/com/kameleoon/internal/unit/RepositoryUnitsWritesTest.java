package com.kameleoon.internal.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.data.CustomData;
import com.kameleoon.data.PageView;
import com.kameleoon.internal.config.LogCapture;
import com.kameleoon.internal.visitor.LegalConsent;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.logging.LogLevel;
import com.kameleoon.spi.InMemoryTrackingOutbox;
import com.kameleoon.spi.InMemoryVisitorRepository;
import com.kameleoon.spi.ItemKey;
import com.kameleoon.spi.ItemUpsert;
import com.kameleoon.spi.OutboxLine;
import com.kameleoon.spi.StoreException;
import com.kameleoon.spi.StoredVisitor;
import com.kameleoon.spi.UnitSettings;
import com.kameleoon.spi.UnitWrite;
import com.kameleoon.spi.VisitorItem;
import com.kameleoon.spi.VisitorRepository;
import com.kameleoon.spi.WriteMark;
import com.kameleoon.testing.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the end of a unit writes: only what changed since the visitor was loaded (or last written), with the
 * header only when the visitor has state to keep, lines once, links once; nothing for a unit that changed
 * nothing; a committed unit is not written again, a refused one is dropped whole, one the writer does not take in
 * time is withdrawn; work outside a unit is a unit of its own; unreadable stored state and failed loads are
 * reported (at most every 10 s), never fatal; closing writes open units and stops the threads.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RepositoryUnitsWritesTest {
    private static final long SESSION = 60_000;
    private static final UnitSettings SETTINGS = new UnitSettings(128, 0, 100, 10_000, 10_000, 1);

    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    /** The machinery's own time (circuit, rate of failure logs), for the units built by {@link #restart}. */
    private final AtomicLong wallClock = new AtomicLong(5_000_000);
    private final InMemoryTrackingOutbox outbox = new InMemoryTrackingOutbox(1_000, clock::get);
    private final InMemoryVisitorRepository stored = new InMemoryVisitorRepository(outbox, SESSION, clock::get);
    private final RecordingRepository repository = new RecordingRepository(stored);
    private final AtomicReference<Thread> writerThread = new AtomicReference<>();
    private RepositoryUnits units = new RepositoryUnits(repository, SETTINGS, clock::get,
            () -> writerThread.set(Thread.currentThread()));

    /** Records the units written through it and the thread of the latest load; can refuse one write or hang loads. */
    static final class RecordingRepository implements VisitorRepository {
        private final VisitorRepository delegate;
        final List<UnitWrite> writes = new CopyOnWriteArrayList<>();
        final AtomicReference<Thread> loadThread = new AtomicReference<>();
        volatile RuntimeException loadFailure;
        volatile CountDownLatch hangLoads;
        /** When set, writes wait until it is counted down. */
        volatile CountDownLatch holdWrites;
        final CountDownLatch writeEntered = new CountDownLatch(1);
        private volatile boolean refuseNext;

        RecordingRepository(VisitorRepository delegate) {
            this.delegate = delegate;
        }

        void refuseNextWrite() {
            refuseNext = true;
        }

        @Override
        public StoredVisitor load(String visitorCode) {
            loadThread.set(Thread.currentThread());
            CountDownLatch hang = hangLoads;
            if (hang != null) {
                try {
                    hang.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            RuntimeException failure = loadFailure;
            if (failure != null) {
                throw failure;
            }
            return delegate.load(visitorCode);
        }

        @Override
        public void write(WriteMark mark, List<UnitWrite> batch) {
            writeEntered.countDown();
            CountDownLatch hold = holdWrites;
            if (hold != null) {
                try {
                    hold.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (refuseNext) {
                refuseNext = false;
                throw new StoreException("value too long", false, null);
            }
            delegate.write(mark, batch);
            writes.addAll(batch);
        }

        @Override
        public boolean isWritten(WriteMark mark) {
            return delegate.isWritten(mark);
        }

        @Override
        public int deleteExpired(int max) {
            return delegate.deleteExpired(max);
        }

        @Override
        public void ping() {
            delegate.ping();
        }
    }

    /** Replaces the units by ones on {@link #wallClock} whose confirmed units wait at most the given time. */
    private void restart(long confirmedWaitMillis) {
        units.close();
        units = new RepositoryUnits(repository, SETTINGS, clock::get, () -> writerThread.set(Thread.currentThread()),
                wallClock::get, confirmedWaitMillis);
    }

    @AfterEach
    void stop() {
        for (CountDownLatch latch : new CountDownLatch[] {repository.hangLoads, repository.holdWrites}) {
            if (latch != null) {
                latch.countDown();
            }
        }
        units.close();
        Thread.interrupted();
    }

    private void inUnit(String code, Consumer<Visitor> change) {
        units.begin(code);
        try {
            Visitor visitor = units.getOrCreate(code);
            synchronized (visitor) {
                change.accept(visitor);
            }
        } finally {
            units.end(code);
        }
    }

    private UnitWrite onlyWrite() {
        assertThat(repository.writes).hasSize(1);
        return repository.writes.get(0);
    }

    private List<String> claimedLines() {
        return outbox.claim(Long.MAX_VALUE).stream().map(OutboxLine::text).collect(Collectors.toList());
    }

    private void seed(String code, UnitWrite.Header header, VisitorItem... items) {
        stored.write(new WriteMark("seed", clock.incrementAndGet()), List.of(new UnitWrite(code, header,
                List.of(items).stream().map(item -> new ItemUpsert(item, 0)).collect(Collectors.toList()), List.of(),
                List.of(), List.of())));
    }

    private static UnitWrite.Header header(String consent) {
        return new UnitWrite.Header(1_000, consent, true, false);
    }

    private static VisitorItem customData(int index, String value) {
        return new VisitorItem("CD", Integer.toString(index), "{\"v\":[\"" + value + "\"],\"o\":true}", false, 0);
    }

    @Test
    void aUnitThatChangedNothingWritesNothing() {
        seed("v", header("GIVEN"), customData(1, "gold"));
        units.begin("v");
        Visitor visitor = units.get("v");
        assertThat(visitor.customData(1)).isEqualTo(new CustomData(1, "gold"));
        assertThat(visitor.consent()).isEqualTo(LegalConsent.GIVEN);
        assertThat(visitor.timeStarted()).isEqualTo(1_000);
        units.end("v");
        assertThat(repository.writes).isEmpty();
    }

    @Test
    void linesOfAVisitorNeverLoadedCarryNoHeader() {
        units.begin("v");
        units.addLines("v", List.of("l1", "l2"));
        units.addLines("v", List.of());
        units.end("v");
        assertThat(onlyWrite()).isEqualTo(new UnitWrite("v", null, List.of(), List.of(), List.of(), List.of("l1", "l2")));
        assertThat(stored.load("v")).isNull();
        assertThat(claimedLines()).containsExactly("l1", "l2");
    }

    @Test
    void linesOfAnUnchangedKnownVisitorKeepItsStoredConsent() {
        seed("v", header("GIVEN"), customData(1, "gold"));
        units.begin("v");
        units.get("v");
        units.addLines("v", List.of("l1"));
        units.end("v");
        UnitWrite write = onlyWrite();
        assertThat(write.header()).isEqualTo(new UnitWrite.Header(1_000, "GIVEN", false, false));
        assertThat(write.upserts()).isEmpty();
        assertThat(write.trackingLines()).containsExactly("l1");
    }

    @Test
    void aNewVisitorIsWrittenEvenWithoutData() {
        inUnit("v", visitor -> { });
        UnitWrite write = onlyWrite();
        assertThat(write.header()).isEqualTo(new UnitWrite.Header(clock.get(), "UNKNOWN", false, false));
        assertThat(stored.load("v")).isNotNull();
    }

    @Test
    void aConsentChangeAloneIsWritten() {
        seed("v", header("UNKNOWN"), customData(1, "gold"));
        inUnit("v", visitor -> visitor.setConsent(LegalConsent.NOT_GIVEN));
        UnitWrite write = onlyWrite();
        assertThat(write.header()).isEqualTo(new UnitWrite.Header(1_000, "NOT_GIVEN", true, false));
        assertThat(write.upserts()).isEmpty();
        assertThat(stored.load("v").consent()).isEqualTo("NOT_GIVEN");
    }

    @Test
    void anExpiredVisitorStartsAnewAndReplacesTheStoredOne() {
        seed("v", header("GIVEN"), customData(1, "gold"));
        clock.addAndGet(SESSION);
        inUnit("v", visitor -> {
            assertThat(visitor.customData(1)).as("nothing of the expired visitor").isNull();
            visitor.putCustomData(new CustomData(2, "new"), false);
        });
        UnitWrite write = onlyWrite();
        assertThat(write.header()).isEqualTo(new UnitWrite.Header(clock.get(), "UNKNOWN", true, true));
        assertThat(write.upserts()).extracting(upsert -> upsert.item().itemKey()).containsExactly(new ItemKey("CD", "2"));
        assertThat(stored.load("v").items()).extracting(VisitorItem::key).containsExactly("2");
    }

    @Test
    void anExpiredVisitorIsReplacedEvenWhenTheUnitAddsNothing() {
        seed("v", header("GIVEN"), customData(1, "gold"));
        clock.addAndGet(SESSION);
        inUnit("v", visitor -> { });
        assertThat(onlyWrite().header().replaceStored()).isTrue();
        assertThat(stored.load("v").items()).isEmpty();
        assertThat(stored.load("v").expired()).isFalse();
    }

    @Test
    void linkedCodesAreWrittenOnce() {
        units.begin("v");
        Visitor visitor = units.getOrCreate("v");
        units.link("alias", visitor);
        units.link("nobody's", new Visitor(0));
        units.end("v");
        assertThat(onlyWrite().linkedCodes()).containsExactly("alias");
        assertThat(stored.load("alias").storedCode()).isEqualTo("v");
        repository.writes.clear();
        units.begin("v");
        Visitor again = units.getOrCreate("v");
        synchronized (again) {
            again.putCustomData(new CustomData(1, "x"), false);
        }
        units.end("v");
        assertThat(onlyWrite().linkedCodes()).isEmpty();
    }

    @Test
    void linksWrittenByACommitAreNotWrittenAgainWhenTheUnitEnds() {
        units.begin("v");
        Visitor visitor = units.getOrCreate("v");
        units.link("alias", visitor);
        units.commitNow("v");
        synchronized (visitor) {
            visitor.putCustomData(new CustomData(1, "x"), false);
        }
        units.end("v");
        assertThat(repository.writes).extracting(UnitWrite::linkedCodes).containsExactly(List.of("alias"), List.of());
    }

    @Test
    void eachUnitWritesOnlyWhatItAdded() {
        units.begin("v");
        units.begin("v");
        Visitor visitor = units.getOrCreate("v");
        synchronized (visitor) {
            visitor.addPageView(new PageView("https://shop/a"), false, 1);
        }
        units.addLines("v", List.of("l1"));
        units.end("v");
        assertThat(repository.writes).as("an inner unit's end writes nothing").isEmpty();
        units.end("v");
        inUnit("v", v -> v.addPageView(new PageView("https://shop/a"), false, 2));
        units.begin("v");
        units.addLines("v", List.of("l2"));
        units.end("v");
        assertThat(repository.writes).hasSize(3);
        assertThat(repository.writes.get(0).upserts()).extracting(ItemUpsert::counterDelta).containsExactly(1);
        assertThat(repository.writes.get(1).upserts()).extracting(ItemUpsert::counterDelta).containsExactly(1);
        assertThat(repository.writes.get(1).trackingLines()).isEmpty();
        assertThat(repository.writes.get(2).upserts()).isEmpty();
        assertThat(repository.writes.get(2).trackingLines()).containsExactly("l2");
        assertThat(stored.load("v").items()).extracting(VisitorItem::counter).containsExactly(2);
        assertThat(claimedLines()).containsExactly("l1", "l2");
    }

    @Test
    void aCommittedUnitIsNotWrittenAgainWhenItEnds() {
        units.begin("v");
        Visitor visitor = units.getOrCreate("v");
        synchronized (visitor) {
            visitor.addPageView(new PageView("https://shop/a"), false, 1);
        }
        units.addLines("v", List.of("l1"));
        units.commitNow("v");
        assertThat(repository.writes).hasSize(1);
        units.end("v");
        assertThat(repository.writes).hasSize(1);
        assertThat(stored.load("v").items()).extracting(VisitorItem::counter).containsExactly(1);
    }

    /**
     * An interrupted commit whose unit the writer already took cannot take it back: it waits for the answer
     * (keeping the interrupt), so that the caller learns the unit's fate and the end of the unit does not write
     * its page views a second time.
     */
    @Test
    void aCommitInterruptedWhileItsUnitIsBeingWrittenWaitsForTheAnswer() throws Exception {
        units.begin("v");
        Visitor visitor = units.getOrCreate("v");
        synchronized (visitor) {
            visitor.addPageView(new PageView("https://shop/a"), false, 1);
        }
        repository.holdWrites = new CountDownLatch(1);
        AtomicReference<Thread> committing = new AtomicReference<>();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> interruptKept = pool.submit(() -> {
                committing.set(Thread.currentThread());
                units.commitNow("v");
                return Thread.currentThread().isInterrupted();
            });
            assertThat(repository.writeEntered.await(10, TimeUnit.SECONDS)).isTrue();
            committing.get().interrupt();
            Thread.State state = Eventually.until("the interrupted commit waits again or returns", Duration.ofSeconds(10),
                    () -> committing.get().getState(),
                    s -> s == Thread.State.WAITING || s == Thread.State.TERMINATED || interruptKept.isDone());
            assertThat(interruptKept).as("commitNow has not returned before the writer answered").isNotDone();
            assertThat(state).isEqualTo(Thread.State.WAITING);
            repository.holdWrites.countDown();
            assertThat(interruptKept.get(10, TimeUnit.SECONDS)).as("the interrupt is kept").isTrue();
        } finally {
            pool.shutdownNow();
        }
        units.end("v");
        assertThat(repository.writes).hasSize(1);
        assertThat(stored.load("v").items()).extracting(VisitorItem::counter).containsExactly(1);
    }

    @Test
    void aCommitInterruptedBeforeTheWriterTookItsUnitIsDroppedWhole() throws Exception {
        units.begin("first");
        units.addLines("first", List.of("held"));
        repository.holdWrites = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> units.end("first"));
            assertThat(repository.writeEntered.await(10, TimeUnit.SECONDS)).isTrue();
            units.begin("v");
            Visitor visitor = units.getOrCreate("v");
            synchronized (visitor) {
                visitor.putCustomData(new CustomData(1, "lost"), false);
            }
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> units.commitNow("v")).isInstanceOf(StoreException.class)
                    .hasMessage("interrupted before the unit was written");
            assertThat(Thread.interrupted()).isTrue();
            assertThat(units.getOrCreate("v").customData(1)).as("the unit was dropped whole").isNull();
            repository.holdWrites.countDown();
            units.end("v");
        } finally {
            pool.shutdownNow();
        }
        assertThat(repository.writes.stream().filter(w -> w.visitorCode().equals("v"))
                .flatMap(w -> w.upserts().stream()).collect(Collectors.toList())).as("no custom data of the dropped unit")
                .isEmpty();
    }

    /**
     * A confirmed unit that the writer has not taken when the bound passes (it is busy with another unit) is taken
     * back and never written: the caller is told, and the unit is dropped whole.
     */
    @Test
    void aCommitWhoseUnitTheWriterDoesNotTakeWithinTheBoundIsWithdrawnAndDroppedWhole() throws Exception {
        restart(50);
        units.begin("first");
        units.addLines("first", List.of("held"));
        repository.holdWrites = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            pool.submit(() -> units.end("first"));
            assertThat(repository.writeEntered.await(10, TimeUnit.SECONDS)).isTrue();
            units.begin("v");
            Visitor visitor = units.getOrCreate("v");
            synchronized (visitor) {
                visitor.putCustomData(new CustomData(1, "lost"), false);
            }
            // On another thread, waited for with a bound: a commit that waited on for its withdrawn unit never returns.
            Future<?> commit = pool.submit(() -> units.commitNow("v"));
            assertThatThrownBy(() -> commit.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(StoreException.class)
                    .hasMessage("the visitor store did not take the unit within 50 ms");
            assertThat(units.getOrCreate("v").customData(1)).as("the unit was dropped whole").isNull();
            repository.holdWrites.countDown();
            units.end("v");
        } finally {
            pool.shutdownNow();
        }
        assertThat(units.unitStats().storedUnits()).as("first, then v without the dropped unit").isEqualTo(2);
        assertThat(repository.writes).extracting(UnitWrite::visitorCode).containsExactly("first", "v");
        assertThat(repository.writes.get(1).upserts()).as("no custom data of the dropped unit").isEmpty();
    }

    /** Past the bound, a confirmed unit that the writer has taken is waited for: it cannot be taken back. */
    @Test
    void aCommitWhoseUnitTheWriterTookIsWaitedForPastTheBound() throws Exception {
        // Long enough for an idle writer to take the unit even on a loaded machine; the test waits it out once.
        restart(1_000);
        units.begin("v");
        Visitor visitor = units.getOrCreate("v");
        synchronized (visitor) {
            visitor.addPageView(new PageView("https://shop/a"), false, 1);
        }
        repository.holdWrites = new CountDownLatch(1);
        AtomicReference<Thread> committing = new AtomicReference<>();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> commit = pool.submit(() -> {
                committing.set(Thread.currentThread());
                units.commitNow("v");
            });
            assertThat(repository.writeEntered.await(10, TimeUnit.SECONDS)).isTrue();
            // Within the bound the commit waits with a time-out (TIMED_WAITING); past it, for the answer (WAITING).
            Eventually.until("the commit waits past its bound", Duration.ofSeconds(10),
                    () -> commit.isDone() || committing.get().getState() == Thread.State.WAITING);
            assertThat(commit).as("the commit has not returned before the writer answered").isNotDone();
            repository.holdWrites.countDown();
            commit.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        units.end("v");
        assertThat(repository.writes).hasSize(1);
        assertThat(stored.load("v").items()).extracting(VisitorItem::counter).containsExactly(1);
    }

    /**
     * A refused commit drops the session whole, up to the moment it is refused: lines that another unit of the
     * visitor tracked while the commit was in flight go with the visitor state they were tracked with, which is read
     * again from the store.
     */
    @Test
    void linesTrackedWhileARefusedCommitIsInFlightAreDroppedWithIt() throws Exception {
        units.begin("v");
        units.begin("v");
        Visitor visitor = units.getOrCreate("v");
        synchronized (visitor) {
            visitor.putCustomData(new CustomData(1, "lost"), false);
        }
        repository.holdWrites = new CountDownLatch(1);
        repository.refuseNextWrite();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> commit = pool.submit(() -> units.commitNow("v"));
            assertThat(repository.writeEntered.await(10, TimeUnit.SECONDS)).isTrue();
            units.addLines("v", List.of("tracked by the other unit"));
            repository.holdWrites.countDown();
            assertThatThrownBy(() -> commit.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(StoreException.class).hasMessage("value too long");
        } finally {
            pool.shutdownNow();
        }
        units.end("v");
        units.end("v");
        assertThat(repository.writes).as("nothing of the refused commit, nor of what was tracked meanwhile").isEmpty();
        assertThat(claimedLines()).isEmpty();
    }

    @Test
    void committingWithoutAnOpenUnitIsABug() {
        assertThatThrownBy(() -> units.commitNow("v")).isInstanceOf(IllegalStateException.class)
                .hasMessage("no unit of work is open for visitor v");
    }

    @Test
    void aRefusedCommitDropsTheUnitWholeAndTheUnitGoesOnFromTheStore() {
        units.begin("v");
        Visitor visitor = units.getOrCreate("v");
        synchronized (visitor) {
            visitor.putCustomData(new CustomData(1, "lost"), false);
        }
        units.link("alias", visitor);
        units.addLines("v", List.of("lost line"));
        repository.refuseNextWrite();
        assertThatThrownBy(() -> units.commitNow("v")).isInstanceOf(StoreException.class).hasMessage("value too long");
        Visitor reloaded = units.getOrCreate("v");
        assertThat(reloaded).isNotSameAs(visitor);
        synchronized (reloaded) {
            assertThat(reloaded.customData(1)).isNull();
            reloaded.putCustomData(new CustomData(2, "kept"), false);
        }
        units.end("v");
        UnitWrite write = onlyWrite();
        assertThat(write.upserts()).extracting(upsert -> upsert.item().key()).containsExactly("2");
        assertThat(write.linkedCodes()).isEmpty();
        assertThat(write.trackingLines()).isEmpty();
        assertThat(units.unitStats().rejectedUnits()).isEqualTo(1);
        assertThat(units.unitStats().failedConfirmedUnits()).isEqualTo(1);
    }

    @Test
    void anInterruptedEndStillHandsTheUnitOverAndKeepsTheInterrupt() {
        units.begin("v");
        units.addLines("v", List.of("l1"));
        repository.holdWrites = new CountDownLatch(1);
        Thread.currentThread().interrupt();
        units.end("v");
        assertThat(Thread.interrupted()).isTrue();
        repository.holdWrites.countDown();
        Eventually.until("the unit written", Duration.ofSeconds(10), () -> repository.writes.size() == 1);
    }

    @Test
    void workOutsideAUnitIsAUnitOfItsOwn() {
        units.addLines("lines", List.of("l1"));
        assertThat(onlyWrite().trackingLines()).containsExactly("l1");
        Visitor created = units.getOrCreate("created");
        assertThat(created).isNotNull();
        assertThat(stored.load("created")).as("written when its own unit ended").isNotNull();
        seed("known", header("GIVEN"), customData(1, "gold"));
        Visitor readOnly = units.get("known");
        assertThat(readOnly.customData(1)).isEqualTo(new CustomData(1, "gold"));
        assertThat(units.get("nobody")).isNull();
        assertThat(units.size()).as("nothing is kept").isZero();
        List<String> seen = new CopyOnWriteArrayList<>();
        units.forEach((code, visitor) -> seen.add(code));
        assertThat(seen).isEmpty();
    }

    @Test
    void openUnitsHoldTheirVisitorsInMemory() {
        units.begin("a");
        units.begin("b");
        units.getOrCreate("a");
        assertThat(units.size()).isEqualTo(2);
        List<String> seen = new CopyOnWriteArrayList<>();
        units.forEach((code, visitor) -> seen.add(code));
        assertThat(seen).as("only loaded visitors").containsExactly("a");
        units.end("a");
        units.end("b");
        units.end("never-begun");
        assertThat(units.size()).isZero();
    }

    @Test
    void unreadableStoredItemsAreReportedAndTheRestIsLoaded() {
        seed("clean", header("GIVEN"), customData(1, "gold"));
        seed("v", header("GIVEN"), customData(1, "gold"), new VisitorItem("XYZ", "", "{}", true, 0));
        try (LogCapture log = new LogCapture()) {
            assertThat(units.get("clean").customData(1)).isEqualTo(new CustomData(1, "gold"));
            assertThat(units.get("v").customData(1)).isEqualTo(new CustomData(1, "gold"));
            assertThat(log.lines(LogLevel.WARNING)).filteredOn(line -> line.contains("could not be read"))
                    .containsExactly("WARNING Kameleoon SDK: 1 stored items of visitor v could not be read");
        }
    }

    @Test
    void anUnknownStoredConsentReadsAsUnknown() {
        seed("odd", header("MAYBE"), customData(1, "gold"));
        assertThat(units.get("odd").consent()).isEqualTo(LegalConsent.UNKNOWN);
    }

    @Test
    void aFailedLoadServesTheVisitorAsNewAndIsReportedAtMostEveryTenSeconds() {
        repository.loadFailure = new StoreException("no such table", false, null);
        try (LogCapture log = new LogCapture()) {
            units.begin("a");
            assertThat(units.get("a")).isNull();
            units.end("a");
            units.begin("b");
            assertThat(units.getOrCreate("b").customData(1)).isNull();
            units.end("b");
            assertThat(log.lines(LogLevel.ERROR)).filteredOn(line -> line.contains("visitor store failed"))
                    .containsExactly("ERROR Kameleoon SDK: visitor store failed while reading visitor a: StoreException: "
                            + "no such table (requests are still answered; such errors are logged at most every 10 s)");
        }
        assertThat(units.unitStats().circuitOpen()).as("a refusal is not an outage").isFalse();
    }

    @Test
    void failuresAreReportedAgainOnceTenSecondsHavePassed() {
        restart(RepositoryUnits.DEFAULT_CONFIRMED_WAIT_MILLIS);
        repository.loadFailure = new StoreException("no such table", false, null);
        try (LogCapture log = new LogCapture()) {
            assertThat(units.get("a")).isNull();
            wallClock.addAndGet(9_999);
            units.get("b");
            wallClock.addAndGet(1);
            units.get("c");
            wallClock.addAndGet(9_999);
            units.get("d");
            assertThat(log.lines(LogLevel.ERROR)).filteredOn(line -> line.contains("visitor store failed"))
                    .as("at 0 and at exactly 10,000 ms; not 9,999 ms after either")
                    .satisfiesExactly(first -> assertThat(first).contains("reading visitor a:"),
                            second -> assertThat(second).contains("reading visitor c:"));
        }
    }

    @Test
    void aLoadWithoutAnswerInTimeServesTheVisitorAsNew() {
        units.close();
        units = new RepositoryUnits(repository, new UnitSettings(128, 0, 100, 10_000, 50, 1), clock::get, () -> { });
        repository.hangLoads = new CountDownLatch(1);
        try (LogCapture log = new LogCapture()) {
            assertThat(units.get("slow")).isNull();
            assertThat(log.lines(LogLevel.ERROR)).filteredOn(line -> line.contains("visitor store failed"))
                    .containsExactly("ERROR Kameleoon SDK: visitor store failed while reading visitor slow (no answer "
                            + "within 50 ms) (requests are still answered; such errors are logged at most every 10 s)");
        }
        assertThat(units.unitStats().lateLoads()).isEqualTo(1);
    }

    @Test
    void closingWritesOpenUnitsThenStopsTheWriterAndTheLoaders() {
        units.begin("v");
        Visitor visitor = units.getOrCreate("v");
        synchronized (visitor) {
            visitor.putCustomData(new CustomData(1, "gold"), false);
        }
        units.close();
        assertThat(stored.load("v").items()).extracting(VisitorItem::key).containsExactly("1");
        assertThat(units.size()).isZero();
        assertThat(writerThread.get().isAlive()).isFalse();
        Thread loader = repository.loadThread.get();
        Eventually.until("the load thread stops", Duration.ofSeconds(10), () -> !loader.isAlive());
    }
}
