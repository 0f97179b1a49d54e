package com.kameleoon.internal.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.ThreadAssertions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The in-memory store: the SPI contract, plus its own bounds (expiry sweep, LRU eviction). */
class InMemoryVisitorStoreTest extends VisitorStoreContractTest {

    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);

    @Override
    protected VisitorStore createStore(long sessionMillis) {
        return new InMemoryVisitorStore(sessionMillis, 1_000_000, clock::get, false);
    }

    @Override
    protected void advance(long millis) {
        clock.addAndGet(millis);
    }

    @Test
    void sweepRemovesExpiredVisitors() {
        InMemoryVisitorStore store = new InMemoryVisitorStore(1_000, 100, clock::get, false);
        store.getOrCreate("old");
        clock.addAndGet(600);
        store.getOrCreate("recent");
        clock.addAndGet(600);
        assertThat(store.sweep()).isEqualTo(1);
        assertThat(store.get("recent")).isNotNull();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void memoryStaysBoundedByEvictingLeastRecentlyUsed() {
        InMemoryVisitorStore store = new InMemoryVisitorStore(60_000, 100, clock::get, false);
        for (int i = 0; i < 150; i++) {
            store.getOrCreate("v" + i);
            clock.incrementAndGet();
        }
        store.get("v0");
        store.sweep();
        assertThat(store.size()).as("down to 90 % of the bound").isEqualTo(90);
        assertThat(store.get("v0")).as("recently used").isNotNull();
        assertThat(store.get("v1")).as("least recently used").isNull();
        assertThat(store.get("v149")).isNotNull();
    }

    @Test
    void backgroundSweeperThreadStopsOnClose() throws InterruptedException {
        InMemoryVisitorStore store = new InMemoryVisitorStore(60_000, 10, System::currentTimeMillis);
        for (int i = 0; i < 20; i++) {
            store.getOrCreate("v" + i);
        }
        long deadline = System.currentTimeMillis() + 5_000;
        while (store.size() > 10 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(store.size()).as("an over-full store is swept in the background").isLessThanOrEqualTo(10);
        store.close();
        ThreadAssertions.awaitNoThread("kameleoon-visitor-expiry", Duration.ofSeconds(5));
    }
}
