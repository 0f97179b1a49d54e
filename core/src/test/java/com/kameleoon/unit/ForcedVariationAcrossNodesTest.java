package com.kameleoon.unit;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.KameleoonClientFactory;
import com.kameleoon.KameleoonComponents;
import com.kameleoon.integration.KameleoonRequests;
import com.kameleoon.spi.InMemoryTrackingOutbox;
import com.kameleoon.spi.InMemoryVisitorRepository;
import com.kameleoon.spi.ParkedLine;
import com.kameleoon.spi.StoredVisitor;
import com.kameleoon.spi.TrackingOutbox;
import com.kameleoon.spi.VisitorItem;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * docs/evaluation.md#forced-variations, over a shared visitor repository: a variation forced with
 * {@code setForcedVariation} outside any request is stored with the visitor (an {@code FV} item), so the next
 * evaluation on another node sharing the repository gets it, and removing it deletes the item. Also the
 * outbox's parked lines as {@link KameleoonRequests} hands them on.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ForcedVariationAcrossNodesTest {
    private static final String SITE = "forced-site";
    private static final int PRICING_EXPERIMENT = 3002;

    private InMemoryVisitorRepository stored;
    private KameleoonClient nodeA;
    private KameleoonClient nodeB;

    @BeforeEach
    void start() throws Exception {
        InMemoryTrackingOutbox outbox = new InMemoryTrackingOutbox(10_000, System::currentTimeMillis);
        stored = new InMemoryVisitorRepository(outbox, 30 * 60_000L, System::currentTimeMillis);
        nodeA = node(outbox);
        nodeB = node(outbox);
    }

    private KameleoonClient node(TrackingOutbox outbox) throws Exception {
        Path datafile = Path.of(getClass().getResource("/conformance/example-datafile.json").toURI());
        return KameleoonClientFactory.build(SITE, KameleoonClientConfig.builder().dataFile(datafile).build(),
                KameleoonComponents.defaults().withRepository(stored, outbox));
    }

    @AfterEach
    void stop() {
        nodeA.close();
        nodeB.close();
    }

    private String otherVariationThan(String key) {
        return "control".equals(key) ? "variant_b" : "control";
    }

    @Test
    void aForcedVariationIsStoredWithTheVisitorAndHoldsOnAnotherNode() {
        String code = "forced-visitor-1";
        String bucketed = nodeB.getVariation(code, "pricing_page", false).getKey();
        String forced = otherVariationThan(bucketed);

        nodeA.setForcedVariation(code, PRICING_EXPERIMENT, forced);

        StoredVisitor visitor = stored.load(code);
        assertThat(visitor.items()).filteredOn(item -> item.kind().equals("FV"))
                .extracting(VisitorItem::key).containsExactly(Integer.toString(PRICING_EXPERIMENT));
        assertThat(nodeB.getVariation(code, "pricing_page", false).getKey()).as("on the other node")
                .isEqualTo(forced);
        assertThat(KameleoonRequests.of(nodeB).storedState(code).items())
                .anyMatch(item -> item.kind().equals("FV"));
    }

    @Test
    void removingTheForcedVariationDeletesItFromTheStore() {
        String code = "forced-visitor-2";
        nodeA.setForcedVariation(code, PRICING_EXPERIMENT, "variant_a");

        nodeB.setForcedVariation(code, PRICING_EXPERIMENT, null);

        assertThat(stored.load(code).items()).noneMatch(item -> item.kind().equals("FV"));
    }

    @Test
    void theInMemoryOutboxHasNoParkedLines() {
        KameleoonRequests requests = KameleoonRequests.of(nodeA);
        List<ParkedLine> parked = requests.parkedLines(10);
        assertThat(parked).isEmpty();
        assertThat(requests.retryParked()).isZero();
    }
}
