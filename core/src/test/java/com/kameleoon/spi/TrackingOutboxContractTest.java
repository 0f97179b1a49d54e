package com.kameleoon.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link TrackingOutbox} keeps, run against each implementation by a subclass: order, whole
 * passes per claim, claimed lines hidden from other claims, failed lines first in line again with their text
 * (and so their nonce), completed lines gone, listeners told of additions.
 */
public abstract class TrackingOutboxContractTest {
    private TrackingOutbox outbox;

    /** @return a new, empty outbox holding at least 100,000 lines */
    protected abstract TrackingOutbox createOutbox();

    @BeforeEach
    void open() {
        outbox = createOutbox();
    }

    @AfterEach
    void close() {
        outbox.close();
    }

    private static List<String> texts(List<OutboxLine> lines) {
        return lines.stream().map(OutboxLine::text).collect(Collectors.toList());
    }

    @Test
    void linesComeOutInOrder() {
        outbox.add("a", List.of("a1", "a2"));
        outbox.add("b", List.of("b1"));
        assertThat(texts(outbox.claim(1_000))).containsExactly("a1", "a2", "b1");
        assertThat(outbox.claim(1_000)).isEmpty();
    }

    @Test
    void aClaimTakesWholePassesWithinTheBudgetButAlwaysAtLeastOne() {
        outbox.add("a", List.of("aaaa", "aaaa"));
        outbox.add("b", List.of("bbbb"));
        assertThat(texts(outbox.claim(5))).as("a pass larger than the budget still goes alone")
                .containsExactly("aaaa", "aaaa");
        assertThat(texts(outbox.claim(5))).containsExactly("bbbb");
    }

    @Test
    void failedLinesComeBackFirstWithTheSameText() {
        outbox.add("a", List.of("a1&nonce=0123456789ABCDEF"));
        List<OutboxLine> first = outbox.claim(1_000);
        outbox.add("b", List.of("b1"));
        outbox.fail(first, "HTTP 503");
        List<OutboxLine> again = outbox.claim(1_000);
        assertThat(texts(again)).containsExactly("a1&nonce=0123456789ABCDEF", "b1");
        assertThat(again.get(0).attempts()).isEqualTo(1);
        assertThat(outbox.stats().retried()).isEqualTo(1);
    }

    @Test
    void completedLinesAreGoneAndCounted() {
        outbox.add("a", List.of("a1", "a2"));
        List<OutboxLine> claimed = outbox.claim(1_000);
        assertThat(outbox.stats().depth()).isEqualTo(2);
        outbox.complete(claimed);
        assertThat(outbox.stats().depth()).isZero();
        assertThat(outbox.stats().sent()).isEqualTo(2);
        assertThat(outbox.claim(1_000)).isEmpty();
    }

    /**
     * Each addition tells every listener once, before {@code add} returns and after its lines are counted, so a
     * relay woken by it finds them; an empty pass adds nothing and wakes nobody.
     */
    @Test
    void listenersAreToldOfAdditions() {
        List<Long> depthSeenByFirst = new ArrayList<>();
        AtomicInteger second = new AtomicInteger();
        outbox.onAdd(() -> depthSeenByFirst.add(outbox.stats().depth()));
        outbox.onAdd(second::incrementAndGet);

        outbox.add("a", List.of("a1"));
        assertThat(depthSeenByFirst).as("told at once, with the line already there").containsExactly(1L);
        outbox.add("a", List.of());
        outbox.add("b", List.of("b1", "b2"));

        assertThat(depthSeenByFirst).containsExactly(1L, 3L);
        assertThat(second.get()).isEqualTo(2);
    }

    @Test
    void concurrentProducersAndAConsumerLoseNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> producers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                producers.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        outbox.add("v" + thread, List.of(thread + "-" + i));
                    }
                }));
            }
            List<String> received = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (received.size() < 8_000 && System.currentTimeMillis() < deadline) {
                List<OutboxLine> batch = outbox.claim(10_000);
                received.addAll(texts(batch));
                outbox.complete(batch);
            }
            for (Future<?> producer : producers) {
                producer.get(30, TimeUnit.SECONDS);
            }
            assertThat(received).hasSize(8_000).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }
}
