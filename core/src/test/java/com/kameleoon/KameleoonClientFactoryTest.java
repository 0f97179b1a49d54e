package com.kameleoon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.exceptions.ConfigFileNotFound;
import com.kameleoon.exceptions.SiteCodeIsEmpty;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One client per site code; clear errors for empty site codes and missing files. */
class KameleoonClientFactoryTest {

    private static KameleoonClientConfig offline() throws Exception {
        return KameleoonClientConfig.builder()
                .dataFile(Path.of(KameleoonClientFactoryTest.class.getResource("/conformance/example-datafile.json")
                        .toURI()))
                .topLevelDomain("example.com").build();
    }

    @Test
    void oneClientPerSiteCodeUntilForgotten() throws Exception {
        KameleoonClient first = KameleoonClientFactory.create("factory-site", offline());
        try {
            assertThat(KameleoonClientFactory.create("factory-site", offline())).isSameAs(first);
            assertThat(first.isReady()).isTrue();
            assertThat(first.waitInit().get()).isTrue();
        } finally {
            KameleoonClientFactory.forget("factory-site");
        }
        KameleoonClient second = KameleoonClientFactory.create("factory-site", offline());
        try {
            assertThat(second).isNotSameAs(first);
        } finally {
            KameleoonClientFactory.forget("factory-site");
        }
    }

    @Test
    void aClosedClientIsForgottenAndReplaced() throws Exception {
        KameleoonClient first = KameleoonClientFactory.create("closed-site", offline());
        first.close();
        KameleoonClient second = KameleoonClientFactory.create("closed-site", offline());
        try {
            assertThat(second).isNotSameAs(first);
            assertThat(second.getVariation("abc", "pricing_page").getKey()).isEqualTo("variant_a");
            // The old client's close must not unregister its successor.
            first.close();
            assertThat(KameleoonClientFactory.create("closed-site", offline())).isSameAs(second);
        } finally {
            KameleoonClientFactory.forget("closed-site");
        }
    }

    @Test
    void aClosedClientOfAConfigurationFileIsReplacedToo(@TempDir Path dir) throws Exception {
        Path datafile = Path.of(getClass().getResource("/conformance/example-datafile.json").toURI());
        Files.copy(datafile, dir.resolve("datafile.json"));
        Path properties = Files.writeString(dir.resolve("kameleoon.properties"),
                "data_file=datafile.json\ntop_level_domain=example.com\n");
        KameleoonClient first = KameleoonClientFactory.create("closed-file-site", properties);
        first.close();
        try {
            assertThat(KameleoonClientFactory.create("closed-file-site", properties)).isNotSameAs(first);
        } finally {
            KameleoonClientFactory.forget("closed-file-site");
        }
    }

    @Test
    void emptySiteCodeIsRejected() throws Exception {
        KameleoonClientConfig config = offline();
        assertThatThrownBy(() -> KameleoonClientFactory.create("", config)).isInstanceOf(SiteCodeIsEmpty.class);
        assertThatThrownBy(() -> KameleoonClientFactory.create("  ", config)).isInstanceOf(SiteCodeIsEmpty.class);
        assertThatThrownBy(() -> KameleoonClientFactory.create(null, config)).isInstanceOf(SiteCodeIsEmpty.class);
    }

    @Test
    void clientFromAConfigurationFile(@TempDir Path dir) throws Exception {
        Path datafile = Path.of(getClass().getResource("/conformance/example-datafile.json").toURI());
        Files.copy(datafile, dir.resolve("datafile.json"));
        Path yaml = Files.writeString(dir.resolve("kameleoon.yaml"),
                "data_file: datafile.json\ntop_level_domain: example.com\n");
        try {
            KameleoonClient client = KameleoonClientFactory.create("file-site", yaml);
            assertThat(client.getVariation("abc", "pricing_page").getKey()).isEqualTo("variant_a");
        } finally {
            KameleoonClientFactory.forget("file-site");
        }
        assertThatThrownBy(() -> KameleoonClientFactory.create("other-site", dir.resolve("missing.yaml")))
                .isInstanceOf(ConfigFileNotFound.class);
    }

    @Test
    void closeStopsEveryKameleoonThread() throws Exception {
        KameleoonClient client = KameleoonClientFactory.create("thread-site", offline());
        client.getVariation("abc", "pricing_page");
        KameleoonClientFactory.forget("thread-site");
        ThreadAssertions.awaitNoThread("kameleoon-", Duration.ofSeconds(5));
    }
}
