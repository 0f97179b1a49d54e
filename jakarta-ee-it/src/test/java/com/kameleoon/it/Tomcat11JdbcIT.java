package com.kameleoon.it;

import com.kameleoon.it.container.TomcatServer;
import java.nio.file.Path;
import java.util.Map;

/** The scenarios on a real Tomcat 11 with Weld, the JDBC store on an embedded H2 file. */
class Tomcat11JdbcIT extends JdbcServletScenarios {
    private TomcatServer tomcat;

    @Override
    void startContainer(Map<String, String> systemProperties) throws Exception {
        tomcat = TomcatServer.start(Path.of(System.getProperty("kameleoon.it.tomcat11")), "tomcat11-jdbc",
                systemProperties);
        Path h2 = work().toAbsolutePath().resolve("tomcat11-" + System.nanoTime()).resolve("kameleoon");
        tomcat.deploy("itdb", war("kameleoon.it.war"), Map.of("it.counting_h2_file", h2.toString()));
    }

    @Override
    void stopContainer() {
        if (tomcat != null) {
            tomcat.close();
        }
    }

    @Override
    String base() {
        return tomcat.baseUrl("itdb");
    }
}
