package com.kameleoon.it.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the heavier container tests rely on beyond the smoke test: a deployment that fails is reported at once
 * with its log, undeploy and redeploy leave one started context, the JMX view sees the web module, threads and
 * heap, WildFly reports a broken archive through its {@code .failed} marker, and Payara Micro, which boots with its
 * WAR, does not pass for started when the WAR failed to deploy.
 */
class ContainerLaunchersIT {
    private static final String CONTEXT = "it";

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void tomcatReportsAFailedDeploymentQuicklyWithItsLog() {
        try (TomcatServer tomcat = TomcatServer.start(ItPaths.tomcat11(), "tomcat11-failing", Map.of())) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> tomcat.deploy(CONTEXT, ItPaths.tomcatWar(),
                    Map.of("kameleoon.data_file", "classpath:no-such-datafile.json")))
                    .isInstanceOf(ContainerException.class)
                    .hasMessageContaining("no-such-datafile.json");

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void tomcatUndeploysAndRedeploysWhileJmxWatches() {
        try (TomcatServer tomcat = TomcatServer.start(ItPaths.tomcat11(), "tomcat11-redeploy", Map.of())) {
            tomcat.deploy(CONTEXT, ItPaths.tomcatWar(), Map.of());
            assertThat(tomcat.jmx().webModuleState(CONTEXT)).hasValue("STARTED");

            tomcat.redeploy(CONTEXT, ItPaths.tomcatWar(), Map.of());
            assertThat(Http.get(tomcat.baseUrl(CONTEXT) + "/hello").body()).startsWith("hello");

            tomcat.undeploy(CONTEXT);
            assertThat(tomcat.jmx().webModuleState(CONTEXT)).isEmpty();
            assertThat(Http.get(tomcat.baseUrl(CONTEXT) + "/hello").status()).isEqualTo(404);

            ContainerJmx jmx = tomcat.jmx();
            jmx.gc();
            assertThat(jmx.liveThreadCount()).isPositive();
            assertThat(jmx.threadNames()).anyMatch(name -> name.startsWith("http-nio-127.0.0.1-"));
            // The engine lives as long as the server, where the undeployed context may already be collected: a class
            // that is always there tells that the histogram is read.
            assertThat(jmx.classHistogram()).containsKey("org.apache.catalina.core.StandardEngine");
            assertThat(tomcat.logText()).contains("Undeploying context [/it]");
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void wildflyReportsABrokenArchiveThroughItsFailedMarker(@TempDir Path temp) throws IOException {
        Path broken = warWithMalformedWebXml(temp.resolve("broken.war"));
        try (WildFlyServer wildfly = WildFlyServer.start(ItPaths.wildfly(), "wildfly-failing", Map.of())) {
            assertThatThrownBy(() -> wildfly.deploy("broken", broken))
                    .isInstanceOf(ContainerException.class)
                    .hasMessageContaining("broken.war")
                    .hasMessageContaining("web.xml");

            wildfly.deploy(CONTEXT, ItPaths.wildflyWar());
            wildfly.undeploy(CONTEXT);
            assertThat(Http.get(wildfly.baseUrl(CONTEXT) + "/hello").status()).isEqualTo(404);
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void payaraMicroReportsAWarThatFailedToDeployWithItsLog() {
        assertThatThrownBy(() -> PayaraMicroServer.start(ItPaths.payaraMicro(), "payara-failing",
                ItPaths.wildflyWar(), CONTEXT, Map.of("kameleoon.max_visitors", "lots")).close())
                .isInstanceOf(ContainerException.class)
                .hasMessageContaining("without /" + CONTEXT + " deployed")
                .hasMessageContaining("max_visitors");
    }

    /*
     * A real zip: a file that is not one makes WildFly's scanner wait 60 s for the copy to "complete" (WFLYDS0021)
     * before it fails, holding up every other deployment meanwhile.
     */
    private static Path warWithMalformedWebXml(Path war) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(war))) {
            zip.putNextEntry(new ZipEntry("WEB-INF/web.xml"));
            zip.write("<web-app version=\"6.0\"><servlet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return war;
    }
}
