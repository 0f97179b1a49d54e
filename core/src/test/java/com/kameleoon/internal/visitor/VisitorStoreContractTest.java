package com.kameleoon.internal.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.data.Conversion;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.PageView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link VisitorStore} keeps, run against each implementation by a subclass: within a unit
 * of work one visitor object; what a unit changed is there for the next one (every kind of datum, with its
 * tracking state); concurrent units on one visitor lose nothing; a linked code reaches the same data; a visitor
 * expires after the session duration without change.
 */
public abstract class VisitorStoreContractTest {
    private VisitorStore store;

    /**
     * Creates the store under test.
     *
     * @param sessionMillis the session duration
     * @return a new, empty store
     */
    protected abstract VisitorStore createStore(long sessionMillis);

    /** @return the session duration the store under test is created with */
    protected long sessionMillis() {
        return 30 * 60_000L;
    }

    /**
     * Lets time pass for the store (advances a test clock, or sleeps).
     *
     * @param millis how long
     */
    protected abstract void advance(long millis);

    /** @return a visitor code unique to this test run (durable stores share their tables between tests) */
    protected String code(String name) {
        return name + "-" + getClass().getSimpleName() + "-" + System.identityHashCode(this);
    }

    @BeforeEach
    void open() {
        store = createStore(sessionMillis());
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Runs an action in its own unit of work, as the client does around each call. */
    private void inUnit(String code, Consumer<VisitorStore> action) {
        store.begin(code);
        try {
            action.accept(store);
        } finally {
            store.end(code);
        }
    }

    private void change(String code, Consumer<Visitor> change) {
        inUnit(code, s -> {
            Visitor visitor = s.getOrCreate(code);
            synchronized (visitor) {
                change.accept(visitor);
            }
        });
    }

    private <T> T read(String code, java.util.function.Function<Visitor, T> reader) {
        List<T> result = new ArrayList<>();
        inUnit(code, s -> {
            Visitor visitor = s.get(code);
            if (visitor == null) {
                result.add(null);
            } else {
                synchronized (visitor) {
                    result.add(reader.apply(visitor));
                }
            }
        });
        return result.get(0);
    }

    @Test
    void unknownVisitorIsNull() {
        String code = code("nobody");
        inUnit(code, s -> assertThat(s.get(code)).isNull());
    }

    @Test
    void oneVisitorObjectWithinAUnit() {
        String code = code("v1");
        inUnit(code, s -> {
            Visitor created = s.getOrCreate(code);
            assertThat(s.getOrCreate(code)).isSameAs(created);
            assertThat(s.get(code)).isSameAs(created);
        });
    }

    @Test
    void whatAUnitChangedIsThereForTheNextOne() {
        String code = code("data");
        change(code, v -> {
            v.putCustomData(new CustomData(1, "gold", "vip").withOverwrite(false), false);
            v.putCustomData(new CustomData(2, "local"), true);
            v.addPageView(new PageView("https://shop/a", "A", List.of(1, 2)), false, 1_000);
            v.addPageView(new PageView("https://shop/a", "A", null), false, 2_000);
            v.addConversion(new Conversion(7, 12.5, false, List.of(new CustomData(3, "m"))), false);
            v.assign(new AssignedVariation(3002, 4011, RuleType.EXPERIMENTATION, 5_000), true);
            v.setConsent(LegalConsent.GIVEN);
            v.setMappingIdentifier("anon-1");
        });
        change(code, v -> v.addConversion(new Conversion(8), true));
        Visitor copy = read(code, v -> v);
        synchronized (copy) {
            assertThat(copy.customData(1)).isEqualTo(new CustomData(1, "gold", "vip").withOverwrite(false));
            assertThat(copy.customDataItems().get(1).isSent()).isFalse();
            assertThat(copy.customDataItems().get(2).isSent()).isTrue();
            assertThat(copy.pageViews().get("https://shop/a").count()).isEqualTo(2);
            assertThat(copy.pageViews().get("https://shop/a").pageView().title()).isEqualTo("A");
            assertThat(copy.conversionGoals()).containsExactlyInAnyOrder(7, 8);
            assertThat(copy.assignment(3002)).isEqualTo(new AssignedVariation(3002, 4011, RuleType.EXPERIMENTATION, 5_000));
            assertThat(copy.assignments().get(3002).isSent()).isTrue();
            assertThat(copy.consent()).isEqualTo(LegalConsent.GIVEN);
            assertThat(copy.mappingIdentifier()).isEqualTo("anon-1");
        }
    }

    @Test
    void concurrentUnitsOnOneVisitorLoseNothing() throws Exception {
        String code = code("shared");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 10; i++) {
                        int n = i;
                        change(code, v -> {
                            v.addPageView(new PageView("https://shop/t" + thread + "/" + n), false, 1_000);
                            v.addPageView(new PageView("https://shop/common"), false, 1_000);
                            v.addConversion(new Conversion(thread * 100 + n), false);
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(this.<Integer>read(code, v -> v.pageViews().size())).isEqualTo(81);
        assertThat(this.<Integer>read(code, v -> v.pageViews().get("https://shop/common").count())).isEqualTo(80);
        assertThat(this.<Integer>read(code, v -> v.conversions().size())).isEqualTo(80);
    }

    @Test
    void linkedCodeReachesTheSameData() {
        String anonymous = code("anonymous");
        String user = code("user");
        inUnit(anonymous, s -> {
            Visitor visitor = s.getOrCreate(anonymous);
            synchronized (visitor) {
                visitor.putCustomData(new CustomData(1, "x"), false);
            }
            s.link(user, visitor);
        });
        assertThat(this.<List<String>>read(user, v -> v.customData(1).getValues())).containsExactly("x");
    }

    @Test
    void visitorExpiresAfterTheSessionWithoutChange() {
        String code = code("expiring");
        change(code, v -> v.putCustomData(new CustomData(1, "x"), false));
        advance(sessionMillis() / 2);
        assertThat(this.<CustomData>read(code, v -> v.customData(1))).as("within the session").isNotNull();
        change(code, v -> v.putCustomData(new CustomData(1, "y"), false));
        advance(sessionMillis() / 2 + sessionMillis() / 4);
        assertThat(this.<List<String>>read(code, v -> v.customData(1).getValues())).as("the change renewed the session")
                .containsExactly("y");
        advance(sessionMillis() + 500);
        assertThat(this.<Visitor>read(code, v -> v)).isNull();
        change(code, v -> v.putCustomData(new CustomData(2, "new visit"), false));
        assertThat(this.<CustomData>read(code, v -> v.customData(1))).as("an expired visitor comes back empty").isNull();
    }

    @Test
    void forEachVisitsVisitorsOfOpenUnits() {
        String a = code("a");
        store.begin(a);
        try {
            store.getOrCreate(a);
            List<String> codes = new ArrayList<>();
            store.forEach((code, visitor) -> codes.add(code));
            assertThat(codes).contains(a);
        } finally {
            store.end(a);
        }
    }
}
