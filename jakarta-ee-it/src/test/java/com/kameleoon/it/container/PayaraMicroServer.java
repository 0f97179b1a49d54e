package com.kameleoon.it.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A real Payara Micro 7 from its Maven Central jar, in its own JVM (Java 21 or newer, found by {@link JavaHomes}:
 * Payara 7 is compiled for 21 while the build runs on 17), deploying one WAR at boot the way an operator runs it:
 * {@code java -jar payara-micro.jar --deploy app.war --contextroot ctx --port N}. Everything of the run (the
 * configuration root, the unpacked runtime, temporary files, the console log) lives in a new directory under
 * {@code kameleoon.it.work}, kept after close for post-mortems.
 *
 * <p>Only 127.0.0.1:port listens: the HTTP listener's address is set by a pre-boot asadmin command (Payara Micro
 * has no option for it and would bind every interface), HTTPS and the JMX connector are off by default, and
 * {@code --nohazelcast} keeps the data grid from starting at all ({@code --nocluster} alone still opens its member
 * port 6900 on every interface). {@code --disablephonehome} keeps it from calling home.
 *
 * <p>Not thread-safe: one test drives one server. Every wait is bounded and throws {@link ContainerException} with
 * the log tail when the bound passes.
 */
public final class PayaraMicroServer implements AutoCloseable {
    /** Payara Micro 7 is compiled for Java 21 (class file version 65). */
    static final int JAVA_FEATURE = 21;
    /* 15-20 s on an idle two-core machine, 80 s seen with the load average at 16; under ServletScenarios' 5 min. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final String CONSOLE_LOG = "console.log";
    /** The last line of a boot, deployments included: "Payara Micro 7.2026.11 (build 19) ready in 10,678 (ms)". */
    private static final Pattern READY = Pattern.compile("Payara Micro \\S+ .*ready in [\\d,.]+ \\(ms\\)");
    private static final String PREBOOT_COMMANDS =
            "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener"
                    + ".address=127.0.0.1\n";
    /* The jar's own logging.properties without the ANSI colours, which would clutter the failure messages. */
    private static final String LOGGING_PROPERTIES = """
            handlers=java.util.logging.ConsoleHandler
            java.util.logging.ConsoleHandler.formatter=com.sun.enterprise.server.logging.ODLLogFormatter
            com.sun.enterprise.server.logging.ODLLogFormatter.ansiColor=false
            java.util.logging.ConsoleHandler.level=FINE
            .level=INFO
            javax.enterprise.system.tools.deployment.dol.level=WARNING
            javax.enterprise.system.tools.deployment.common.level=WARNING
            fish.payara.nucleus.util.level=WARNING
            org.glassfish.admin.mbeanserver.level=WARNING
            """;

    private final String name;
    private final Path base;
    private final int httpPort;
    private final String contextRoot;
    private final Path javaHome;
    private final ProcessTree process;
    private final LogFiles logs;

    private PayaraMicroServer(String name, Path base, int httpPort, String contextRoot, Path javaHome,
            ProcessTree process) {
        this.name = name;
        this.base = base;
        this.httpPort = httpPort;
        this.contextRoot = contextRoot;
        this.javaHome = javaHome;
        this.process = process;
        this.logs = new LogFiles(base.resolve("log"), file -> file.equals(CONSOLE_LOG));
    }

    /**
     * Starts Payara Micro on a free 127.0.0.1 port with the WAR deployed, and waits until it is ready.
     *
     * @param payaraJar        {@code payara-micro.jar}
     * @param name             a label for the run directory and messages, such as {@code payara}
     * @param war              the WAR to deploy at boot, used in place
     * @param contextRoot      its context root without a slash, such as {@code it}
     * @param systemProperties extra {@code -D} properties for the server JVM
     * @return the running server; close it
     */
    public static PayaraMicroServer start(Path payaraJar, String name, Path war, String contextRoot,
            Map<String, String> systemProperties) {
        return start(payaraJar, name, war, contextRoot, 0, systemProperties);
    }

    /**
     * Starts Payara Micro on a given port, for a WAR whose settings hold its own URL (the sample's collector).
     *
     * @param payaraJar        {@code payara-micro.jar}
     * @param name             a label for the run directory and messages
     * @param war              the WAR to deploy at boot, used in place
     * @param contextRoot      its context root without a slash
     * @param port             the 127.0.0.1 HTTP port, or 0 for a free one
     * @param systemProperties extra {@code -D} properties for the server JVM
     * @return the running server; close it
     * @throws ContainerException if Payara exits, is not ready in time, or is ready without the WAR deployed
     *                            (a listener threw, say), with the log tail
     */
    public static PayaraMicroServer start(Path payaraJar, String name, Path war, String contextRoot, int port,
            Map<String, String> systemProperties) {
        Path jar = payaraJar.toAbsolutePath();
        Path javaHome = JavaHomes.atLeast(JAVA_FEATURE);
        int httpPort = port > 0 ? port : FreePorts.allocate();
        Path base = ItPaths.newWorkDirectory(name);
        try {
            Files.createDirectories(base.resolve("log"));
            Files.createDirectories(base.resolve("tmp"));
            // Payara refuses a --rootdir that does not exist yet.
            Files.createDirectories(base.resolve("root"));
            Files.writeString(base.resolve("preboot.asadmin"), PREBOOT_COMMANDS, StandardCharsets.UTF_8);
            Files.writeString(base.resolve("logging.properties"), LOGGING_PROPERTIES, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Payara Micro run directory " + base, e);
        }
        ProcessBuilder builder = new ProcessBuilder(
                command(javaHome, jar, base, war.toAbsolutePath(), contextRoot, httpPort, systemProperties))
                .directory(base.toFile())
                .redirectErrorStream(true)
                .redirectOutput(base.resolve("log").resolve(CONSOLE_LOG).toFile());
        builder.environment().put("JAVA_HOME", javaHome.toString());
        Process launched;
        try {
            launched = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch " + jar + " on " + javaHome, e);
        }
        PayaraMicroServer server =
                new PayaraMicroServer(name, base, httpPort, contextRoot, javaHome, new ProcessTree(launched, name));
        try {
            server.awaitReady();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** @return {@code http://127.0.0.1:<port>/<contextRoot>}, without a trailing slash */
    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort + "/" + contextRoot;
    }

    /** @return the HTTP port on 127.0.0.1 */
    public int httpPort() {
        return httpPort;
    }

    /** @return the JAVA_HOME the server runs on */
    public Path javaHome() {
        return javaHome;
    }

    /** @return the pid of the server JVM */
    public long pid() {
        return process.pid();
    }

    /** @return the run directory, kept after close for post-mortems */
    public Path base() {
        return base;
    }

    /** @return the console log so far (Payara Micro logs everything there) */
    public String logText() {
        return logs.text();
    }

    /** Stops the server: SIGTERM (Payara's shutdown hook undeploys the WAR), then a kill after 30 s. */
    @Override
    public void close() {
        process.stop(STOP_GRACE);
    }

    private static List<String> command(Path javaHome, Path jar, Path base, Path war, String contextRoot, int port,
            Map<String, String> systemProperties) {
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString(),
                "-Xmx768m",
                "-Djava.io.tmpdir=" + base.resolve("tmp"),
                "-Djava.net.preferIPv4Stack=true"));
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString(),
                "--deploy", war.toString(),
                "--contextroot", contextRoot,
                "--port", Integer.toString(port),
                "--nohazelcast",
                "--disablephonehome",
                "--rootdir", base.resolve("root").toString(),
                "--unpackdir", base.resolve("runtime").toString(),
                "--prebootcommandfile", base.resolve("preboot.asadmin").toString(),
                "--logproperties", base.resolve("logging.properties").toString()));
        return command;
    }

    private void awaitReady() {
        Deadline deadline = Deadline.in(START_TIMEOUT);
        while (!READY.matcher(logs.text()).find()) {
            if (!process.isAlive()) {
                throw new ContainerException(name + " exited during start-up" + logs.tail());
            }
            if (deadline.expired()) {
                throw new ContainerException(name + ": not ready within " + deadline.budget() + logs.tail());
            }
            deadline.pause();
        }
        // A WAR whose deployment failed (a listener threw) is logged and left out; Payara is ready all the same.
        // The deployment summary just before the ready line lists what was deployed.
        if (!logs.text().contains("\"Context Root\": \"/" + contextRoot + "\"")) {
            throw new ContainerException(name + ": ready without /" + contextRoot + " deployed" + logs.tail());
        }
    }
}
