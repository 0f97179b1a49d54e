package com.kameleoon.it;

import com.kameleoon.it.container.TomcatServer;
import java.nio.file.Path;
import java.util.Map;

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
}
