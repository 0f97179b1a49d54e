package com.kameleoon.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.internal.ClientDependencies;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.internal.visitor.InMemoryVisitorStore;
import com.kameleoon.internal.visitor.LegalConsent;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.spi.OutboxLine;
import com.kameleoon.spi.VisitorStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lazy request facts, with a real client over the consent-required example datafile (PARTIALLY_BLOCK). */
class RequestFactsStoreTest {
    private static final String CODE = "visitor0000000001";

    private CountingStore counting;
    private RequestFactsStore store;
    private DefaultKameleoonClient client;

    @BeforeEach
    void start() throws Exception {
        counting = new CountingStore(new InMemoryVisitorStore(60_000, 1_000, System::currentTimeMillis, false));
        store = new RequestFactsStore(counting);
        Path dataFile = Path.of(getClass().getResource("/datafile-consent.json").toURI());
        client = new DefaultKameleoonClient("pubconsent01p", KameleoonClientConfig.builder().dataFile(dataFile).build(),
                ClientDependencies.defaults().withStore(store));
        store.bindApplier(new RequestFactsApplier(client));
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void aRequestThatNeverUsesTheVisitorNeverReadsTheStore() {
        RequestFacts facts = new RequestFacts(Boolean.TRUE, null, "Mozilla/5.0");
        store.beginRequest(CODE, facts);
        store.endRequest(CODE, facts);

        assertThat(counting.reads.get()).isZero();
        assertThat(counting.size()).isZero();
    }

    @Test
    void factsReachTheVisitorOnFirstUseAndRefusedConsentFiltersTheExposure() {
        RequestFacts facts = new RequestFacts(Boolean.FALSE, null, "Mozilla/5.0 (X11)");
        store.beginRequest(CODE, facts);
        String variation = client.getVariation(CODE, "pricing_page").getKey();
        client.trackConversion(CODE, 42);
        store.endRequest(CODE, facts);

        Visitor visitor = counting.get(CODE);
        assertThat(visitor.consent()).isEqualTo(LegalConsent.NOT_GIVEN);
        assertThat(visitor.userAgent().getValue()).isEqualTo("Mozilla/5.0 (X11)");
        assertThat(variation).as("an experiment yields the default variation without consent").isEqualTo("off");
        List<String> lines = client.trackingOutbox().claim(1_000_000).stream().map(OutboxLine::text).toList();
        assertThat(lines).anyMatch(line -> line.startsWith("eventType=conversion&goalId=42&"))
                .noneMatch(line -> line.startsWith("eventType=experiment"));
    }

    @Test
    void acceptedConsentLetsTheExposureThroughAndIsAppliedOnce() {
        RequestFacts facts = new RequestFacts(Boolean.TRUE, null, null);
        store.beginRequest(CODE, facts);
        client.getVariation(CODE, "pricing_page");
        client.setLegalConsent(CODE, false);
        client.getVariation(CODE, "homepage_hero");
        store.endRequest(CODE, facts);

        assertThat(counting.get(CODE).consent()).as("the application's later call wins")
                .isEqualTo(LegalConsent.NOT_GIVEN);
    }

    @Test
    void anAbsentSimulationCookieClearsAnEarlierSimulation() {
        String simulated = "%7B%22pricing_page%22%3A%7B%22expId%22%3A0%7D%7D";
        RequestFacts first = new RequestFacts(null, simulated, null);
        store.beginRequest(CODE, first);
        client.getVariation(CODE, "pricing_page", false);
        store.endRequest(CODE, first);
        assertThat(counting.get(CODE).hasSimulated()).isTrue();

        RequestFacts second = new RequestFacts(null, null, null);
        store.beginRequest(CODE, second);
        client.getVariation(CODE, "pricing_page", false);
        store.endRequest(CODE, second);
        assertThat(counting.get(CODE).hasSimulated()).isFalse();
    }

    /** Counts the reads that reach the real store. */
    private static final class CountingStore implements VisitorStore {
        final AtomicInteger reads = new AtomicInteger();
        private final VisitorStore delegate;

        CountingStore(VisitorStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Visitor get(String visitorCode) {
            reads.incrementAndGet();
            return delegate.get(visitorCode);
        }

        @Override
        public Visitor getOrCreate(String visitorCode) {
            reads.incrementAndGet();
            return delegate.getOrCreate(visitorCode);
        }

        @Override
        public void link(String otherCode, Visitor visitor) {
            delegate.link(otherCode, visitor);
        }

        @Override
        public void forEach(BiConsumer<String, Visitor> action) {
            delegate.forEach(action);
        }

        @Override
        public int size() {
            return delegate.size();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
