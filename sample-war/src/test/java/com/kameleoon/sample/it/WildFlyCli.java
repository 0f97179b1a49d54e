package com.kameleoon.sample.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * WildFly's management CLI ({@code bin/jboss-cli.sh}) run against a started server's management port, as an
 * operator would. It authenticates as the local user (the server and the test share the machine and the user),
 * so no management user is needed. Thread-safe (stateless).
 */
final class WildFlyCli {
    private static final long TIMEOUT_SECONDS = 60;

    private WildFlyCli() {
    }

    /**
     * Adds a system property to the running server's management model: WildFly sets it in the server JVM at once,
     * so deployments made afterwards read it at start.
     *
     * @param wildflyHome the unpacked distribution
     * @param managementPort the server's management port on 127.0.0.1
     * @param name the property
     * @param value its value, free of double quotes
     */
    static void addSystemProperty(Path wildflyHome, int managementPort, String name, String value) {
        run(wildflyHome, managementPort, "/system-property=" + name + ":add(value=\"" + value + "\")");
    }

    private static void run(Path wildflyHome, int managementPort, String command) {
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", wildflyHome.resolve("bin/jboss-cli.sh").toString(),
                "--connect", "--controller=remote+http://127.0.0.1:" + managementPort, "--command=" + command))
                .redirectErrorStream(true);
        builder.environment().remove("JBOSS_HOME");
        builder.environment().remove("JAVA_OPTS");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("jboss-cli did not finish in " + TIMEOUT_SECONDS + " s: " + command);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0 || !output.contains("\"outcome\" => \"success\"")) {
                throw new IllegalStateException("jboss-cli " + command + " failed (" + process.exitValue() + "):\n"
                        + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run jboss-cli from " + wildflyHome, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running jboss-cli " + command, e);
        }
    }
}
