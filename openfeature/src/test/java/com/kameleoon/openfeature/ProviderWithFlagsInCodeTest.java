package com.kameleoon.openfeature;

import static com.kameleoon.testkit.TestFlag.flag;
import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.KameleoonClient;
import com.kameleoon.testkit.KameleoonAssertions;
import com.kameleoon.testkit.KameleoonDataFile;
import com.kameleoon.testkit.KameleoonTest;
import com.kameleoon.testkit.KameleoonTracking;
import com.kameleoon.testkit.TestDataFile;
import com.kameleoon.testkit.TestSite;
import com.kameleoon.testkit.TestVariation;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EventDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderEvent;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The provider with the testkit's JUnit extension and flags declared in code: what a team testing its OpenFeature
 * code writes. The evaluation, its exposure and a flag change pushed over the real-time stream (seen as
 * CONFIGURATION_CHANGED) are all real.
 */
@KameleoonTest(siteCode = "openfeature-in-code")
@Timeout(30)
class ProviderWithFlagsInCodeTest {
    @KameleoonDataFile
    static final TestDataFile FLAGS = TestDataFile.builder()
            .flag(flag("new_checkout").serve("on"))
            .flag(flag("banner").variations(TestVariation.variation("off").variable("discount", 0),
                    TestVariation.variation("on").variable("discount", 10)).serve("on"))
            .build();

    @Test
    void evaluatesTheDeclaredFlagsTracksTheExposureAndSeesAnUpdate(KameleoonClient client, KameleoonTracking tracking,
            TestSite site) throws Exception {
        String domain = "in-code-" + System.nanoTime();
        OpenFeatureAPI api = OpenFeatureAPI.getInstance();
        KameleoonProvider provider = new KameleoonProvider(client);
        api.setProviderAndWait(domain, provider);
        try {
            Client features = api.getClient(domain);
            LinkedBlockingQueue<EventDetails> changes = new LinkedBlockingQueue<>();
            features.on(ProviderEvent.PROVIDER_CONFIGURATION_CHANGED, changes::add);
            ImmutableContext visitor = new ImmutableContext("v1");

            assertThat(features.getStringValue("new_checkout", "off", visitor)).isEqualTo("on");
            assertThat(features.getIntegerValue("banner:discount", 0, visitor)).isEqualTo(10);
            KameleoonAssertions.assertThat(tracking).exposed("v1", "new_checkout", "on").exposed("v1", "banner", "on");

            site.update(flag("new_checkout").serve("off"));

            EventDetails change = changes.poll(10, TimeUnit.SECONDS);
            assertThat(change).as("CONFIGURATION_CHANGED after the pushed update").isNotNull();
            assertThat(change.getFlagsChanged()).contains("new_checkout", "banner");
            assertThat(features.getBooleanValue("new_checkout", true, visitor)).isFalse();
        } finally {
            provider.shutdown();
        }
    }
}
