package com.kameleoon.it.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * A real WildFly from an unpacked distribution, started through its own {@code bin/standalone.sh} on a copy of
 * {@code standalone/} and a port offset whose ports are all free on 127.0.0.1. Applications are deployed the way
 * an operator drops them in: into the deployment scanner's directory, then watched through its marker files.
 *
 * <p>Not thread-safe: one test drives one server. Every method that waits is bounded and throws
 * {@link ContainerException} with the log tail when the bound passes.
 */
public final class WildFlyServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** Every port standalone.xml shifts by the offset: AJP, HTTP, HTTPS, management, transactions. */
    private static final int[] BASE_PORTS = {8009, 8080, 8443, 9990, 9993, 4712, 4713};
    private static final int MAX_OFFSET = 20_000;
    private static final String CONSOLE_LOG = "console.log";

    private final String name;
    private final Path base;
    private final int portOffset;
    private final ProcessTree process;
    private final LogFiles serverLog;
    private final LogFiles allLogs;

    private WildFlyServer(String name, Path base, int portOffset, ProcessTree process) {
        this.name = name;
        this.base = base;
        this.portOffset = portOffset;
        this.process = process;
        this.serverLog = new LogFiles(base.resolve("log"), file -> file.equals("server.log"));
        this.allLogs = new LogFiles(base.resolve("log"), file -> file.equals("server.log") || file.equals(CONSOLE_LOG));
    }

    /** The server configuration WildFly starts with by default. */
    public static final String DEFAULT_CONFIG = "standalone.xml";

    /**
     * Copies {@code standalone/} to a new directory under {@code kameleoon.it.work}, starts WildFly on it with
     * {@value #DEFAULT_CONFIG} and waits until its HTTP port answers.
     *
     * @param wildflyHome      the unpacked distribution (JBOSS_HOME)
     * @param name             a label for the base directory, such as {@code wildfly}
     * @param systemProperties extra {@code -D} properties for the server JVM
     * @return the running server; close it
     */
    public static WildFlyServer start(Path wildflyHome, String name, Map<String, String> systemProperties) {
        return start(wildflyHome, name, DEFAULT_CONFIG, systemProperties);
    }

    /**
     * Like {@link #start(Path, String, Map)}, with another server configuration of the distribution.
     *
     * @param wildflyHome      the unpacked distribution (JBOSS_HOME)
     * @param name             a label for the base directory, such as {@code wildfly-microprofile}
     * @param serverConfig     a file of {@code standalone/configuration}, such as
     *                         {@code standalone-microprofile.xml} (MicroProfile Config, Health, ...)
     * @param systemProperties extra {@code -D} properties for the server JVM
     * @return the running server; close it
     */
    public static WildFlyServer start(Path wildflyHome, String name, String serverConfig,
            Map<String, String> systemProperties) {
        Path home = wildflyHome.toAbsolutePath();
        Path base = ItPaths.newWorkDirectory(name);
        int offset = freeOffset();
        try {
            TreeCopy.copy(home.resolve("standalone"), base);
            Files.createDirectories(base.resolve("log"));
            Path config = base.resolve("configuration").resolve(serverConfig);
            if (!Files.isRegularFile(config)) {
                throw new IllegalArgumentException("no server configuration " + serverConfig + " in " + home);
            }
            quickenDeploymentScanner(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare WildFly base " + base, e);
        }
        ProcessBuilder builder = new ProcessBuilder(command(home, base, offset, serverConfig, systemProperties))
                .directory(base.toFile())
                .redirectErrorStream(true)
                .redirectOutput(base.resolve("log").resolve(CONSOLE_LOG).toFile());
        Map<String, String> environment = builder.environment();
        // No JAVA_OPTS: setting it would replace standalone.conf's defaults (heap, IPv4, jboss.modules.system.pkgs).
        environment.remove("JAVA_OPTS");
        environment.remove("JBOSS_HOME");
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        // Foreground mode: the script exits with its JVM. In background mode it loops forever on "wait" once the
        // JVM has exited with 143 (SIGTERM), so close() would always end in a kill.
        environment.remove("LAUNCH_JBOSS_IN_BACKGROUND");
        Process launched;
        try {
            launched = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch " + home.resolve("bin/standalone.sh"), e);
        }
        WildFlyServer server = new WildFlyServer(name, base, offset, new ProcessTree(launched, name));
        try {
            server.awaitHttp();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * Drops a WAR into the deployment scanner's directory and returns once WildFly has deployed it.
     *
     * @param deploymentName the deployment's name without {@code .war}; it is also the context path
     * @param war            the WAR, copied
     * @throws ContainerException if WildFly marks the deployment failed, or does not decide in time, with the
     *                            failure description and the server.log tail; the WAR and its {@code .failed}
     *                            marker stay in place for a look afterwards (the run's base is kept), so deploy a
     *                            fixed WAR under another name
     */
    public void deploy(String deploymentName, Path war) {
        Path deployments = base.resolve("deployments");
        Path target = deployments.resolve(deploymentName + ".war");
        if (Files.exists(target)) {
            throw new IllegalStateException(deploymentName + " is already deployed; undeploy it first");
        }
        Path deployed = marker(deploymentName, "deployed");
        Path failed = marker(deploymentName, "failed");
        try {
            Files.deleteIfExists(failed);
            Files.deleteIfExists(marker(deploymentName, "undeployed"));
            // Copied outside the scanned directory first, so the scanner never picks up half a WAR.
            Path upload = Files.createTempFile(base.resolve("tmp"), deploymentName + "-", ".upload");
            Files.copy(war, upload, StandardCopyOption.REPLACE_EXISTING);
            Files.move(upload, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + war + " to " + target, e);
        }
        Deadline deadline = Deadline.in(DEPLOY_TIMEOUT);
        while (!Files.exists(deployed)) {
            if (Files.exists(failed)) {
                throw new ContainerException(name + ": deploying " + war + " failed: " + read(failed)
                        + serverLog.tail());
            }
            checkRunning(deadline, "deploying " + deploymentName);
            deadline.pause();
        }
    }

    /**
     * Asks the scanner to undeploy (by removing the {@code .deployed} marker), waits for it, then removes the WAR.
     *
     * @param deploymentName the name given to {@link #deploy}
     */
    public void undeploy(String deploymentName) {
        Path undeployed = marker(deploymentName, "undeployed");
        try {
            Files.deleteIfExists(marker(deploymentName, "deployed"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Deadline deadline = Deadline.in(DEPLOY_TIMEOUT);
        while (!Files.exists(undeployed)) {
            checkRunning(deadline, "undeploying " + deploymentName);
            deadline.pause();
        }
        try {
            Files.deleteIfExists(base.resolve("deployments").resolve(deploymentName + ".war"));
            Files.deleteIfExists(undeployed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param deploymentName a deployment name
     * @return {@code http://127.0.0.1:<port>/<deploymentName>}, without a trailing slash
     */
    public String baseUrl(String deploymentName) {
        return "http://127.0.0.1:" + httpPort() + "/" + deploymentName;
    }

    /** @return the HTTP port on 127.0.0.1 (8080 plus the offset) */
    public int httpPort() {
        return 8080 + portOffset;
    }

    /** @return the management port on 127.0.0.1 (9990 plus the offset) */
    public int managementPort() {
        return 9990 + portOffset;
    }

    /** @return the pid of the launch script; the server JVM is its child */
    public long pid() {
        return process.pid();
    }

    /** @return the server base directory of this run, kept after close for post-mortems */
    public Path base() {
        return base;
    }

    /** @return server.log so far */
    public String logText() {
        return serverLog.text();
    }

    /** Stops the server JVM (SIGTERM, so WildFly undeploys cleanly) and its launch script; kills after 30 s. */
    @Override
    public void close() {
        process.stop(STOP_GRACE);
    }

    private static List<String> command(Path home, Path base, int offset, String serverConfig,
            Map<String, String> systemProperties) {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base,
                "--server-config=" + serverConfig,
                "-b", "127.0.0.1",
                "-bmanagement", "127.0.0.1",
                "-Djboss.socket.binding.port-offset=" + offset));
        // Server arguments, not JAVA_OPTS: WildFly sets them as system properties before any deployment starts.
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        return command;
    }

    private static int freeOffset() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int offset = ThreadLocalRandom.current().nextInt(1, MAX_OFFSET);
            if (IntStream.of(BASE_PORTS).allMatch(port -> FreePorts.isFree(port + offset))) {
                return offset;
            }
        }
        throw new ContainerException("no port offset with all WildFly ports free on 127.0.0.1");
    }

    /* The scanner looks every 5 s by default; every deploy would wait for it. */
    private static void quickenDeploymentScanner(Path standaloneXml) throws IOException {
        String xml = Files.readString(standaloneXml, StandardCharsets.UTF_8);
        Files.writeString(standaloneXml, xml.replace("scan-interval=\"5000\"", "scan-interval=\"500\""),
                StandardCharsets.UTF_8);
    }

    private void awaitHttp() {
        Deadline deadline = Deadline.in(START_TIMEOUT);
        while (!answers()) {
            checkRunning(deadline, "starting");
            deadline.pause();
        }
    }

    private boolean answers() {
        try {
            Http.get("http://127.0.0.1:" + httpPort() + "/");
            return true;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    private void checkRunning(Deadline deadline, String doing) {
        if (!process.isAlive()) {
            throw new ContainerException(name + " exited while " + doing + allLogs.tail());
        }
        if (deadline.expired()) {
            throw new ContainerException(name + ": still " + doing + " after " + deadline.budget() + allLogs.tail());
        }
    }

    private Path marker(String deploymentName, String state) {
        return base.resolve("deployments").resolve(deploymentName + ".war." + state);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(marker unreadable: " + e + ")";
        }
    }
}
