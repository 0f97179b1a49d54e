package com.kameleoon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.it.container.ContainerException;
import com.kameleoon.it.container.Http;
import com.kameleoon.it.container.HttpReply;
import com.kameleoon.it.container.TomcatServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scenarios on a real Tomcat 10.1 with Weld, the in-memory store. */
class Tomcat10MemoryIT extends ServletScenarios {
    private TomcatServer tomcat;

    @Override
    void startContainer(Map<String, String> systemProperties) throws Exception {
        tomcat = TomcatServer.start(Path.of(System.getProperty("kameleoon.it.tomcat10")), "tomcat10-memory",
                systemProperties);
        tomcat.deploy("it", war("kameleoon.it.war"), Map.of());
    }

    @Override
    void stopContainer() {
        if (tomcat != null) {
            tomcat.close();
        }
    }

    @Override
    String base() {
        return tomcat.baseUrl("it");
    }

    @Test
    void contextParametersMapTheFilterElsewhereOrTurnItOff() throws Exception {
        tomcat.deploy("mapped", war("kameleoon.it.war"), Map.of("kameleoon.filter_url_patterns", "/variation"));
        tomcat.deploy("off", war("kameleoon.it.war"), Map.of("kameleoon.filter_enabled", "false"));
        try {
            assertThat(Http.get(tomcat.baseUrl("mapped") + "/variation?flag=" + FLAG, null).cookie(COOKIE)).isPresent();
            assertThat(Http.get(tomcat.baseUrl("mapped") + "/static.txt", null).cookie(COOKIE)).isEmpty();
            HttpReply off = Http.get(tomcat.baseUrl("off") + "/variation?flag=" + FLAG, null);
            assertThat(off.cookie(COOKIE)).isEmpty();
            assertThat(off.status()).as("KameleoonJakarta.visitor(request) without the filter").isEqualTo(500);
            HttpReply overloads = Http.get(tomcat.baseUrl("off") + "/overloads", null);
            assertThat(overloads.cookie(COOKIE)).as("the servlet overload works without the filter")
                    .contains(overloads.field("code"));
        } finally {
            tomcat.undeploy("mapped");
            tomcat.undeploy("off");
        }
    }

    @Test
    void aBadSettingFailsTheDeploymentWithTheKeyInTheMessage() {
        assertThatThrownBy(() -> tomcat.deploy("bad", war("kameleoon.it.war"),
                Map.of("kameleoon.max_visitors", "lots", "kameleoon.client_secret", "s3cr3t-value")))
                .isInstanceOf(ContainerException.class)
                .hasMessageContaining("max_visitors")
                .hasMessageNotContaining("s3cr3t-value");
    }

    @Test
    void aCookieDomainThatWouldForgeAttributesOrAZeroTimeoutFailsTheDeployment() {
        assertThatThrownBy(() -> tomcat.deploy("bad-domain", war("kameleoon.it.war"),
                Map.of("kameleoon.top_level_domain", "evil.com; httponly")))
                .isInstanceOf(ContainerException.class).hasMessageContaining("top_level_domain");
        assertThatThrownBy(() -> tomcat.deploy("bad-timeout", war("kameleoon.it.war"),
                Map.of("kameleoon.default_timeout_millisecond", "0")))
                .isInstanceOf(ContainerException.class).hasMessageContaining("default_timeout_millisecond");
    }

    @Test
    void migrationsOffOnADatabaseWithoutTheTablesFailTheDeployment() {
        assertThatThrownBy(() -> tomcat.deploy("no-tables", war("kameleoon.it.war"),
                Map.of("kameleoon.jdbc_url", "jdbc:h2:mem:no-tables-" + System.nanoTime(),
                        "kameleoon.jdbc_migrate", "false")))
                .isInstanceOf(ContainerException.class);
        // The cause heads a long stack trace in localhost.<date>.log: read the whole log, not the failure's tail.
        assertThat(tomcat.logText()).contains("The Kameleoon table kameleoon_visitor is missing", "jdbc_migrate=true");
    }
}
