package com.kameleoon.unit;

import com.kameleoon.spi.StoreException;
import com.kameleoon.spi.StoredVisitor;
import com.kameleoon.spi.UnitWrite;
import com.kameleoon.spi.VisitorRepository;
import com.kameleoon.spi.WriteMark;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written stand-in for a database that goes away: it forwards to an in-memory repository while up, throws
 * "unavailable" while down, refuses units of visitors whose code starts with {@code "bad"}, can be slowed down (loads and writes), and
 * records every batch it wrote. It can also cut the connection during the next commit, after or before the
 * delegate stored the batch (an unknown outcome either way, as when a database's acknowledgement is lost).
 * Thread-safe.
 */
final class SwitchableRepository implements VisitorRepository {
    private final VisitorRepository delegate;
    private volatile boolean down;
    private volatile long writeDelayMillis;
    private volatile long loadDelayMillis;
    /** What the next write does instead of answering: stores then fails, or fails without storing. */
    enum Cut { NONE, AFTER_COMMIT, BEFORE_COMMIT }
    private volatile Cut nextCut = Cut.NONE;
    final AtomicInteger loads = new AtomicInteger();
    final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

    SwitchableRepository(VisitorRepository delegate) {
        this.delegate = delegate;
    }

    void down(boolean value) {
        down = value;
    }

    /** The next write fails with an unknown outcome, having stored its batch or not; the repository is then down. */
    void cutNextCommit(Cut cut) {
        nextCut = cut;
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
    public void write(WriteMark mark, List<UnitWrite> units) {
        check();
        pause(writeDelayMillis);
        for (UnitWrite unit : units) {
            if (unit.visitorCode().startsWith("bad")) {
                throw new StoreException("value too long for visitor " + unit.visitorCode(), false, null);
            }
        }
        Cut cut = nextCut;
        if (cut != Cut.BEFORE_COMMIT) {
            delegate.write(mark, units);
            batchSizes.add(units.size());
        }
        if (cut != Cut.NONE) {
            nextCut = Cut.NONE;
            down = true;
            throw StoreException.outcomeUnknown("connection reset during commit", null);
        }
    }

    @Override
    public boolean isWritten(WriteMark mark) {
        check();
        return delegate.isWritten(mark);
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
