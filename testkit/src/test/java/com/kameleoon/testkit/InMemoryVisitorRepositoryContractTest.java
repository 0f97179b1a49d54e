package com.kameleoon.testkit;

import com.kameleoon.spi.InMemoryTrackingOutbox;
import com.kameleoon.spi.InMemoryVisitorRepository;
import com.kameleoon.spi.TrackingOutbox;
import com.kameleoon.spi.VisitorRepository;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The repository contract on core's in-memory repository, a fresh one per test, on a clock the test moves: the
 * expiry cases run without waiting.
 */
class InMemoryVisitorRepositoryContractTest extends VisitorRepositoryContract {
    private static final Duration SESSION = Duration.ofMinutes(30);

    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private final InMemoryTrackingOutbox outbox = new InMemoryTrackingOutbox(100_000, clock::get);
    private final InMemoryVisitorRepository repository =
            new InMemoryVisitorRepository(outbox, SESSION.toMillis(), clock::get);

    @Override
    protected VisitorRepository repository() {
        return repository;
    }

    @Override
    protected TrackingOutbox outbox() {
        return outbox;
    }

    @Override
    protected Duration sessionDuration() {
        return SESSION;
    }

    @Override
    protected void advance(Duration duration) {
        clock.addAndGet(duration.toMillis());
    }
}
