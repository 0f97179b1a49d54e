package com.kameleoon.internal.unit;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.integration.RequestFacts;
import com.kameleoon.integration.UnitStats;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.internal.visitor.VisitorStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Facts of a request are applied once, the first time the request loads its visitor, and only facts that say
 * something are parked; a new visitor is created only when the facts change how it is evaluated; when requests
 * of one visitor overlap, the later one's facts win; everything else goes to the wrapped store.
 */
class FirstTouchStoreTest {
    private static final RequestFacts CONSENT = new RequestFacts(Boolean.TRUE, null, null);
    private static final RequestFacts SIMULATION = new RequestFacts(null, "ff=1", null);
    private static final RequestFacts AGENT = new RequestFacts(null, null, "Mozilla/5.0");

    private final RecordingStore delegate = new RecordingStore();
    private final List<String> applied = new ArrayList<>();
    private final FirstTouchStore store = new FirstTouchStore(delegate,
            (code, facts) -> applied.add(code + " " + facts));

    /** A visitor store that keeps visitors in a map and records every call made to it. Not thread-safe. */
    static final class RecordingStore implements VisitorStore {
        final Map<String, Visitor> visitors = new HashMap<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public Visitor get(String visitorCode) {
            calls.add("get " + visitorCode);
            return visitors.get(visitorCode);
        }

        @Override
        public Visitor getOrCreate(String visitorCode) {
            calls.add("getOrCreate " + visitorCode);
            return visitors.computeIfAbsent(visitorCode, code -> new Visitor(0));
        }

        @Override
        public void link(String otherCode, Visitor visitor) {
            calls.add("link " + otherCode);
            visitors.put(otherCode, visitor);
        }

        @Override
        public void forEach(BiConsumer<String, Visitor> action) {
            calls.add("forEach");
            visitors.forEach(action);
        }

        @Override
        public int size() {
            return visitors.size();
        }

        @Override
        public void begin(String visitorCode) {
            calls.add("begin " + visitorCode);
        }

        @Override
        public void end(String visitorCode) {
            calls.add("end " + visitorCode);
        }

        @Override
        public void commitNow(String visitorCode) {
            calls.add("commitNow " + visitorCode);
        }

        @Override
        public void addLines(String visitorCode, List<String> lines) {
            calls.add("addLines " + visitorCode + " " + lines);
        }

        @Override
        public UnitStats unitStats() {
            return new UnitStats(1, 2, 3, 4, 5, 6, 7, true, 8, 9);
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }

    @Test
    void factsAreAppliedOnceWhenTheVisitorIsFirstLoaded() {
        store.beginRequest("v", CONSENT);
        assertThat(applied).as("a request that never loads its visitor costs nothing").isEmpty();
        Visitor visitor = store.getOrCreate("v");
        assertThat(visitor).isSameAs(delegate.visitors.get("v"));
        assertThat(store.getOrCreate("v")).isSameAs(visitor);
        assertThat(store.get("v")).isSameAs(visitor);
        assertThat(applied).containsExactly("v " + CONSENT);
        store.endRequest("v", CONSENT);
        assertThat(delegate.calls).startsWith("begin v").endsWith("end v");
    }

    @Test
    void aUserAgentAloneIsParkedToo() {
        store.beginRequest("v", AGENT);
        store.getOrCreate("v");
        assertThat(applied).containsExactly("v " + AGENT);
    }

    @Test
    void factsThatSayNothingAreNotParked() {
        store.beginRequest("v", RequestFacts.NONE);
        store.getOrCreate("v");
        assertThat(applied).isEmpty();
    }

    @Test
    void gettingAKnownVisitorAppliesTheFacts() {
        delegate.visitors.put("v", new Visitor(0));
        store.beginRequest("v", AGENT);
        assertThat(store.get("v")).isSameAs(delegate.visitors.get("v"));
        assertThat(applied).containsExactly("v " + AGENT);
    }

    @Test
    void anUnknownVisitorIsCreatedOnlyForFactsThatChangeItsEvaluation() {
        store.beginRequest("consent", CONSENT);
        store.beginRequest("simulated", SIMULATION);
        store.beginRequest("agent", AGENT);
        store.beginRequest("nothing", RequestFacts.NONE);
        assertThat(store.get("consent")).isNotNull().isSameAs(delegate.visitors.get("consent"));
        assertThat(store.get("simulated")).isNotNull();
        assertThat(store.get("agent")).as("a user agent alone does not make a visitor").isNull();
        assertThat(store.get("nothing")).isNull();
        assertThat(delegate.visitors).containsOnlyKeys("consent", "simulated");
        assertThat(applied).containsExactly("consent " + CONSENT, "simulated " + SIMULATION);
        store.getOrCreate("agent");
        assertThat(applied).as("still parked for the first load").endsWith("agent " + AGENT);
    }

    @Test
    void anUnknownVisitorWithNothingParkedIsNull() {
        assertThat(store.get("nobody")).isNull();
        assertThat(delegate.visitors).isEmpty();
    }

    @Test
    void whenRequestsOverlapTheLaterFactsWinAndEndingTheEarlierOneKeepsThem() {
        RequestFacts later = new RequestFacts(Boolean.FALSE, null, null);
        store.beginRequest("v", CONSENT);
        store.beginRequest("v", later);
        store.endRequest("v", CONSENT);
        store.getOrCreate("v");
        assertThat(applied).containsExactly("v " + later);
    }

    @Test
    void factsOfAnEndedRequestAreNeverApplied() {
        store.beginRequest("v", CONSENT);
        store.endRequest("v", CONSENT);
        store.getOrCreate("v");
        assertThat(applied).isEmpty();
    }

    @Test
    void closingForgetsParkedFactsAndClosesTheWrappedStore() {
        store.beginRequest("v", CONSENT);
        store.close();
        assertThat(delegate.calls).endsWith("close");
        store.getOrCreate("v");
        assertThat(applied).isEmpty();
    }

    @Test
    void everythingElseGoesToTheWrappedStore() {
        Visitor visitor = store.getOrCreate("v");
        store.link("w", visitor);
        List<String> seen = new ArrayList<>();
        store.forEach((code, v) -> seen.add(code));
        store.begin("v");
        store.addLines("v", List.of("line"));
        store.commitNow("v");
        store.end("v");
        assertThat(seen).containsExactlyInAnyOrder("v", "w");
        assertThat(store.size()).isEqualTo(2);
        assertThat(store.unitStats()).isEqualTo(delegate.unitStats());
        assertThat(store.delegate()).isSameAs(delegate);
        assertThat(delegate.calls).containsExactly("getOrCreate v", "link w", "forEach", "begin v",
                "addLines v [line]", "commitNow v", "end v");
    }
}
