package com.kameleoon.spi;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.data.CustomData;
import com.kameleoon.internal.visitor.Visitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link VisitorStore} keeps, run against each implementation by a subclass: lookups,
 * creation by concurrent callers, linking of a second code, expiry after the session duration.
 */
public abstract class VisitorStoreContractTest {
    /** Session duration the stores under test are created with. */
    protected static final long SESSION_MILLIS = 30 * 60_000L;

    /** The test's clock, epoch milliseconds; advance it to expire visitors. */
    protected final AtomicLong clock = new AtomicLong(1_700_000_000_000L);

    private VisitorStore store;

    /**
     * Creates the store under test.
     *
     * @param sessionMillis the session duration
     * @param clock the clock to read
     * @return a new, empty store
     */
    protected abstract VisitorStore createStore(long sessionMillis, AtomicLong clock);

    @BeforeEach
    void open() {
        store = createStore(SESSION_MILLIS, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void unknownVisitorIsNull() {
        assertThat(store.get("nobody")).isNull();
        assertThat(store.size()).isZero();
    }

    @Test
    void getOrCreateCreatesOnceAndGetFindsIt() {
        Visitor created = store.getOrCreate("v1");
        assertThat(store.getOrCreate("v1")).isSameAs(created);
        assertThat(store.get("v1")).isSameAs(created);
        assertThat(created.timeStarted()).isEqualTo(clock.get());
    }

    @Test
    void concurrentCreatorsShareOneVisitor() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Set<Visitor> seen = ConcurrentHashMap.newKeySet();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 200; i++) {
                        seen.add(store.getOrCreate("shared"));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
            assertThat(seen).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void linkedCodeSharesTheVisitor() {
        Visitor visitor = store.getOrCreate("anonymous");
        synchronized (visitor) {
            visitor.putCustomData(new CustomData(1, "x"), false);
        }
        store.link("user-7", visitor);
        assertThat(store.get("user-7")).isSameAs(visitor);
        assertThat(store.get("user-7").customData(1).getValues()).containsExactly("x");
    }

    @Test
    void visitorExpiresAfterTheSessionWithoutAccess() {
        store.getOrCreate("v1");
        clock.addAndGet(SESSION_MILLIS - 1);
        assertThat(store.get("v1")).as("accessed just before expiry").isNotNull();
        clock.addAndGet(SESSION_MILLIS - 1);
        assertThat(store.get("v1")).as("the access refreshed the session").isNotNull();
        clock.addAndGet(SESSION_MILLIS + 1);
        assertThat(store.get("v1")).isNull();
    }

    @Test
    void expiredVisitorIsRecreatedEmpty() {
        Visitor old = store.getOrCreate("v1");
        synchronized (old) {
            old.putCustomData(new CustomData(1, "x"), false);
        }
        clock.addAndGet(SESSION_MILLIS + 1);
        Visitor fresh = store.getOrCreate("v1");
        assertThat(fresh).isNotSameAs(old);
        assertThat(fresh.customData(1)).isNull();
    }

    @Test
    void forEachVisitsLiveVisitors() {
        store.getOrCreate("a");
        store.getOrCreate("b");
        List<String> codes = new ArrayList<>();
        store.forEach((code, visitor) -> codes.add(code));
        assertThat(codes).containsExactlyInAnyOrder("a", "b");
    }
}
