package com.kameleoon.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.kameleoon.spi.ItemKey;
import com.kameleoon.spi.ItemUpsert;
import com.kameleoon.spi.OutboxLine;
import com.kameleoon.spi.StoreException;
import com.kameleoon.spi.StoredVisitor;
import com.kameleoon.spi.TrackingOutbox;
import com.kameleoon.spi.UnitWrite;
import com.kameleoon.spi.VisitorItem;
import com.kameleoon.spi.VisitorRepository;
import com.kameleoon.spi.WriteMark;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour the SDK relies on from every {@link VisitorRepository} and the {@link TrackingOutbox} paired with
 * it. Extend this class in your tests, hand it your repository, and JUnit 5 runs each case against it:
 *
 * <pre>{@code
 * class RedisVisitorRepositoryTest extends VisitorRepositoryContract {
 *     private final AtomicLong clock = new AtomicLong(System.currentTimeMillis());
 *     private final RedisOutbox outbox = new RedisOutbox(redis);
 *     private final RedisVisitorRepository repository =
 *             new RedisVisitorRepository(redis, outbox, Duration.ofMinutes(30), clock::get);
 *
 *     protected VisitorRepository repository() { return repository; }
 *     protected TrackingOutbox outbox() { return outbox; }
 *     protected Duration sessionDuration() { return Duration.ofMinutes(30); }
 *     protected void advance(Duration duration) { clock.addAndGet(duration.toMillis()); }
 * }
 * }</pre>
 *
 * <p>What is checked: loads answer exactly what was written; page-view counters add up across units and across
 * concurrent writers; deletes, consent, linked codes and the replacement of an expired visitor behave as
 * {@link UnitWrite} documents; a batch is written whole or not at all (tracking lines included), and a refused
 * batch is reported as refused, not as unavailable; tracking lines reach the outbox in order, one group per unit;
 * visitors expire after their session and {@link VisitorRepository#deleteExpired(int)} removes them.
 *
 * <p>Durable stores may keep their tables across tests: every test writes visitor codes of its own (a random
 * prefix, see {@link #code(String)}), looks only at its own tracking lines, and never counts what other tests
 * left behind. It does complete every line it claims, so give it an outbox that no relay reads from. A store that
 * deletes expired visitors in the background must have that switched off: the expiry cases look at expired
 * visitors before deleting them.
 *
 * <p>Time never passes by waiting: the expiry cases call {@link #advance(Duration)} and check at once. A store that
 * takes its clock from the test moves that clock; a store on a clock the test cannot move (a database's
 * {@code CURRENT_TIMESTAMP}) moves what it stored instead: its visitors' expiry times, back by the same amount.
 * Give the store a session of minutes, so that no visitor expires only because the host was slow.
 */
public abstract class VisitorRepositoryContract {
    /** Past a session's last instant: whether that instant itself still counts is the store's choice. */
    private static final Duration PAST_THE_SESSION = Duration.ofSeconds(1);
    private static final int MAX_CLAIMS = 10_000;
    private static final int WRITER_THREADS = 8;
    private static final int UNITS_PER_WRITER = 20;
    private static final Duration CONCURRENCY_TIMEOUT = Duration.ofSeconds(60);
    private static final long STARTED = 1_700_000_000_123L;

    private String prefix;

    /**
     * Returns the repository under test: a fresh one per test, or one shared by the tests of the class. The
     * contract calls this many times within a test, which must always get the same instance.
     *
     * @return the repository
     */
    protected abstract VisitorRepository repository();

    /**
     * Returns the outbox the repository writes its units' tracking lines to.
     *
     * @return the paired outbox
     */
    protected abstract TrackingOutbox outbox();

    /**
     * Returns how long the repository keeps a visitor after its last write.
     *
     * @return the session duration the repository was created with
     */
    protected abstract Duration sessionDuration();

    /**
     * Lets time pass for the repository, at once: moves its clock forward when the test controls it; when the
     * repository reads a clock the test cannot move, moves the expiry times of the visitors it stored back by
     * {@code duration}, so that they are where that much time would have left them.
     *
     * @param duration how much time should pass
     */
    protected abstract void advance(Duration duration);

    /** Marks this test's writes as one SDK writer would: its own id, sequence 1, 2, 3… */
    private String writer;
    private long sequence;

    @BeforeEach
    void chooseWriter() {
        writer = UUID.randomUUID().toString();
        sequence = 0;
    }

    /** @return the mark of this test's next write */
    protected final WriteMark nextMark() {
        return new WriteMark(writer, ++sequence);
    }

    /**
     * Writes units with this test's next mark.
     *
     * @param units the units
     * @return the mark they were written with
     */
    protected final WriteMark write(List<UnitWrite> units) {
        WriteMark mark = nextMark();
        repository().write(mark, units);
        return mark;
    }

    @BeforeEach
    void choosePrefix() {
        // Drawn per test, not per instance, so that a subclass running one instance per class stays isolated too.
        prefix = "rc" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36) + "-";
    }

    /**
     * Returns a visitor code that belongs to the running test alone.
     *
     * @param name a name, unique within the test
     * @return the code: a per-test random prefix and the name
     */
    protected final String code(String name) {
        return prefix + name;
    }

    // ---- loading --------------------------------------------------------------------------------------------

    @Test
    void anUnknownVisitorLoadsAsNull() {
        assertNull(repository().load(code("nobody")));
    }

    @Test
    void aWrittenUnitLoadsBackExactly() {
        String visitor = code("v");
        VisitorItem customData = item("CD", "3", "{\"value\":\"Zoë ✓ 😀\"}", false, 0);
        VisitorItem pageView = item("PV", "https://example.com/cart?step=2", "{\"title\":\"Cart\"}", true, 3);
        VisitorItem device = item("DV", "", "{\"type\":\"DESKTOP\"}", true, 0);
        write(List.of(unit(visitor, header(STARTED, "GIVEN", true, false),
                List.of(new ItemUpsert(customData, 0), new ItemUpsert(device, 0), new ItemUpsert(pageView, 3)),
                List.of())));

        StoredVisitor stored = repository().load(visitor);
        assertNotNull(stored, "a written visitor loads");
        assertEquals(visitor, stored.storedCode());
        assertEquals(STARTED, stored.timeStarted());
        assertEquals("GIVEN", stored.consent());
        assertFalse(stored.expired(), "a visitor just written is not expired");
        assertEquals(byKey(customData, device, pageView), byKey(stored));
    }

    @Test
    void theLongestKindAndKeyAStoreMustAcceptAreKept() {
        String visitor = code("v");
        VisitorItem longest = item("K".repeat(VisitorItem.MAX_KIND_LENGTH), "k".repeat(VisitorItem.MAX_KEY_LENGTH),
                "{}", false, 0);
        write(List.of(unit(visitor, header(STARTED, "UNKNOWN", false, false),
                List.of(new ItemUpsert(longest, 0)), List.of())));

        assertEquals(byKey(longest), byKey(repository().load(visitor)));
    }

    // ---- item semantics -------------------------------------------------------------------------------------

    @Test
    void countersAddUpWhilePayloadAndSentFlagAreReplacedByTheLaterUnit() {
        String visitor = code("v");
        write(List.of(unit(visitor, header(STARTED, "UNKNOWN", false, false),
                List.of(new ItemUpsert(item("PV", "/home", "{\"title\":\"Home\"}", false, 2), 2)), List.of())));
        // The second writer saw only its own 3 views: the store must add the delta, not keep the item's counter.
        write(List.of(unit(visitor, header(STARTED, "UNKNOWN", false, false),
                List.of(new ItemUpsert(item("PV", "/home", "{\"title\":\"Home v2\"}", true, 3), 3)), List.of())));

        assertEquals(byKey(item("PV", "/home", "{\"title\":\"Home v2\"}", true, 5)),
                byKey(repository().load(visitor)));
    }

    @Test
    void deletesRemoveOnlyTheNamedItemsOfTheNamedVisitor() {
        String visitor = code("v");
        String neighbour = code("w");
        VisitorItem a = item("CD", "a", "1", false, 0);
        VisitorItem b = item("CD", "b", "2", false, 0);
        VisitorItem pageA = item("PV", "a", "{}", false, 1);
        write(List.of(
                unit(visitor, header(STARTED, "UNKNOWN", false, false),
                        List.of(new ItemUpsert(a, 0), new ItemUpsert(b, 0), new ItemUpsert(pageA, 1)), List.of()),
                unit(neighbour, header(STARTED, "UNKNOWN", false, false), List.of(new ItemUpsert(a, 0)),
                        List.of())));

        write(List.of(unit(visitor, header(STARTED, "UNKNOWN", false, false), List.of(),
                List.of(new ItemKey("CD", "a"), new ItemKey("CD", "never-stored")))));

        assertEquals(byKey(b, pageA), byKey(repository().load(visitor)),
                "only CD/a is gone: not CD/b, not the page view with the same key");
        assertEquals(byKey(a), byKey(repository().load(neighbour)), "another visitor's CD/a stays");
    }

    @Test
    void consentIsReplacedOnlyWhenTheUnitChangedIt() {
        String visitor = code("v");
        write(List.of(unit(visitor, header(STARTED, "GIVEN", true, false), List.of(), List.of())));
        assertEquals("GIVEN", repository().load(visitor).consent());

        write(List.of(unit(visitor, header(STARTED, "NOT_GIVEN", false, false), List.of(), List.of())));
        assertEquals("GIVEN", repository().load(visitor).consent(),
                "consentChanged=false keeps the stored consent (another node may have set it)");

        write(List.of(unit(visitor, header(STARTED, "NOT_GIVEN", true, false), List.of(), List.of())));
        assertEquals("NOT_GIVEN", repository().load(visitor).consent());
    }

    @Test
    void aNewVisitorTakesTheHeadersConsentAndStartTime() {
        String visitor = code("v");
        write(List.of(unit(visitor, header(STARTED, "NOT_GIVEN", false, false), List.of(), List.of())));

        StoredVisitor stored = repository().load(visitor);
        assertEquals("NOT_GIVEN", stored.consent());
        assertEquals(STARTED, stored.timeStarted());
        assertEquals(List.of(), stored.items());
    }

    @Test
    void aLaterUnitKeepsTheStoredStartTime() {
        String visitor = code("v");
        write(List.of(unit(visitor, header(STARTED, "UNKNOWN", false, false), List.of(), List.of())));
        write(List.of(unit(visitor, header(STARTED + 60_000, "UNKNOWN", false, false), List.of(),
                List.of())));

        assertEquals(STARTED, repository().load(visitor).timeStarted());
    }

    @Test
    void aLinkedCodeLoadsTheVisitorItIsLinkedTo() {
        String visitor = code("anonymous");
        String user = code("user-1");
        VisitorItem customData = item("CD", "1", "\"gold\"", false, 0);
        write(List.of(new UnitWrite(visitor, header(STARTED, "GIVEN", true, false),
                List.of(new ItemUpsert(customData, 0)), List.of(), List.of(user), List.of())));

        StoredVisitor viaLink = repository().load(user);
        assertNotNull(viaLink, "a linked code loads");
        assertEquals(visitor, viaLink.storedCode(), "the state is stored under the original code");
        assertEquals(STARTED, viaLink.timeStarted());
        assertEquals("GIVEN", viaLink.consent());
        assertEquals(byKey(customData), byKey(viaLink));
        assertEquals(visitor, repository().load(visitor).storedCode());

        // The link points at the visitor, not at a copy: later writes to the visitor show through it.
        VisitorItem pageView = item("PV", "/account", "{}", false, 1);
        write(List.of(unit(visitor, header(STARTED, "GIVEN", false, false),
                List.of(new ItemUpsert(pageView, 1)), List.of())));
        assertEquals(byKey(customData, pageView), byKey(repository().load(user)));
    }

    @Test
    void replaceStoredDropsTheOldItemsBeforeTheUpsertsAndTakesTheNewStartTime() {
        String visitor = code("v");
        write(List.of(unit(visitor, header(STARTED, "GIVEN", true, false),
                List.of(new ItemUpsert(item("CD", "old", "1", true, 0), 0),
                        new ItemUpsert(item("PV", "/home", "{}", true, 4), 4)),
                List.of())));

        long restarted = STARTED + 3_600_000;
        write(List.of(unit(visitor, header(restarted, "GIVEN", false, true),
                List.of(new ItemUpsert(item("CD", "new", "2", false, 0), 0),
                        new ItemUpsert(item("PV", "/home", "{}", false, 1), 1)),
                List.of())));

        StoredVisitor stored = repository().load(visitor);
        assertEquals(restarted, stored.timeStarted());
        assertEquals(byKey(item("CD", "new", "2", false, 0), item("PV", "/home", "{}", false, 1)), byKey(stored),
                "the old CD/old is gone and the page-view counter starts again from the delta");
    }

    // ---- batches --------------------------------------------------------------------------------------------

    @Test
    void aBatchWritesEveryUnitAndTheUnitsOfOneVisitorInOrder() {
        String a = code("a");
        String b = code("b");
        String c = code("c");
        UnitWrite firstOfA = unit(a, header(STARTED, "GIVEN", true, false),
                List.of(new ItemUpsert(item("CD", "k", "\"first\"", false, 0), 0),
                        new ItemUpsert(item("CD", "gone", "\"x\"", false, 0), 0),
                        new ItemUpsert(item("PV", "/p", "{}", false, 1), 1)),
                List.of());
        // What the same session wrote next, relative to the first unit: it deletes an item the first one added.
        UnitWrite secondOfA = unit(a, header(STARTED, "NOT_GIVEN", true, false),
                List.of(new ItemUpsert(item("CD", "k", "\"second\"", true, 0), 0),
                        new ItemUpsert(item("PV", "/p", "{}", true, 3), 2)),
                List.of(new ItemKey("CD", "gone")));
        VisitorItem ofB = item("CD", "k", "\"b\"", false, 0);
        VisitorItem ofC = item("PV", "/c", "{}", false, 1);

        write(List.of(firstOfA, secondOfA,
                unit(b, header(STARTED, "UNKNOWN", false, false), List.of(new ItemUpsert(ofB, 0)), List.of()),
                unit(c, header(STARTED, "UNKNOWN", false, false), List.of(new ItemUpsert(ofC, 1)), List.of())));

        StoredVisitor storedA = repository().load(a);
        assertEquals(byKey(item("CD", "k", "\"second\"", true, 0), item("PV", "/p", "{}", true, 3)), byKey(storedA),
                "the later unit's payload wins, counters add up, and its delete applies after the first unit's upsert");
        assertEquals("NOT_GIVEN", storedA.consent());
        assertEquals(byKey(ofB), byKey(repository().load(b)));
        assertEquals(byKey(ofC), byKey(repository().load(c)));
    }

    // ---- tracking lines -------------------------------------------------------------------------------------

    @Test
    void trackingLinesOfWrittenUnitsAreClaimableInOrderOneGroupPerUnit() {
        String a = code("a");
        String b = code("b");
        String c = code("c");
        write(List.of(
                new UnitWrite(a, header(STARTED, "UNKNOWN", false, false),
                        List.of(new ItemUpsert(item("PV", "/", "{}", false, 1), 1)), List.of(), List.of(),
                        List.of(line("a1"), line("a2"))),
                // A visitor without stored state whose unit only tracked: lines, no header.
                new UnitWrite(b, null, List.of(), List.of(), List.of(), List.of(line("b1"))),
                new UnitWrite(c, header(STARTED, "UNKNOWN", false, false), List.of(), List.of(), List.of(),
                        List.of(line("c1"), line("c2"), line("c3")))));
        write(List.of(new UnitWrite(a, header(STARTED, "UNKNOWN", false, false), List.of(), List.of(),
                List.of(), List.of(line("a3")))));

        List<OutboxLine> lines = drainOwnLines();
        List<String> texts = new ArrayList<>();
        for (OutboxLine line : lines) {
            texts.add(line.text());
        }
        assertEquals(List.of(line("a1"), line("a2"), line("b1"), line("c1"), line("c2"), line("c3"), line("a3")),
                texts);
        List<String> visitors = new ArrayList<>();
        for (OutboxLine line : lines) {
            visitors.add(line.visitorCode());
        }
        assertEquals(List.of(a, a, b, c, c, c, a), visitors);
        assertEquals(lines.get(0).group(), lines.get(1).group(), "a unit's lines form one group");
        assertEquals(lines.get(3).group(), lines.get(4).group());
        assertEquals(lines.get(3).group(), lines.get(5).group());
        assertEquals(4, distinctGroups(lines), "one group per unit: a (first write), b, c, a (second write)");
        assertNull(repository().load(b), "a unit without header leaves no visitor behind");
        assertEquals(List.of(), drainOwnLines(), "completed lines are gone");
    }

    // ---- all or nothing -------------------------------------------------------------------------------------

    @Test
    void aBatchWithAnOverlongItemKeyIsRefusedWhole() {
        assertRefusedWhole(item("CD", "k".repeat(VisitorItem.MAX_KEY_LENGTH + 1), "1", false, 0));
    }

    @Test
    void aBatchWithAnOverlongItemKindIsRefusedWhole() {
        assertRefusedWhole(item("K".repeat(VisitorItem.MAX_KIND_LENGTH + 1), "k", "1", false, 0));
    }

    /** A good unit on either side of the bad one, so that the failure comes after some statements succeeded. */
    private void assertRefusedWhole(VisitorItem offending) {
        String before = code("a-good");
        String bad = code("b-bad");
        String after = code("c-good");
        UnitWrite first = new UnitWrite(before, header(STARTED, "GIVEN", true, false),
                List.of(new ItemUpsert(item("CD", "1", "\"a\"", false, 0), 0)), List.of(), List.of(),
                List.of(line("a1")));
        UnitWrite refused = new UnitWrite(bad, header(STARTED, "GIVEN", true, false),
                List.of(new ItemUpsert(item("CD", "1", "\"b\"", false, 0), 0), new ItemUpsert(offending, 0)),
                List.of(), List.of(), List.of(line("b1")));
        UnitWrite last = new UnitWrite(after, header(STARTED, "GIVEN", true, false),
                List.of(new ItemUpsert(item("PV", "/", "{}", false, 1), 1)), List.of(), List.of(),
                List.of(line("c1")));

        WriteMark refusedMark = nextMark();
        StoreException failure = assertThrows(StoreException.class,
                () -> repository().write(refusedMark, List.of(first, refused, last)));
        assertFalse(failure.isUnavailable(),
                "a refused value is not an outage: the SDK would otherwise open its circuit and retry forever");
        assertNull(repository().load(before), "nothing of a failed batch is visible");
        assertNull(repository().load(bad));
        assertNull(repository().load(after));
        assertEquals(List.of(), drainOwnLines(), "no tracking line of a failed batch is queued");
        assertFalse(failure.isOutcomeUnknown(), "the database answered: the batch is known not written");
        assertFalse(repository().isWritten(refusedMark), "the mark of a refused batch is not recorded either");

        write(List.of(first, last));
        assertEquals(byKey(first.upserts().get(0).item()), byKey(repository().load(before)));
        assertEquals(byKey(last.upserts().get(0).item()), byKey(repository().load(after)));
        List<String> texts = new ArrayList<>();
        for (OutboxLine line : drainOwnLines()) {
            texts.add(line.text());
        }
        assertEquals(List.of(line("a1"), line("c1")), texts);
    }

    // ---- write marks ----------------------------------------------------------------------------------------

    @Test
    void aWritesMarkIsRecordedWithItSoThatACutOffCommitCanBeSettled() {
        assertFalse(repository().isWritten(new WriteMark(UUID.randomUUID().toString(), 1)),
                "a writer that never wrote has nothing recorded");
        WriteMark first = write(List.of(unit(code("m"), header(STARTED, "UNKNOWN", false, false), List.of(),
                List.of())));
        assertTrue(repository().isWritten(first));
        assertFalse(repository().isWritten(first.next()), "the next write has not happened");
        WriteMark second = write(List.of(unit(code("m"), header(STARTED, "UNKNOWN", false, false), List.of(),
                List.of())));
        assertTrue(repository().isWritten(second));
        assertTrue(repository().isWritten(first), "a later write of the same writer implies the earlier ones");
        assertFalse(repository().isWritten(new WriteMark(UUID.randomUUID().toString(), second.sequence())),
                "marks are per writer");
    }

    // ---- expiry ---------------------------------------------------------------------------------------------

    @Test
    void aVisitorNotWrittenForASessionLoadsAsExpiredUntilDeleted() {
        String first = code("a");
        String second = code("b");
        String fresh = code("c");
        for (String visitor : List.of(first, second)) {
            write(List.of(unit(visitor, header(STARTED, "GIVEN", true, false),
                    List.of(new ItemUpsert(item("CD", "1", "\"x\"", false, 0), 0)), List.of())));
        }

        advance(sessionDuration().plus(PAST_THE_SESSION));
        StoredVisitor expired = assertExpired(first);
        assertEquals(first, expired.storedCode());
        assertEquals(List.of(), expired.items(), "an expired visitor's items are not handed out");
        assertExpired(second);

        VisitorItem freshItem = item("CD", "1", "\"y\"", false, 0);
        write(List.of(unit(fresh, header(STARTED, "UNKNOWN", false, false),
                List.of(new ItemUpsert(freshItem, 0)), List.of())));
        assertEquals(1, repository().deleteExpired(1), "at most max visitors, and there are expired ones");
        deleteAllExpired();

        assertNull(repository().load(first));
        assertNull(repository().load(second));
        StoredVisitor kept = repository().load(fresh);
        assertNotNull(kept, "a visitor within its session is not deleted");
        assertFalse(kept.expired());
        assertEquals(byKey(freshItem), byKey(kept));
    }

    @Test
    void anExpiredVisitorWrittenAgainWithReplaceStoredStartsAnew() {
        String visitor = code("v");
        write(List.of(unit(visitor, header(STARTED, "GIVEN", true, false),
                List.of(new ItemUpsert(item("CD", "old", "1", false, 0), 0),
                        new ItemUpsert(item("PV", "/", "{}", false, 2), 2)),
                List.of())));
        advance(sessionDuration().plus(PAST_THE_SESSION));
        assertExpired(visitor);

        long restarted = STARTED + 86_400_000;
        write(List.of(unit(visitor, header(restarted, "UNKNOWN", true, true),
                List.of(new ItemUpsert(item("PV", "/", "{}", false, 1), 1)), List.of())));
        deleteAllExpired();

        StoredVisitor stored = repository().load(visitor);
        assertNotNull(stored, "writing renews the session: the cleanup leaves the visitor alone");
        assertFalse(stored.expired());
        assertEquals(restarted, stored.timeStarted());
        assertEquals("UNKNOWN", stored.consent());
        assertEquals(byKey(item("PV", "/", "{}", false, 1)), byKey(stored));
    }

    // ---- health and concurrency -----------------------------------------------------------------------------

    @Test
    void pingAnswersOnAHealthyStore() {
        repository().ping();
    }

    @Test
    void concurrentWritersOfOneVisitorLoseNoCount() throws InterruptedException {
        String visitor = code("v");
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(WRITER_THREADS, task -> {
            Thread thread = new Thread(task, "repository-contract-writer-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int w = 0; w < WRITER_THREADS; w++) {
                VisitorItem own = item("CD", "writer-" + w, "\"" + w + "\"", false, 0);
                done.add(writers.submit(() -> {
                    start.await();
                    for (int u = 0; u < UNITS_PER_WRITER; u++) {
                        List<ItemUpsert> upserts = new ArrayList<>();
                        upserts.add(new ItemUpsert(own, 0));
                        upserts.add(new ItemUpsert(item("PV", "/", "{}", false, u + 1), 1));
                        write(List.of(unit(visitor, header(STARTED, "UNKNOWN", false, false),
                                upserts, List.of())));
                    }
                    return null;
                }));
            }
            start.countDown();
            long deadline = System.nanoTime() + CONCURRENCY_TIMEOUT.toNanos();
            for (Future<?> writer : done) {
                try {
                    writer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (ExecutionException e) {
                    throw new AssertionError("a concurrent write failed", e.getCause());
                } catch (TimeoutException e) {
                    fail("the writers did not finish within " + CONCURRENCY_TIMEOUT);
                }
            }
        } finally {
            writers.shutdownNow();
        }

        Map<ItemKey, VisitorItem> items = byKey(repository().load(visitor));
        assertEquals(WRITER_THREADS * UNITS_PER_WRITER, items.get(new ItemKey("PV", "/")).counter(),
                "every writer's page views count");
        assertEquals(WRITER_THREADS + 1, items.size(), "every writer's own item is there");
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static VisitorItem item(String kind, String key, String payload, boolean sent, int counter) {
        return new VisitorItem(kind, key, payload, sent, counter);
    }

    private static UnitWrite.Header header(long timeStarted, String consent, boolean consentChanged,
            boolean replaceStored) {
        return new UnitWrite.Header(timeStarted, consent, consentChanged, replaceStored);
    }

    private static UnitWrite unit(String visitorCode, UnitWrite.Header header, List<ItemUpsert> upserts,
            List<ItemKey> deletes) {
        return new UnitWrite(visitorCode, header, upserts, deletes, List.of(), List.of());
    }

    /** Lines carry the test's prefix, so that lines other tests left in a shared outbox never match. */
    private String line(String name) {
        return "eventType=contract&test=" + prefix + "&line=" + name;
    }

    /** Stores need not keep items in any order: compare them by identity. */
    private static Map<ItemKey, VisitorItem> byKey(StoredVisitor visitor) {
        assertNotNull(visitor, "the visitor loads");
        Map<ItemKey, VisitorItem> items = new LinkedHashMap<>();
        for (VisitorItem item : visitor.items()) {
            assertNull(items.put(item.itemKey(), item), "an item is loaded once: " + item.itemKey());
        }
        return items;
    }

    private static Map<ItemKey, VisitorItem> byKey(VisitorItem... expected) {
        Map<ItemKey, VisitorItem> items = new LinkedHashMap<>();
        for (VisitorItem item : expected) {
            items.put(item.itemKey(), item);
        }
        return items;
    }

    private static long distinctGroups(List<OutboxLine> lines) {
        return lines.stream().mapToLong(OutboxLine::group).distinct().count();
    }

    /** Claims and completes everything pending; returns this test's lines, in claim order. */
    private List<OutboxLine> drainOwnLines() {
        List<OutboxLine> own = new ArrayList<>();
        for (int i = 0; i < MAX_CLAIMS; i++) {
            List<OutboxLine> claimed = outbox().claim(Long.MAX_VALUE);
            if (claimed.isEmpty()) {
                return own;
            }
            outbox().complete(claimed);
            for (OutboxLine line : claimed) {
                if (line.visitorCode().startsWith(prefix)) {
                    own.add(line);
                }
            }
        }
        return fail("the outbox still had lines after " + MAX_CLAIMS + " claims");
    }

    private StoredVisitor assertExpired(String visitorCode) {
        StoredVisitor stored = repository().load(visitorCode);
        assertNotNull(stored, "an expired visitor is kept until deleteExpired (is a background cleaner on?)");
        assertTrue(stored.expired(), visitorCode + " is expired more than a session after its last write");
        return stored;
    }

    /** Other tests sharing the store may have left expired visitors too: delete until none is left. */
    private void deleteAllExpired() {
        for (int i = 0; i < MAX_CLAIMS; i++) {
            int deleted = repository().deleteExpired(1_000);
            assertTrue(deleted >= 0, "deleteExpired counts what it deleted");
            if (deleted == 0) {
                return;
            }
        }
        fail("deleteExpired kept finding expired visitors");
    }
}
