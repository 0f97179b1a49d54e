package com.kameleoon.it;

import com.kameleoon.it.container.ItPaths;
import com.kameleoon.it.container.PayaraMicroServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The scenarios on a real Payara Micro 7 (Java 21+, its own CDI: the WAR without Weld, as on WildFly), the JDBC
 * store on an H2 file behind the counting DataSource. Payara Micro takes one WAR on its command line and has no
 * per-context parameters, so the H2 file is named by a system property, which the test WAR's setup listener reads
 * when the context parameter is absent.
 */
class PayaraMicroIT extends JdbcServletScenarios {
    private PayaraMicroServer payara;

    @Override
    void startContainer(Map<String, String> systemProperties) {
        Map<String, String> properties = new HashMap<>(systemProperties);
        Path h2 = work().toAbsolutePath().resolve("payara-" + System.nanoTime()).resolve("kameleoon");
        properties.put("it.counting_h2_file", h2.toString());
        long start = System.nanoTime();
        payara = PayaraMicroServer.start(ItPaths.payaraMicro(), "payara-jdbc", ItPaths.wildflyWar(), "it",
                properties);
        System.out.printf("payara micro start with the WAR on %s: %d ms%n", payara.javaHome(),
                (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    void stopContainer() {
        if (payara != null) {
            payara.close();
        }
    }

    @Override
    String base() {
        return payara.baseUrl();
    }
}
