package com.kameleoon.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.it.container.ContainerJmx;
import com.kameleoon.it.container.Http;
import com.kameleoon.it.container.HttpReply;
import com.kameleoon.it.container.TomcatServer;
import com.kameleoon.testkit.KameleoonTestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Redeploys the WAR 20 times in one Tomcat 11, each time with the JDBC store (H2 file, pool, relay delivering to a
 * testkit backend, expiry cleaner, HTTP client): afterwards the live thread count is back to the baseline of the
 * empty container, no {@code kameleoon} thread remains, and, after a full GC, no web-application class loader or
 * Kameleoon object is left in the heap histogram.
 */
class RedeployLeakIT {
    private static final int REDEPLOYS = 20;
    private static final String CONTEXT = "leak";

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void twentyRedeploysLeaveNoThreadAndNoClassLoaderBehind() throws Exception {
        Path war = Path.of(System.getProperty("kameleoon.it.war"));
        Path h2 = Path.of(System.getProperty("kameleoon.it.work", "target/it-work")).toAbsolutePath()
                .resolve("redeploy-" + System.nanoTime()).resolve("kameleoon");
        try (KameleoonTestServer backend = KameleoonTestServer.start();
                TomcatServer tomcat = TomcatServer.start(Path.of(System.getProperty("kameleoon.it.tomcat11")),
                        "tomcat11-redeploy", Map.of("kameleoon.data_api_url", backend.baseUri().toString()));
                ContainerJmx jmx = tomcat.jmx()) {
            jmx.gc();
            int baseline = jmx.liveThreadCount();
            List<String> baselineNames = jmx.threadNames();

            for (int round = 1; round <= REDEPLOYS; round++) {
                tomcat.deploy(CONTEXT, war, Map.of("kameleoon.jdbc_url", "jdbc:h2:file:" + h2));
                String code = ServletScenarios.newCode();
                HttpReply answer = Http.get(tomcat.baseUrl(CONTEXT) + "/variation?flag=pricing_page&goal=9"
                        + round, "kameleoonVisitorCode=" + code + "; kameleoonLegalConsent=true");
                assertThat(answer.status()).as("round %d: %s", round, answer.body()).isEqualTo(200);
                assertThat(Http.get(tomcat.baseUrl(CONTEXT) + "/cdi?flag=pricing_page", null).status()).isEqualTo(200);
                tomcat.undeploy(CONTEXT);
            }
            assertThat(backend.trackingLines()).as("every round's conversion was delivered by its relay before undeploy")
                    .filteredOn(line -> line.startsWith("eventType=conversion&goalId=9")).hasSize(REDEPLOYS);

            // Tomcat's connector retires a surplus idle request thread after 60 s (its renewal of threads after an
            // undeploy can leave one): wait a little longer than that.
            List<String> lingering = awaitQuiet(jmx, baseline, Duration.ofSeconds(90));
            assertThat(lingering).as("threads of the undeployed application").isEmpty();
            List<String> now = jmx.threadNames();
            assertThat(jmx.liveThreadCount()).as("live threads; new: %s, gone: %s",
                    now.stream().filter(name -> !baselineNames.contains(name)).toList(),
                    baselineNames.stream().filter(name -> !now.contains(name)).toList())
                    .isLessThanOrEqualTo(baseline);

            Map<String, Long> histogram = jmx.classHistogram();
            assertThat(histogram.getOrDefault("org.apache.catalina.loader.ParallelWebappClassLoader", 0L))
                    .as("web-application class loaders left after %d undeploys", REDEPLOYS).isZero();
            assertThat(histogram.keySet().stream().filter(name -> name.startsWith("com.kameleoon.")).toList())
                    .as("Kameleoon objects left in the heap").isEmpty();
            assertThat(tomcat.logText()).doesNotContain("appears to have started a thread named [kameleoon")
                    .doesNotContain("created a ThreadLocal with key of type [com.kameleoon")
                    .doesNotContain("created a ThreadLocal with key of type [com.fasterxml");
        }
    }

    /** Waits until no Kameleoon or JDK HTTP-client thread is left and the thread count is back to the baseline. */
    private static List<String> awaitQuiet(ContainerJmx jmx, int baseline, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> lingering;
        do {
            jmx.gc();
            lingering = jmx.threadNames().stream()
                    .filter(name -> name.startsWith("kameleoon") || name.startsWith("HttpClient-"))
                    .collect(Collectors.toList());
            if (lingering.isEmpty() && jmx.liveThreadCount() <= baseline) {
                return lingering;
            }
            Thread.sleep(1_000);
        } while (System.nanoTime() < deadline);
        return lingering;
    }
}
