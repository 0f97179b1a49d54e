package com.kameleoon.internal.unit;

import com.kameleoon.internal.visitor.VisitorStore;
import com.kameleoon.internal.visitor.VisitorStoreContractTest;
import com.kameleoon.spi.InMemoryTrackingOutbox;
import com.kameleoon.spi.InMemoryVisitorRepository;
import com.kameleoon.spi.UnitSettings;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Units of work over a serialized repository keep the same contract as visitors resident in memory: every kind of
 * datum survives the round trip through the item codec, concurrent units lose nothing, links and expiry work.
 */
class RepositoryUnitsTest extends VisitorStoreContractTest {
    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);

    @Override
    protected VisitorStore createStore(long sessionMillis) {
        InMemoryTrackingOutbox outbox = new InMemoryTrackingOutbox(10_000, clock::get);
        return new RepositoryUnits(new InMemoryVisitorRepository(outbox, sessionMillis, clock::get),
                UnitSettings.DEFAULT, clock::get, () -> { });
    }

    @Override
    protected void advance(long millis) {
        clock.addAndGet(millis);
    }
}
