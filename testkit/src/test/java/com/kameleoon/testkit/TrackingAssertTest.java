package com.kameleoon.testkit;

import static com.kameleoon.testkit.TestFlag.flag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.KameleoonClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;

/** A failed tracking assertion says what was expected and lists what the server did capture. */
@KameleoonTest(siteCode = "assert-site")
@Timeout(30)
class TrackingAssertTest {
    @KameleoonDataFile
    static final TestDataFile FLAGS = TestDataFile.of(flag("new_checkout").serve("on"), flag("plain"));

    @Test
    void aMissingExposureListsTheVisitorsLinesAndAllCapturedLinesWithTheirFlagNames(KameleoonClient client,
            KameleoonTracking tracking) {
        client.getVariation("v1", "new_checkout");
        KameleoonAssertions.assertThat(tracking).exposed("v1", "new_checkout", "on");

        TrackingAssert quick = KameleoonAssertions.assertThat(tracking.withTimeout(Duration.ofMillis(300)));
        assertThatThrownBy(() -> quick.exposed("v9", "new_checkout", "on"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("expected an exposure of visitor 'v9' to new_checkout/on "
                        + "[(experiment 100101, variation 10010102)]")
                .hasMessageContaining("but none was tracked")
                .hasMessageContaining("Lines of visitor 'v9' (")
                .hasMessageContaining("eventType=experiment&id=100101&variationId=10010102")
                .hasMessageContaining("<- new_checkout/on");
        assertThatThrownBy(() -> quick.converted("v1", 7))
                .hasMessageContaining("expected a conversion of visitor 'v1' on goal 7");
    }

    @Test
    void anUnexpectedExposureIsListed(KameleoonClient client, KameleoonTracking tracking) {
        client.getVariation("v1", "new_checkout");
        assertThatThrownBy(() -> KameleoonAssertions.assertThat(tracking).hasNoExposure("v1"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("expected no exposure of visitor 'v1', but 1 were tracked")
                .hasMessageContaining("<- new_checkout/on");
    }

    @Test
    void keysThatCannotBeTrackedAreReportedAsSuch(KameleoonTracking tracking) {
        TrackingAssert assertion = KameleoonAssertions.assertThat(tracking);
        assertThatThrownBy(() -> assertion.exposed("v1", "plain", "off"))
                .hasMessageContaining("served by no rule, only as the default");
        assertThatThrownBy(() -> assertion.exposed("v1", "new_checkout", "maybe"))
                .hasMessageContaining("has no variation 'maybe'");
        assertThatThrownBy(() -> assertion.exposed("v1", "missing", "on"))
                .hasMessageContaining("no flag 'missing'");
    }

    @Test
    void aViewWithoutADeclaredDatafileAssertsByIds(KameleoonTestServer server, KameleoonClient client) {
        KameleoonTracking byIds = KameleoonTracking.of(server, client, null);
        client.getVariation("v1", "new_checkout");
        KameleoonAssertions.assertThat(byIds).exposed("v1", 100_101, 10_010_102);
        assertThatThrownBy(() -> KameleoonAssertions.assertThat(byIds).exposed("v1", "new_checkout", "on"))
                .hasMessageContaining("has no TestDataFile");
        assertThat(KameleoonAssertions.assertThat(byIds).lines()).isNotEmpty();
    }
}
