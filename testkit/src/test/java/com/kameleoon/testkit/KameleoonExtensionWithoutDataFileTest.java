package com.kameleoon.testkit;

import static com.kameleoon.testkit.TestFlag.flag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.KameleoonClient;
import com.kameleoon.exceptions.FeatureNotFound;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Given {@code @ExtendWith(KameleoonExtension.class)} without a declared datafile, tests start from a datafile
 * without flags and declare the flags they need themselves.
 */
@ExtendWith(KameleoonExtension.class)
@Timeout(30)
class KameleoonExtensionWithoutDataFileTest {
    static KameleoonTestServer serverBeforeAll;

    @BeforeAll
    static void server(KameleoonTestServer server) {
        serverBeforeAll = server;
    }

    @Test
    void startsWithoutFlagsOnTheDefaultSiteCode(KameleoonClient client, TestSite site, KameleoonTestServer server) {
        assertThat(site.siteCode()).isEqualTo(KameleoonTest.DEFAULT_SITE_CODE);
        assertThat(server).isSameAs(serverBeforeAll);
        assertThat(client.getFeatureList()).isEmpty();
        assertThatThrownBy(() -> client.getVariation("v1", "new_checkout")).isInstanceOf(FeatureNotFound.class);

        site.update(TestDataFile.of(flag("new_checkout").serve("on")));

        assertThat(client.getVariation("v1", "new_checkout").getKey()).isEqualTo("on");
    }

    @Nested
    class Inner {
        @KameleoonDataFile
        static TestDataFile flags() {
            return TestDataFile.of(flag("nested_flag").serve("on"));
        }

        @Test
        void aNestedClassSharesTheServerAndDeclaresItsOwnFlags(KameleoonClient client, KameleoonTestServer server) {
            assertThat(server).isSameAs(serverBeforeAll);
            assertThat(client.getVariation("v1", "nested_flag").getKey()).isEqualTo("on");
        }
    }
}
