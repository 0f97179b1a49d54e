package com.kameleoon.sample.run;

import com.kameleoon.it.container.TomcatServer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sample shop on a real Tomcat 11 (the Maven Central distribution unpacked by the build) at
 * {@code http://localhost:8080/}, in the foreground until Ctrl-C. Started by the README's one command
 * ({@code mvn -q -pl sample-war -am -DskipTests -Prun package}). System properties: {@code sample.port} (8080),
 * {@code sample.debug} (true here), and any {@code kameleoon.*} or {@code sample.*} property, passed on to Tomcat;
 * {@code KAMELEOON_*} environment variables reach Tomcat's JVM as they are (credentials for the real Kameleoon).
 */
public final class SampleServer {
    private SampleServer() {
    }

    /** @param args unused */
    public static void main(String[] args) throws InterruptedException {
        int port = Integer.getInteger("sample.port", 8080);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("sample.debug", "true");
        // Offline the relay posts to this WAR's collector; with credentials (KAMELEOON_CLIENT_ID...) to Kameleoon.
        String dataApi = System.getenv("KAMELEOON_DATA_API_URL");
        if (dataApi == null) {
            dataApi = System.getenv("KAMELEOON_CLIENT_ID") != null ? "https://data.kameleoon.io"
                    : "http://127.0.0.1:" + port + "/collector";
        }
        properties.put("kameleoon.data_api_url", dataApi);
        System.getProperties().forEach((key, value) -> {
            String name = String.valueOf(key);
            if (name.startsWith("kameleoon.") && !name.startsWith("kameleoon.it.") || name.startsWith("sample.")) {
                properties.put(name, String.valueOf(value));
            }
        });
        TomcatServer tomcat = TomcatServer.start(Path.of(System.getProperty("kameleoon.it.tomcat11")), "sample", port,
                properties);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            tomcat.close();
            stopped.countDown();
        }, "sample-stop"));
        tomcat.deploy("ROOT", Path.of(System.getProperty("kameleoon.sample.war")), Map.of());
        System.out.println();
        System.out.println("Kameleoon sample shop: http://localhost:" + port + "/   (results: /results, debug: /debug,"
                + " collector: /collector/stats)");
        System.out.println("Tomcat logs: " + tomcat.base().resolve("logs") + "   Ctrl-C stops it.");
        stopped.await();
    }
}
