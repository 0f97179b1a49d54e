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
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Redeploys the WAR 20 times in one Tomcat 11, each time with the JDBC store (H2 file, pool, relay delivering to a
 * testkit backend, expiry cleaner, HTTP client): afterwards every thread the application started (named
 * {@code kameleoon-…}, and its HTTP client's selector) has ended within a bound, and, after a full GC, no
 * web-application class loader or Kameleoon object is left in the heap histogram. The container's total thread
 * count is not compared with a baseline: Tomcat renews its request threads after each undeploy and the JMX
 * connection adds its own, so the total varies with the machine's load while nothing of the application lives.
 */
class RedeployLeakIT {
    private static final int REDEPLOYS = 20;
    private static final String CONTEXT = "leak";
    /** How long the application's threads may take to end after the last undeploy on a loaded machine. */
    private static final Duration THREADS_END = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(250);

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
            List<String> baselineNames = jmx.threadNames();
            assertThat(baselineNames).as("threads of the empty container")
                    .noneMatch(RedeployLeakIT::isApplicationThread);

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

            // Only the application's own threads say whether it stopped: the container's thread count also moves
            // with Tomcat's request-thread renewal after each undeploy and with the JMX connection's threads.
            List<String> survivors = awaitEnded(jmx, RedeployLeakIT::isApplicationThread, THREADS_END);
            List<String> after = jmx.threadNames();
            System.out.printf("RedeployLeakIT threads: %d in the empty container, %d after %d redeploys; new: %s;"
                    + " gone: %s%n", baselineNames.size(), after.size(), REDEPLOYS, newThreads(baselineNames, after),
                    newThreads(after, baselineNames));
            assertThat(survivors).as("application threads still alive %s after the last undeploy; threads new since"
                    + " the baseline: %s", THREADS_END, newThreads(baselineNames, after)).isEmpty();

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

    /*
     * The SDK names every thread it starts "kameleoon-<purpose>-<n>"; the JDK names the selector thread of the SDK's
     * HTTP client "HttpClient-<n>-SelectorManager" and ends it only once that client is garbage collected. No other
     * code in the container JVM starts either.
     */
    private static boolean isApplicationThread(String name) {
        return name.startsWith("kameleoon-") || name.startsWith("HttpClient-");
    }

    /**
     * Polls until no thread matching {@code application} is alive, collecting garbage each round (the HTTP
     * client's selector thread needs it), or until the bound passes.
     *
     * @return the names of the matching threads still alive at the end, empty when all ended
     */
    private static List<String> awaitEnded(ContainerJmx jmx, Predicate<String> application, Duration bound)
            throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            jmx.gc();
            List<String> alive = jmx.threadNames().stream().filter(application).sorted().toList();
            if (alive.isEmpty() || System.nanoTime() - deadline >= 0) {
                return alive;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static List<String> newThreads(List<String> baseline, List<String> now) {
        return now.stream().filter(name -> !baseline.contains(name)).sorted().toList();
    }
}
