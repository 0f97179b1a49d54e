package com.kameleoon.it;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.it.container.ContainerException;
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
    void aBadSettingFailsTheDeploymentWithTheKeyInTheMessage() {
        assertThatThrownBy(() -> tomcat.deploy("bad", war("kameleoon.it.war"),
                Map.of("kameleoon.max_visitors", "lots", "kameleoon.client_secret", "s3cr3t-value")))
                .isInstanceOf(ContainerException.class)
                .hasMessageContaining("max_visitors")
                .hasMessageNotContaining("s3cr3t-value");
    }
}
