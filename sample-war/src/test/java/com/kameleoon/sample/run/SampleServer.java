package com.kameleoon.sample.run;

import com.kameleoon.it.container.TomcatServer;
import com.kameleoon.sample.cluster.CollectorSecret;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sample shop on a real Tomcat 11 (the Maven Central distribution unpacked by the build) at
 * {@code http://localhost:<sample.port>/}, in the foreground until Ctrl-C or until the process that launched it
 * (Maven) ends. Started by the README's one command ({@code mvn -q -pl sample-war -am -DskipTests -Prun package},
 * whose profile forwards {@code -Dsample.port} and {@code -Dsample.debug}). System properties: {@code sample.port}
 * (8080), {@code sample.debug} (true here), and any {@code kameleoon.*} or {@code sample.*} property, passed on to
 * Tomcat; {@code KAMELEOON_*} environment variables reach Tomcat's JVM as they are (credentials for the real
 * Kameleoon). Offline, the relay posts to the WAR's own collector with a shared secret drawn for this run.
 *
 * <p>Exits with status 1 and a message naming the port when the shop cannot be served there (port taken, Tomcat
 * not answering); the shop's URL is printed only once the shop answered on it.
 */
public final class SampleServer {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    private SampleServer() {
    }

    /** @param args unused */
    public static void main(String[] args) throws InterruptedException {
        int port;
        try {
            port = port(System.getProperty("sample.port"));
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        if (!bindable(port)) {
            fail("port " + port + " on 127.0.0.1 is already in use: stop what listens there or choose another port "
                    + "with -Dsample.port=<port>");
            return;
        }
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, String> contextParameters = new LinkedHashMap<>();
        properties.put("sample.debug", "true");
        // Offline the relay posts to this WAR's collector; with credentials (KAMELEOON_CLIENT_ID...) to Kameleoon.
        String dataApi = System.getenv("KAMELEOON_DATA_API_URL");
        if (dataApi == null && System.getenv("KAMELEOON_CLIENT_ID") != null) {
            dataApi = "https://data.kameleoon.io";
        }
        if (dataApi == null) {
            String self = "http://127.0.0.1:" + port;
            contextParameters.putAll(CollectorSecret.parameters(self, CollectorSecret.generate()));
        } else {
            properties.put("kameleoon.data_api_url", dataApi);
        }
        System.getProperties().forEach((key, value) -> {
            String name = String.valueOf(key);
            if (name.startsWith("kameleoon.") && !name.startsWith("kameleoon.it.") || name.startsWith("sample.")) {
                properties.put(name, String.valueOf(value));
            }
        });
        System.out.println("Starting Tomcat on 127.0.0.1:" + port + "...");
        TomcatServer tomcat;
        try {
            tomcat = TomcatServer.start(Path.of(System.getProperty("kameleoon.it.tomcat11")), "sample", port,
                    properties);
        } catch (RuntimeException e) {
            fail("Tomcat did not start on port " + port + ": " + e.getMessage());
            return;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            tomcat.close();
            stop.countDown();
        }, "sample-stop"));
        stopWhenParentEnds(tomcat);
        try {
            System.out.println("Deploying the shop...");
            tomcat.deploy("ROOT", Path.of(System.getProperty("kameleoon.sample.war")), contextParameters);
            probe(port, tomcat);
        } catch (RuntimeException e) {
            fail("the shop is not served on port " + port + ": " + e.getMessage());
            return;
        }
        System.out.println();
        System.out.println("Kameleoon sample shop: http://localhost:" + port + "/   (results: /results, debug: /debug,"
                + " collector: /collector/stats)");
        System.out.println("Tomcat logs: " + tomcat.base().resolve("logs") + "   Ctrl-C stops it.");
        stop.await();
    }

    /**
     * @param value the {@code sample.port} property, or null
     * @return the port, 8080 when not set
     * @throws IllegalArgumentException naming the value when it is not a port
     */
    static int port(String value) {
        if (value == null || value.isBlank()) {
            return 8080;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below with the value.
        }
        throw new IllegalArgumentException("sample.port: '" + value + "' is not a TCP port (1-65535)");
    }

    /*
     * Tomcat does not exit when its connector cannot bind: it logs the error and runs on without it, and whatever
     * else listens on the port would then answer in its place. So bind first, the way Tomcat will.
     */
    static boolean bindable(int port) {
        try (ServerSocketChannel channel = ServerSocketChannel.open()) {
            channel.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /* The port could be taken between the check and Tomcat's bind: make sure the shop itself answers. */
    private static void probe(int port, TomcatServer tomcat) {
        String log = tomcat.logText();
        if (log.contains("java.net.BindException") || log.contains("Address already in use")) {
            throw new IllegalStateException("Tomcat could not bind the port");
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/collector/stats"))
                .timeout(PROBE_TIMEOUT).build();
        try {
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200 || !answer.body().contains("\"totalLines\"")) {
                throw new IllegalStateException("http://127.0.0.1:" + port + "/collector/stats answered "
                        + answer.statusCode() + ", not the shop's collector");
            }
        } catch (IOException e) {
            throw new IllegalStateException("no answer from http://127.0.0.1:" + port + "/: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /*
     * Killing Maven (even with kill -9) must not leave Tomcat behind: this JVM notices its parent's end and stops
     * Tomcat itself (the JDK polls a process that is not its child every few seconds at most).
     */
    private static void stopWhenParentEnds(TomcatServer tomcat) {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.err.println("The launching process (pid " + parent.pid() + ") ended: stopping Tomcat.");
            tomcat.close();
            System.exit(0);
        }));
    }

    private static void fail(String message) {
        System.out.flush();
        System.err.println("Kameleoon sample shop: " + message);
        System.err.flush();
        // The shutdown hooks (this class's and the container launcher's) stop a Tomcat that did start.
        System.exit(1);
    }
}
