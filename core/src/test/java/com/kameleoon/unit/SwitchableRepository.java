package com.kameleoon.unit;

import com.kameleoon.spi.StoreException;
import com.kameleoon.spi.StoredVisitor;
import com.kameleoon.spi.UnitWrite;
import com.kameleoon.spi.VisitorRepository;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written stand-in for a database that goes away: it forwards to an in-memory repository while up, throws
 * "unavailable" while down, refuses units of visitors whose code starts with {@code "bad"}, can be slowed down (loads and writes), and
 * records every batch it wrote. Thread-safe.
 */
final class SwitchableRepository implements VisitorRepository {
    private final VisitorRepository delegate;
    private volatile boolean down;
    private volatile long writeDelayMillis;
    private volatile long loadDelayMillis;
    final AtomicInteger loads = new AtomicInteger();
    final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

    SwitchableRepository(VisitorRepository delegate) {
        this.delegate = delegate;
    }

    void down(boolean value) {
        down = value;
    }

    void slowLoads(long millis) {
        loadDelayMillis = millis;
    }

    void slowWrites(long millis) {
        writeDelayMillis = millis;
    }

    private void check() {
        if (down) {
            throw new StoreException("connection refused", true, null);
        }
    }

    @Override
    public StoredVisitor load(String visitorCode) {
        loads.incrementAndGet();
        pause(loadDelayMillis);
        check();
        return delegate.load(visitorCode);
    }

    @Override
    public void write(List<UnitWrite> units) {
        check();
        pause(writeDelayMillis);
        for (UnitWrite unit : units) {
            if (unit.visitorCode().startsWith("bad")) {
                throw new StoreException("value too long for visitor " + unit.visitorCode(), false, null);
            }
        }
        delegate.write(units);
        batchSizes.add(units.size());
    }

    private static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public int deleteExpired(int max) {
        check();
        return delegate.deleteExpired(max);
    }

    @Override
    public void ping() {
        check();
    }
}
