package com.kameleoon.it.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The container launchers themselves: given the test WAR, when each real container starts and deploys it as
 * {@code it}, then {@code /it/hello} answers "hello" and the Kameleoon filter sets the visitor cookie. The
 * containers run one after the other (the build machine has two cores). Each step's duration is printed, which
 * sizes the timeouts of the heavier container tests.
 */
class ContainerSmokeIT {
    private static final String CONTEXT = "it";

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void tomcat11ServesTheWar() {
        TomcatServer tomcat =
                timed("tomcat11 start", () -> TomcatServer.start(ItPaths.tomcat11(), "tomcat11", Map.of()));
        try {
            timed("tomcat11 deploy", () -> tomcat.deploy(CONTEXT, ItPaths.tomcatWar(), Map.of()));
            assertHelloWithVisitorCookie(tomcat.baseUrl(CONTEXT));
        } finally {
            timed("tomcat11 stop", tomcat::close);
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void tomcat10ServesTheWar() {
        TomcatServer tomcat =
                timed("tomcat10 start", () -> TomcatServer.start(ItPaths.tomcat10(), "tomcat10", Map.of()));
        try {
            timed("tomcat10 deploy", () -> tomcat.deploy(CONTEXT, ItPaths.tomcatWar(), Map.of()));
            assertHelloWithVisitorCookie(tomcat.baseUrl(CONTEXT));
        } finally {
            timed("tomcat10 stop", tomcat::close);
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void wildflyServesTheWar() {
        WildFlyServer wildfly =
                timed("wildfly start", () -> WildFlyServer.start(ItPaths.wildfly(), "wildfly", Map.of()));
        try {
            timed("wildfly deploy", () -> wildfly.deploy(CONTEXT, ItPaths.wildflyWar()));
            assertHelloWithVisitorCookie(wildfly.baseUrl(CONTEXT));
        } finally {
            timed("wildfly stop", wildfly::close);
        }
    }

    private static void assertHelloWithVisitorCookie(String baseUrl) {
        HttpReply reply = Http.get(baseUrl + "/hello");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.body()).startsWith("hello");
        assertThat(reply.cookie("kameleoonVisitorCode")).as("Set-Cookie headers %s", reply.setCookies())
                .hasValueSatisfying(code -> assertThat(code).isNotBlank());
    }

    private static <T> T timed(String step, Supplier<T> action) {
        long start = System.nanoTime();
        try {
            return action.get();
        } finally {
            System.out.printf("%s: %d ms%n", step, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
    }

    private static void timed(String step, Runnable action) {
        timed(step, () -> {
            action.run();
            return null;
        });
    }
}
