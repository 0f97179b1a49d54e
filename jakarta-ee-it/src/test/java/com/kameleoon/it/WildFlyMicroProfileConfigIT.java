package com.kameleoon.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.it.container.Http;
import com.kameleoon.it.container.HttpReply;
import com.kameleoon.it.container.ItPaths;
import com.kameleoon.it.container.WarCopy;
import com.kameleoon.it.container.WildFlyServer;
import com.kameleoon.testkit.KameleoonTestServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * On a real WildFly started with {@code standalone-microprofile.xml}, the test WAR with a
 * {@code META-INF/microprofile-config.properties} on its class path: its {@code kameleoon.*} keys configure the
 * client through MicroProfile Config, below the WAR's context parameters.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class WildFlyMicroProfileConfigIT {
    private static final String COOKIE = "kameleoonVisitorCode";
    private static final String MICROPROFILE_CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";

    @Test
    void microprofileConfigPropertiesConfiguresTheClientBelowContextParameters() throws Exception {
        Path war = WarCopy.withEntries(ItPaths.wildflyWar(), Map.of(MICROPROFILE_CONFIG, ""
                // Defaults: SameSite=Lax, no HttpOnly.
                + "kameleoon.cookie_same_site=Strict\n"
                + "kameleoon.cookie_http_only=true\n"
                // web.xml's context parameter kameleoon.top_level_domain=localhost comes first.
                + "kameleoon.top_level_domain=from-microprofile.example\n"),
                ItPaths.newWorkDirectory("mp-war").resolve("it.war"));
        try (KameleoonTestServer backend = KameleoonTestServer.start();
                WildFlyServer wildfly = WildFlyServer.start(ItPaths.wildfly(), "wildfly-microprofile",
                        "standalone-microprofile.xml",
                        Map.of("kameleoon.data_api_url", backend.baseUri().toString()))) {
            wildfly.deploy("mp", war);

            HttpReply answer = Http.get(wildfly.baseUrl("mp") + "/variation?flag=pricing_page", null);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.setCookie(COOKIE).orElseThrow()).contains("; SameSite=Strict").contains("; HttpOnly")
                    .contains("; domain=localhost").doesNotContain("from-microprofile");
        }
    }
}
