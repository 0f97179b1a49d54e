package com.kameleoon.sample.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.it.container.FreePorts;
import com.kameleoon.it.container.Http;
import com.kameleoon.it.container.ItPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The run command's launcher as Maven starts it, a child of another process: it serves the shop on
 * {@code sample.port}, and when that parent is killed with {@code kill -9} it stops Tomcat and ends, leaving the
 * port free.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SampleServerIT {
    private static final Duration START = Duration.ofMinutes(2);
    private static final Duration STOP = Duration.ofSeconds(60);

    @Test
    void killingTheParentStopsTheLauncherAndItsTomcat() throws Exception {
        int port = FreePorts.allocate();
        Path work = ItPaths.newWorkDirectory("sample-server");
        Path output = work.resolve("launcher.log");
        List<String> command = new ArrayList<>(List.of("sh", "-c", "\"$0\" \"$@\"; echo launcher ended",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-cp",
                System.getProperty("java.class.path"), "-Dsample.port=" + port,
                "-Dsample.jdbc_url=jdbc:h2:file:" + work.resolve("h2/shop"),
                "-Dkameleoon.it.tomcat11=" + System.getProperty("kameleoon.it.tomcat11"),
                "-Dkameleoon.sample.war=" + System.getProperty("kameleoon.sample.war"),
                "-Dkameleoon.it.work=" + work, SampleServer.class.getName()));
        // The shell stands for Maven: the launcher is its child, and its death is what the launcher must notice.
        Process parent = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        List<ProcessHandle> launched = new ArrayList<>();
        try {
            await("the shop's URL printed", START, () -> text(output).contains("http://localhost:" + port + "/"));
            assertThat(Http.get("http://127.0.0.1:" + port + "/collector/stats").status()).isEqualTo(200);
            parent.descendants().forEach(launched::add);
            assertThat(launched).as("launcher and Tomcat").hasSizeGreaterThanOrEqualTo(2);

            parent.destroyForcibly();

            await("launcher and Tomcat ended after their parent; still alive: " + launched, STOP,
                    () -> launched.stream().noneMatch(ProcessHandle::isAlive));
            assertThat(text(output)).contains("stopping Tomcat");
            assertThat(SampleServer.bindable(port)).as("port " + port + " free again").isTrue();
        } finally {
            parent.destroyForcibly();
            launched.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static String text(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void await(String what, Duration bound, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError(what + ": not within " + bound);
            }
            Thread.sleep(200);
        }
    }
}
