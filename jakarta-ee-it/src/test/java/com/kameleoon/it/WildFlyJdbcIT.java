package com.kameleoon.it;

import com.kameleoon.it.container.WildFlyServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The scenarios on a real WildFly (its own CDI; the WAR without Weld), the JDBC store on an H2 file configured
 * through the {@code kameleoon.jdbc_url} system property (the configuration source below context parameters).
 */
class WildFlyJdbcIT extends ServletScenarios {
    private WildFlyServer wildfly;

    @Override
    void startContainer(Map<String, String> systemProperties) throws Exception {
        Map<String, String> properties = new HashMap<>(systemProperties);
        Path h2 = work().toAbsolutePath().resolve("wildfly-" + System.nanoTime()).resolve("kameleoon");
        properties.put("kameleoon.jdbc_url", "jdbc:h2:file:" + h2);
        wildfly = WildFlyServer.start(Path.of(System.getProperty("kameleoon.it.wildfly")), "wildfly-jdbc",
                properties);
        wildfly.deploy("it", war("kameleoon.it.war.wildfly"));
    }

    @Override
    void stopContainer() {
        if (wildfly != null) {
            wildfly.close();
        }
    }

    @Override
    String base() {
        return wildfly.baseUrl("it");
    }
}
