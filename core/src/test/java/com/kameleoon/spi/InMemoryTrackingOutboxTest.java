package com.kameleoon.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The in-memory outbox: the SPI contract, plus its bound (drop the oldest, count, never block). */
class InMemoryTrackingOutboxTest extends TrackingOutboxContractTest {

    @Override
    protected TrackingOutbox createOutbox() {
        return new InMemoryTrackingOutbox(100_000, System::currentTimeMillis);
    }

    @Test
    void whenFullTheOldestLinesAreDroppedAndCounted() {
        InMemoryTrackingOutbox outbox = new InMemoryTrackingOutbox(3, System::currentTimeMillis);
        outbox.add("a", List.of("1", "2"));
        outbox.add("b", List.of("3", "4"));
        assertThat(outbox.stats().dropped()).isEqualTo(1);
        assertThat(outbox.claim(100).stream().map(OutboxLine::text).collect(Collectors.toList()))
                .containsExactly("2", "3", "4");
    }
}
