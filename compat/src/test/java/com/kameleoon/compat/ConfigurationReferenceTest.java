package com.kameleoon.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.KameleoonClientFactory;
import com.kameleoon.KameleoonException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference sections on configuration and the client's life: the configuration builder with its public
 * constructor and the documented setter names and units, readFromFile, the factory's create (one client per site
 * code) and forget, waitInit, and updateConfigurationHandler.
 */
@Timeout(60)
class ConfigurationReferenceTest {
    private static final String SITE = "compat-config";

    @TempDir
    static Path directory;
    private static CompatBackend backend;

    @BeforeAll
    static void start() {
        backend = CompatBackend.start(SITE, directory);
    }

    @AfterAll
    static void stop() {
        KameleoonClientFactory.forget(SITE);
        KameleoonClientFactory.forget(SITE + "-stream");
        backend.close();
    }

    @Test
    void theBuilderTakesTheDocumentedNamesAndUnits() throws KameleoonException.ConfigCredentialsInvalid {
        KameleoonClientConfig config = new KameleoonClientConfig.Builder()
                .clientId("my-client-id")
                .clientSecret("my-client-secret")
                .refreshInterval(1)
                .sessionDuration(60)
                .defaultTimeout(5_000)
                .trackingInterval(1_000)
                .environment("staging")
                .topLevelDomain("example.com")
                .build();

        assertThat(config.getRefreshIntervalMinute()).isEqualTo(1);
        assertThat(config.getSessionDurationMinute()).isEqualTo(60);
        assertThat(config.getDefaultTimeoutMillisecond()).isEqualTo(5_000);
        assertThat(config.getTrackingIntervalMillisecond()).isEqualTo(1_000);
        assertThat(config.getEnvironment()).isEqualTo("staging");
        assertThat(config.toString()).doesNotContain("my-client-secret");
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        KameleoonClientConfig config = new KameleoonClientConfig.Builder().clientId("id").clientSecret("secret")
                .build();

        assertThat(config.getRefreshIntervalMinute()).isEqualTo(60);
        assertThat(config.getSessionDurationMinute()).isEqualTo(30);
        assertThat(config.getDefaultTimeoutMillisecond()).isEqualTo(10_000);
        assertThat(config.getTrackingIntervalMillisecond()).isEqualTo(1_000);
        assertThat(config.getEnvironment()).isNull();
    }

    @Test
    void aConfigurationFileIsReadAndTheClientIsKeptPerSiteCode() throws Exception {
        KameleoonClientConfig config = KameleoonClientConfig.readFromFile(backend.configPath());
        assertThat(config.getClientId()).isEqualTo("compat-client-id");

        KameleoonClient first = KameleoonClientFactory.create(SITE, backend.configPath());
        KameleoonClient again = KameleoonClientFactory.create(SITE, config);
        assertThat(again).isSameAs(first);
        first.waitInit().get(10, TimeUnit.SECONDS);

        KameleoonClientFactory.forget(SITE, null);
        KameleoonClient fresh = KameleoonClientFactory.create(SITE, backend.configPath());
        assertThat(fresh).isNotSameAs(first);
        fresh.waitInit().get(10, TimeUnit.SECONDS);
        assertThat(fresh.getFeatureList()).contains("pricing_page");
        KameleoonClientFactory.forget(SITE);
    }

    @Test
    void anEmptySiteCodeIsRefused() {
        KameleoonClientConfig config = new KameleoonClientConfig.Builder().clientId("id").clientSecret("secret")
                .build();
        try {
            KameleoonClientFactory.create("", config);
            throw new AssertionError("SiteCodeIsEmpty expected");
        } catch (KameleoonException.SiteCodeIsEmpty expected) {
            assertThat(expected).isInstanceOf(KameleoonException.class);
        }
    }

    @Test
    void aMissingConfigurationFileIsAClearError() {
        assertThatThrownBy(() -> KameleoonClientFactory.create(SITE + "-missing",
                directory.resolve("no-such-file.conf").toString())).isInstanceOf(KameleoonException.class)
                .hasMessageContaining("no-such-file.conf");
    }

    @Test
    void theUpdateHandlerIsCalledAfterAConfigurationUpdate() throws Exception {
        String site = SITE + "-stream";
        backend.server().setDataFile(site, null, CompatBackend.datafile()
                .replace("\"realTimeUpdate\": false", "\"realTimeUpdate\": true"));
        KameleoonClient kameleoonClient = KameleoonClientFactory.create(site, backend.configPath());
        kameleoonClient.waitInit().get(10, TimeUnit.SECONDS);
        CountDownLatch updated = new CountDownLatch(1);
        CountDownLatch replaced = new CountDownLatch(1);
        kameleoonClient.updateConfigurationHandler(replaced::countDown);
        kameleoonClient.updateConfigurationHandler(updated::countDown);
        backend.server().awaitOpenStreams(site, 1, Duration.ofSeconds(10));

        backend.server().setDataFile(site, null, CompatBackend.datafile()
                .replace("\"realTimeUpdate\": false", "\"realTimeUpdate\": true")
                .replace("\"Our prices\"", "\"Our new prices\""));
        backend.server().pushConfigurationUpdate(site, System.currentTimeMillis());

        assertThat(updated.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(replaced.getCount()).as("the official SDK keeps one handler: the second replaced the first")
                .isEqualTo(1);
    }
}
