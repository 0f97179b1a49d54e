package com.kameleoon.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.exceptions.ConfigException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JakartaSettingsTest {
    private static Map<String, String> merged(String... keyValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(com.kameleoon.config.ConfigKeys.normalise(keyValues[i]), keyValues[i + 1]);
        }
        return values;
    }

    @Test
    void defaultsAreTheFilterEverywhereTheInMemoryStoreAndTheStandardConsentCookie() {
        JakartaSettings settings = JakartaSettings.parse(merged("site_code", "abc"), false);

        assertThat(settings.siteCode()).isEqualTo("abc");
        assertThat(settings.filterEnabled()).isTrue();
        assertThat(settings.filterUrlPatterns()).containsExactly("/*");
        assertThat(settings.jdbc()).isNull();
        assertThat(settings.userAgentData()).isTrue();
        assertThat(settings.consent().name()).isEqualTo("kameleoonLegalConsent");
        assertThat(settings.consent().read("accepted")).isTrue();
        assertThat(settings.consent().read("FALSE")).isFalse();
        assertThat(settings.consent().read("maybe")).isNull();
        assertThat(settings.consent().read("%zz")).isNull();
    }

    @Test
    void groupCommitAndOutageBufferAreSettingsNamedInTheirErrors() {
        JakartaSettings settings = JakartaSettings.parse(merged("site_code", "abc", "commit_max_batch", "32",
                "commit_max_wait_millisecond", "2", "unit_buffer_capacity", "500"), false);

        assertThat(settings.unitSettings().maxBatch()).isEqualTo(32);
        assertThat(settings.unitSettings().maxWaitMillis()).isEqualTo(2);
        assertThat(settings.unitSettings().bufferCapacity()).isEqualTo(500);
        assertThat(JakartaSettings.parse(merged("site_code", "abc"), false).unitSettings())
                .isEqualTo(com.kameleoon.spi.UnitSettings.DEFAULT);
        assertThatThrownBy(() -> JakartaSettings.parse(merged("site_code", "abc", "commit_max_batch", "0"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("commit_max_batch");
        assertThatThrownBy(() -> JakartaSettings.parse(merged("site_code", "abc", "unit_buffer_capacity", "many"),
                false)).isInstanceOf(ConfigException.class).hasMessageContaining("unit_buffer_capacity");
    }

    @Test
    void siteCodeIsRequiredAndNamed() {
        assertThatThrownBy(() -> JakartaSettings.parse(merged("client_id", "x"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("site_code");
    }

    @Test
    void badValuesFailWithTheKeyInTheMessage() {
        assertThatThrownBy(() -> JakartaSettings.parse(merged("site_code", "s", "filter_enabled", "maybe"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("filter_enabled");
        assertThatThrownBy(() -> JakartaSettings.parse(merged("site_code", "s", "jdbc_url", "jdbc:h2:mem:a",
                "jdbc_pool_size", "0"), false)).hasMessageContaining("jdbc_pool_size");
        assertThatThrownBy(() -> JakartaSettings.parse(merged("site_code", "s", "filter_url_patterns", "shop"), false))
                .hasMessageContaining("filter_url_patterns");
        assertThatThrownBy(() -> JakartaSettings.parse(merged("site_code", "s", "consent_cookie_accepted", "yes",
                "consent_cookie_refused", "no,yes"), false)).hasMessageContaining("consent_cookie_refused");
        JakartaSettings settings = JakartaSettings.parse(merged("site_code", "s", "max_visitors", "lots"), false);
        assertThatThrownBy(() -> KameleoonClientConfig.fromProperties(settings.clientSettings()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("max_visitors");
    }

    @Test
    void jdbcTimeoutsAreReadInMillisecondsAndLeftToThePoolsDefaultsWhenUnset() {
        JdbcSettings unset = JakartaSettings.parse(merged("site_code", "s", "jdbc_url", "jdbc:h2:mem:a"), false).jdbc();
        assertThat(unset.socketTimeout()).isNull();
        assertThat(unset.connectTimeout()).isNull();
        assertThat(unset.connectionTimeout()).isNull();
        assertThat(unset.toString()).contains("socketTimeout=default");

        JdbcSettings set = JakartaSettings.parse(merged("site_code", "s", "jdbc_url", "jdbc:h2:mem:a",
                "jdbc_socket_timeout_millisecond", "3000", "KAMELEOON_JDBC_CONNECT_TIMEOUT_MILLISECOND", "1_500",
                "jdbcConnectionTimeoutMillisecond", "250"), false).jdbc();
        assertThat(set.socketTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(set.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(set.connectionTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(set.toString()).contains("socketTimeout=3000 ms", "connectTimeout=1500 ms",
                "connectionTimeout=250 ms");
        assertThat(JakartaSettings.isKnown("kameleoon.jdbc_socket_timeout_millisecond")).isTrue();
    }

    @Test
    void jdbcTimeoutsThatAreNotPositiveOrBelowHikariCpsFloorFailNamingTheKey() {
        assertThat(List.of("0", "-1", "soon", "1.5")).allSatisfy(bad -> {
            assertThatThrownBy(() -> jdbc("jdbc_socket_timeout_millisecond", bad))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("jdbc_socket_timeout_millisecond");
            assertThatThrownBy(() -> jdbc("jdbc_connect_timeout_millisecond", bad))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("jdbc_connect_timeout_millisecond");
        });
        assertThatThrownBy(() -> jdbc("jdbc_connection_timeout_millisecond", "249"))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith(
                        "jdbc_connection_timeout_millisecond: invalid value '249', expected at least 250");
        assertThatThrownBy(() -> jdbc("jdbc_socket_timeout_millisecond", "0"))
                .hasMessageEndingWith("jdbc_socket_timeout_millisecond: invalid value '0', expected at least 1");
    }

    private static JdbcSettings jdbc(String key, String value) {
        return JakartaSettings.parse(merged("site_code", "s", "jdbc_url", "jdbc:h2:mem:a", key, value), false).jdbc();
    }

    @Test
    void aClasspathDataFileIsKeptForTheModuleAndOtherKeysGoToTheClient() {
        JakartaSettings settings = JakartaSettings.parse(merged("site_code", "s", "data_file",
                "classpath:/flags/datafile.json", "top_level_domain", "example.com", "filter_url_patterns",
                "/shop/*, *.jsp"), false);

        assertThat(settings.dataFileResource()).isEqualTo("flags/datafile.json");
        assertThat(settings.filterUrlPatterns()).isEqualTo(List.of("/shop/*", "*.jsp"));
        assertThat(settings.clientSettings()).containsOnlyKeys("topleveldomain");
    }

    @Test
    void aJdbcUrlOrADataSourceSelectsTheJdbcStoreAndThePasswordIsNeverPrinted() {
        JakartaSettings settings = JakartaSettings.parse(merged("site_code", "s", "jdbc_url",
                "jdbc:postgresql://127.0.0.1/k", "jdbc_username", "u", "jdbc_password", "hunter2",
                "jdbc_pool_size", "4", "jdbc_migrate", "false"), false);

        assertThat(settings.jdbc().url()).isEqualTo("jdbc:postgresql://127.0.0.1/k");
        assertThat(settings.jdbc().poolSize()).isEqualTo(4);
        assertThat(settings.jdbc().migrate()).isFalse();
        assertThat(settings.jdbc().toString()).doesNotContain("hunter2");
        assertThat(JakartaSettings.parse(merged("site_code", "s"), true).jdbc()).isNotNull();
        assertThatThrownBy(() -> JakartaSettings.parse(merged("site_code", "s", "jdbc_url", "jdbc:h2:mem:a",
                "jdbc_jndi_name", "java:comp/env/jdbc/k"), false)).hasMessageContaining("jdbc_jndi_name");
    }

    @Test
    void noSecretIsPrinted() {
        JakartaSettings settings = JakartaSettings.parse(merged("site_code", "s", "client_id", "id",
                "client_secret", "s3cr3t-value", "jdbc_url",
                "jdbc:postgresql://127.0.0.1/k?user=u&password=hunter2", "jdbc_password", "other-secret"), false);

        assertThat(settings.toString()).contains("siteCode=s", "postgresql://127.0.0.1/k", "password=****")
                .doesNotContain("s3cr3t-value", "hunter2", "other-secret");
        assertThat(settings.jdbc().toString()).doesNotContain("hunter2", "other-secret");
        assertThat(JakartaSettings.parse(merged("site_code", "s", "jdbc_url",
                "jdbc:mysql://u:hunter2@127.0.0.1/k"), false).toString()).doesNotContain("hunter2");
    }
}
