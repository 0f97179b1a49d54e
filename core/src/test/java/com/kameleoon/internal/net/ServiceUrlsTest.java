package com.kameleoon.internal.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.KameleoonClientConfig;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * docs/wire-format.md#hosts-and-paths, #data-api-domain-from-the-datafile, #network-domain, #datafile-request: hosts,
 * network domain, the datafile's Data API domain, overrides.
 */
class ServiceUrlsTest {
    private static KameleoonClientConfig.Builder offline() {
        return KameleoonClientConfig.builder().clientId("id").clientSecret("secret");
    }

    @Test
    void hostsAndPaths_defaultHosts() {
        ServiceUrls urls = ServiceUrls.of(offline().build());
        assertThat(urls.configuration("site123", null, null))
                .isEqualTo(URI.create("https://sdk-config.kameleoon.eu/v3/site123"));
        assertThat(urls.configuration("site123", "staging", 17L))
                .isEqualTo(URI.create("https://sdk-config.kameleoon.eu/v3/site123?environment=staging&ts=17"));
        assertThat(urls.events("site123")).isEqualTo(URI.create("https://events.kameleoon.eu:8110/sse?siteCode=site123"));
        assertThat(urls.token()).isEqualTo(URI.create("https://api.kameleoon.com/oauth/token"));
        assertThat(urls.tracking("JAVA", "1.2.3", "site123")).isEqualTo(URI.create(
                "https://data.kameleoon.io/visit/events?sdkName=JAVA&sdkVersion=1.2.3&siteCode=site123&bodyUa=true"));
    }

    @Test
    void networkDomain_rewritesEveryHost() {
        ServiceUrls urls = ServiceUrls.of(offline().networkDomain("https://My.Proxy.example.org.").build());
        assertThat(urls.configuration("site123", "staging", null))
                .isEqualTo(URI.create("https://sdk-config.my.proxy.example.org/v3/site123?environment=staging"));
        assertThat(urls.events("s")).isEqualTo(URI.create("https://events.my.proxy.example.org:8110/sse?siteCode=s"));
        assertThat(urls.token()).isEqualTo(URI.create("https://api.my.proxy.example.org/oauth/token"));
        assertThat(urls.dataApi("/map/map")).isEqualTo(URI.create("https://data.my.proxy.example.org/map/map"));
    }

    @Test
    void dataApiDomain_fromTheDatafile() {
        assertThat(ServiceUrls.of(offline().build()).withDataApiDomain("data-eu.kameleoon.io").dataApi("/x"))
                .isEqualTo(URI.create("https://data-eu.kameleoon.io/x"));
        assertThat(ServiceUrls.of(offline().networkDomain("proxy.example.org").build())
                .withDataApiDomain("data-eu.kameleoon.io").dataApi("/x"))
                .as("only the first label with a network domain")
                .isEqualTo(URI.create("https://data-eu.proxy.example.org/x"));
        assertThat(ServiceUrls.of(offline().build()).withDataApiDomain("nodot").dataApi("/x"))
                .isEqualTo(URI.create("https://data.kameleoon.io/x"));
    }

    @Test
    void overridesWinOverEverything() {
        URI local = URI.create("http://127.0.0.1:8099/");
        ServiceUrls urls = ServiceUrls.of(offline().networkDomain("proxy.example.org").dataApiUrl(local)
                .sdkConfigUrl(local).eventsUrl(local).accessTokenUrl(local).build()).withDataApiDomain("data-eu.x.io");
        assertThat(urls.dataApi("/map/map")).isEqualTo(URI.create("http://127.0.0.1:8099/map/map"));
        assertThat(urls.configuration("s", null, null)).isEqualTo(URI.create("http://127.0.0.1:8099/v3/s"));
        assertThat(urls.events("s")).isEqualTo(URI.create("http://127.0.0.1:8099/sse?siteCode=s"));
        assertThat(urls.token()).isEqualTo(URI.create("http://127.0.0.1:8099/oauth/token"));
    }
}
