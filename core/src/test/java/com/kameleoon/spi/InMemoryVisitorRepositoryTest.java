package com.kameleoon.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The in-memory repository on a test clock: batches are validated whole before anything is applied; a unit
 * without header only hands its lines over; a visitor (and a link to it) expires exactly one session after its
 * last write; expired visitors are deleted in bounded rounds; write marks are remembered per writer.
 */
class InMemoryVisitorRepositoryTest {
    private static final long SESSION = 1_000;
    private static final WriteMark MARK = new WriteMark("writer-1", 1);

    private final AtomicLong clock = new AtomicLong(50_000);
    private final InMemoryTrackingOutbox outbox = new InMemoryTrackingOutbox(100, clock::get);
    private final InMemoryVisitorRepository repository = new InMemoryVisitorRepository(outbox, SESSION, clock::get);

    private static UnitWrite.Header header(long timeStarted, String consent) {
        return new UnitWrite.Header(timeStarted, consent, true, false);
    }

    private static UnitWrite unit(String code, VisitorItem... items) {
        return new UnitWrite(code, header(100, "GIVEN"),
                List.of(items).stream().map(item -> new ItemUpsert(item, item.counter())).collect(Collectors.toList()),
                List.of(), List.of(), List.of());
    }

    private static VisitorItem item(String kind, String key) {
        return new VisitorItem(kind, key, "{}", true, 0);
    }

    private List<String> claimedLines() {
        return outbox.claim(Long.MAX_VALUE).stream().map(line -> line.visitorCode() + ":" + line.text())
                .collect(Collectors.toList());
    }

    @Test
    void theSessionMustBePositive() {
        assertThat(new InMemoryVisitorRepository(outbox, 1, clock::get).size()).isZero();
        assertThatThrownBy(() -> new InMemoryVisitorRepository(outbox, 0, clock::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("sessionMillis must be positive");
    }

    @Test
    void theLongestKindAndKeyAreAcceptedAndOneMoreRefusesTheWholeBatch() {
        String kind = "K".repeat(VisitorItem.MAX_KIND_LENGTH);
        String key = "k".repeat(VisitorItem.MAX_KEY_LENGTH);
        repository.write(MARK, List.of(unit("ok", item(kind, key))));
        assertThat(repository.load("ok").items()).extracting(VisitorItem::itemKey).containsExactly(new ItemKey(kind, key));

        WriteMark second = MARK.next();
        UnitWrite good = new UnitWrite("good", header(100, "GIVEN"), List.of(), List.of(), List.of(), List.of("line"));
        assertThatThrownBy(() -> repository.write(second, List.of(good, unit("long-kind", item(kind + "K", "1")))))
                .isInstanceOf(StoreException.class)
                .hasMessage("item " + kind + "K/1 of visitor long-kind exceeds the stored lengths")
                .matches(e -> !((StoreException) e).isUnavailable(), "a rejection");
        assertThatThrownBy(() -> repository.write(second, List.of(unit("long-key", item("CD", key + "k")))))
                .hasMessage("item CD/" + "k".repeat(40) + "… of visitor long-key exceeds the stored lengths");
        assertThatThrownBy(() -> repository.write(second, List.of(unit("v", item(kind + "K", "k".repeat(40))))))
                .as("a key of 40 characters is shown whole")
                .hasMessage("item " + kind + "K/" + "k".repeat(40) + " of visitor v exceeds the stored lengths");
        assertThat(repository.load("good")).as("nothing of a refused batch is applied").isNull();
        assertThat(outbox.stats().depth()).isZero();
        assertThat(repository.isWritten(second)).isFalse();
    }

    @Test
    void aUnitWithoutHeaderOnlyHandsItsLinesOver() {
        repository.write(MARK, List.of(new UnitWrite("lines-only", null, List.of(), List.of(), List.of(),
                List.of("l1", "l2"))));
        assertThat(repository.load("lines-only")).isNull();
        assertThat(repository.size()).isZero();
        assertThat(claimedLines()).containsExactly("lines-only:l1", "lines-only:l2");
    }

    @Test
    void aVisitorExpiresExactlyOneSessionAfterItsLastWrite() {
        repository.write(MARK, List.of(unit("v", item("CD", "1"))));
        clock.addAndGet(SESSION - 1);
        StoredVisitor alive = repository.load("v");
        assertThat(alive.expired()).isFalse();
        assertThat(alive.items()).hasSize(1);
        clock.addAndGet(1);
        StoredVisitor expired = repository.load("v");
        assertThat(expired.expired()).isTrue();
        assertThat(expired.items()).isEmpty();
        assertThat(expired.timeStarted()).isEqualTo(100);
    }

    @Test
    void aLinkLeadsToItsVisitorUntilTheLinkExpires() {
        repository.write(MARK, List.of(new UnitWrite("main", header(100, "GIVEN"), List.of(), List.of(),
                List.of("alias"), List.of())));
        clock.addAndGet(1);
        repository.write(MARK.next(), List.of(unit("main", item("CD", "1"))));
        clock.addAndGet(SESSION - 2);
        assertThat(repository.load("alias").storedCode()).isEqualTo("main");
        assertThat(repository.load("alias").items()).hasSize(1);
        clock.addAndGet(1);
        StoredVisitor expiredLink = repository.load("alias");
        assertThat(expiredLink.storedCode()).as("an expired link is its own expired visitor").isEqualTo("alias");
        assertThat(expiredLink.expired()).isTrue();
        assertThat(repository.load("main").expired()).as("the visitor itself lives one more millisecond").isFalse();
    }

    @Test
    void aLiveLinkToAnExpiredVisitorLeadsNowhere() {
        repository.write(MARK, List.of(new UnitWrite("main", header(100, "GIVEN"), List.of(), List.of(),
                List.of("alias"), List.of())));
        clock.addAndGet(1);
        repository.write(MARK.next(), List.of(unit("alias", item("CD", "own"))));
        clock.addAndGet(SESSION - 1);
        assertThat(repository.load("main").expired()).isTrue();
        StoredVisitor link = repository.load("alias");
        assertThat(link.storedCode()).isEqualTo("alias");
        assertThat(link.expired()).isFalse();
        assertThat(link.items()).extracting(VisitorItem::key).containsExactly("own");
    }

    @Test
    void anExpiredVisitorWrittenWithReplaceStoredStartsAnewAndKeepsItsConsentUnlessChanged() {
        repository.write(MARK, List.of(unit("v", item("CD", "1"), item("CD", "2"))));
        clock.addAndGet(SESSION);
        repository.write(MARK.next(), List.of(new UnitWrite("v", new UnitWrite.Header(900, "NOT_GIVEN", false, true),
                List.of(new ItemUpsert(item("CD", "3"), 0)), List.of(), List.of(), List.of())));
        StoredVisitor renewed = repository.load("v");
        assertThat(renewed.expired()).isFalse();
        assertThat(renewed.timeStarted()).isEqualTo(900);
        assertThat(renewed.consent()).as("consent not changed by the unit").isEqualTo("GIVEN");
        assertThat(renewed.items()).extracting(VisitorItem::key).containsExactly("3");
    }

    @Test
    void aLaterUnitWithoutReplaceStoredKeepsItemsAndStartTime() {
        repository.write(MARK, List.of(unit("v", item("CD", "1"))));
        repository.write(MARK.next(), List.of(new UnitWrite("v", new UnitWrite.Header(900, "NOT_GIVEN", true, false),
                List.of(new ItemUpsert(item("CD", "2"), 0)), List.of(new ItemKey("CD", "9")), List.of(), List.of())));
        StoredVisitor visitor = repository.load("v");
        assertThat(visitor.timeStarted()).isEqualTo(100);
        assertThat(visitor.consent()).isEqualTo("NOT_GIVEN");
        assertThat(visitor.items()).extracting(VisitorItem::key).containsExactly("1", "2");
    }

    @Test
    void expiredVisitorsAreDeletedInBoundedRounds() {
        repository.write(MARK, List.of(unit("a"), unit("b"), unit("c")));
        clock.addAndGet(1);
        repository.write(MARK.next(), List.of(unit("young")));
        clock.addAndGet(SESSION - 1);
        assertThat(repository.deleteExpired(2)).isEqualTo(2);
        assertThat(repository.size()).isEqualTo(2);
        assertThat(repository.deleteExpired(10)).isEqualTo(1);
        assertThat(repository.deleteExpired(10)).isZero();
        assertThat(repository.size()).isEqualTo(1);
        assertThat(repository.load("young").expired()).isFalse();
        assertThat(repository.load("a")).isNull();
    }

    @Test
    void marksAreRememberedPerWriterUpToTheHighestCommitted() {
        repository.write(new WriteMark("w1", 3), List.of(unit("a")));
        assertThat(repository.isWritten(new WriteMark("w1", 2))).isTrue();
        assertThat(repository.isWritten(new WriteMark("w1", 3))).isTrue();
        assertThat(repository.isWritten(new WriteMark("w1", 4))).isFalse();
        assertThat(repository.isWritten(new WriteMark("w2", 1))).isFalse();
        repository.write(new WriteMark("w1", 1), List.of(unit("a")));
        assertThat(repository.isWritten(new WriteMark("w1", 3))).as("a lower mark does not lower it").isTrue();
    }

    @Test
    void anEmptyBatchIsAMistake() {
        assertThatThrownBy(() -> repository.write(MARK, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("write needs at least one unit");
        repository.ping();
    }
}
