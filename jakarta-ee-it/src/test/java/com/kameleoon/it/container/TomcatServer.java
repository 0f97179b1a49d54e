package com.kameleoon.it.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real Tomcat from an unpacked distribution, in its own JVM on a fresh CATALINA_BASE, listening on free
 * 127.0.0.1 ports (HTTP and JMX). Applications are deployed and undeployed through context descriptors, the way
 * an operator does it, and the test sees them through HTTP, JMX and the logs.
 *
 * <p>Not thread-safe: one test drives one server. Every method that waits is bounded and throws
 * {@link ContainerException} with the log tail when the bound passes.
 */
public final class TomcatServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration ASYNC_LOG_SETTLE = Duration.ofMillis(500);
    private static final String CONSOLE_LOG = "console.log";
    /** Lines Tomcat logs (on the console handler too) when a context it was asked to deploy did not start. */
    private static final List<String> DEPLOY_FAILURES = List.of(
            "One or more listeners failed to start",
            "One or more Filters failed to start",
            "startup failed due to previous errors",
            "Error deploying deployment descriptor");

    private final String name;
    private final CatalinaBase base;
    private final int httpPort;
    private final ProcessTree process;
    private final LogFiles logs;
    private ContainerJmx jmx;

    private TomcatServer(String name, CatalinaBase base, int httpPort, ProcessTree process) {
        this.name = name;
        this.base = base;
        this.httpPort = httpPort;
        this.process = process;
        // catalina.<date>.log and localhost.<date>.log hold what JULI wrote (the latter: listener stack traces);
        // console.log holds stdout/stderr, including anything written before logging was configured.
        this.logs = new LogFiles(base.logs(), file ->
                file.equals(CONSOLE_LOG) || file.startsWith("catalina.") || file.startsWith("localhost."));
    }

    /**
     * Lays out a new CATALINA_BASE under {@code kameleoon.it.work}, launches Tomcat and waits until its HTTP port
     * accepts connections and its JMX agent answers.
     *
     * @param catalinaHome     the unpacked distribution (CATALINA_HOME)
     * @param name             a label for the base directory and thread names, such as {@code tomcat11}
     * @param systemProperties extra {@code -D} properties for the container JVM
     * @return the running server; close it
     */
    public static TomcatServer start(Path catalinaHome, String name, Map<String, String> systemProperties) {
        return start(catalinaHome, name, 0, systemProperties);
    }

    /**
     * Starts a Tomcat whose connector listens on a given port (a sample on 8080, a cluster node restarted on its
     * old port).
     *
     * @param catalinaHome the unpacked distribution
     * @param name a name for the run directory and messages
     * @param port the 127.0.0.1 HTTP port, or 0 for a free one
     * @param systemProperties for the container's JVM
     * @return the started server
     */
    public static TomcatServer start(Path catalinaHome, String name, int port, Map<String, String> systemProperties) {
        Path home = catalinaHome.toAbsolutePath();
        int httpPort = port > 0 ? port : FreePorts.allocate();
        int jmxPort = FreePorts.allocate();
        CatalinaBase base = CatalinaBase.create(home, ItPaths.newWorkDirectory(name), httpPort);
        Process launched;
        try {
            launched = new ProcessBuilder(TomcatCommand.of(home, base, jmxPort, systemProperties))
                    .directory(base.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(base.logs().resolve(CONSOLE_LOG).toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch Tomcat from " + home, e);
        }
        TomcatServer server = new TomcatServer(name, base, httpPort, new ProcessTree(launched, name));
        try {
            server.awaitPort();
            server.jmx = ContainerJmx.connect(jmxPort, START_TIMEOUT);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * Deploys a WAR as context {@code contextName} through a context descriptor, and returns once the context
     * has started.
     *
     * @param contextName       the descriptor's base name ({@code it} serves {@code /it})
     * @param war               the WAR, used in place (not copied)
     * @param contextParameters context parameters set in the descriptor; they win over the WAR's web.xml
     * @throws ContainerException if the context fails to start (a listener or filter threw) or does not start in
     *                            time, with the log tail; the descriptor stays, so {@link #redeploy} or
     *                            {@link #undeploy} clears it
     */
    public void deploy(String contextName, Path war, Map<String, String> contextParameters) {
        deploy(contextName, war, contextParameters, Map.of());
    }

    /**
     * Deploys a WAR whose users log in with HTTP BASIC authentication against users of its own: the context gets a
     * {@code MemoryRealm} with these users and a {@code BasicAuthenticator}, so the WAR's security constraints (its
     * own or added by a fragment) are enforced without a {@code login-config} in its web.xml.
     *
     * @param contextName       the descriptor's base name
     * @param war               the WAR, used in place
     * @param contextParameters context parameters set in the descriptor
     * @param users             user name to {@code password} and comma-separated roles, as {@code password:role1,role2}
     *                          (no roles after the colon for a user without any)
     * @throws ContainerException as {@link #deploy(String, Path, Map)}
     */
    public void deploy(String contextName, Path war, Map<String, String> contextParameters, Map<String, String> users) {
        String elements = "";
        if (!users.isEmpty()) {
            StringBuilder file = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tomcat-users>\n");
            users.forEach((user, passwordAndRoles) -> {
                String[] parts = passwordAndRoles.split(":", 2);
                file.append("  <user username=\"").append(ContextDescriptor.escape(user)).append("\" password=\"")
                        .append(ContextDescriptor.escape(parts[0])).append("\" roles=\"")
                        .append(ContextDescriptor.escape(parts.length > 1 ? parts[1] : "")).append("\"/>\n");
            });
            Path usersFile = base.root().resolve("conf").resolve(contextName + "-users.xml");
            writeAtomically(usersFile, file.append("</tomcat-users>\n").toString());
            elements = "  <Realm className=\"org.apache.catalina.realm.MemoryRealm\" pathname=\""
                    + ContextDescriptor.escape(usersFile.toAbsolutePath().toString()) + "\"/>\n"
                    + "  <Valve className=\"org.apache.catalina.authenticator.BasicAuthenticator\"/>\n";
        }
        deployDescriptor(contextName, war, ContextDescriptor.of(war, contextParameters, elements));
    }

    private void deployDescriptor(String contextName, Path war, String descriptorXml) {
        Path descriptor = base.descriptor(contextName);
        if (Files.exists(descriptor)) {
            throw new IllegalStateException("context " + contextName + " is already deployed; use redeploy");
        }
        long consoleOffset = logs.size(CONSOLE_LOG);
        writeAtomically(descriptor, descriptorXml);
        Deadline deadline = Deadline.in(DEPLOY_TIMEOUT);
        while (true) {
            Optional<String> state = jmx.webModuleState(contextName);
            if (state.equals(Optional.of("STARTED"))) {
                return;
            }
            // A context whose start failed is stopped by Tomcat right away, so STOPPED here means FAILED.
            String failure = state.filter(s -> s.equals("FAILED") || s.equals("STOPPED"))
                    .map(s -> "context " + contextName + " is " + s)
                    .orElseGet(() -> deployFailure(logs.textSince(CONSOLE_LOG, consoleOffset)));
            if (failure != null) {
                awaitAsyncLogs();
                throw new ContainerException(name + ": deploying " + war + " failed (" + failure + ")" + logs.tail());
            }
            if (!process.isAlive()) {
                throw new ContainerException(name + " exited while deploying " + contextName + logs.tail());
            }
            if (deadline.expired()) {
                throw new ContainerException(name + ": context " + contextName + " not started within "
                        + deadline.budget() + " (state " + state.orElse("unregistered") + ")" + logs.tail());
            }
            deadline.pause();
        }
    }

    /**
     * Removes the context's descriptor and returns once Tomcat has unregistered the context, so that its class
     * loader is released as far as Tomcat is concerned.
     *
     * @param contextName the name given to {@link #deploy}
     */
    public void undeploy(String contextName) {
        try {
            Files.deleteIfExists(base.descriptor(contextName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Deadline deadline = Deadline.in(DEPLOY_TIMEOUT);
        while (jmx.webModuleState(contextName).isPresent()) {
            if (deadline.expired()) {
                throw new ContainerException(name + ": context " + contextName + " still registered "
                        + deadline.budget() + " after its descriptor was removed" + logs.tail());
            }
            deadline.pause();
        }
    }

    /**
     * {@link #undeploy} then {@link #deploy}: a full stop and start of the context with a new class loader.
     *
     * @param contextName       the context to replace
     * @param war               the WAR to deploy in its place
     * @param contextParameters its context parameters
     */
    public void redeploy(String contextName, Path war, Map<String, String> contextParameters) {
        undeploy(contextName);
        deploy(contextName, war, contextParameters);
    }

    /**
     * @param contextName a context name
     * @return {@code http://127.0.0.1:<port>/<path>}, without a trailing slash
     */
    public String baseUrl(String contextName) {
        return "http://127.0.0.1:" + httpPort + TomcatContexts.path(contextName);
    }

    /** @return the HTTP port on 127.0.0.1 */
    public int httpPort() {
        return httpPort;
    }

    /** @return the JMX connection to this server's JVM; owned by the server, closed with it */
    public ContainerJmx jmx() {
        return jmx;
    }

    /** @return the pid of the Tomcat JVM */
    public long pid() {
        return process.pid();
    }

    /** @return CATALINA_BASE of this run, kept after close for post-mortems */
    public Path base() {
        return base.root();
    }

    /**
     * @return the catalina, localhost and console logs so far, each headed by its file name; the file logs are
     *         written asynchronously, so a line logged a moment ago may only be in the console part yet
     */
    public String logText() {
        return logs.text();
    }

    /**
     * Kills Tomcat as {@code kill -9} would: nothing is stopped or flushed, as in a crash. {@link #close()} is
     * then a no-op.
     */
    public void killHard() {
        if (jmx != null) {
            jmx.close();
            jmx = null;
        }
        process.killNow();
    }

    /** Stops Tomcat: SIGTERM (its shutdown hook stops every context), then a kill after 30 s. */
    @Override
    public void close() {
        if (jmx != null) {
            jmx.close();
            jmx = null;
        }
        process.stop(STOP_GRACE);
    }

    private void awaitPort() {
        Deadline deadline = Deadline.in(START_TIMEOUT);
        while (!accepts(httpPort)) {
            if (!process.isAlive()) {
                throw new ContainerException(name + " exited during start-up" + logs.tail());
            }
            if (deadline.expired()) {
                throw new ContainerException(name + ": HTTP port " + httpPort + " not open within "
                        + deadline.budget() + logs.tail());
            }
            deadline.pause();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(FreePorts.LOOPBACK, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /*
     * The cause of a failed start (the listener's stack trace) goes only to localhost.<date>.log, which JULI
     * writes from a background queue; give it a moment so the exception message carries the cause.
     */
    private static void awaitAsyncLogs() {
        Deadline settle = Deadline.in(ASYNC_LOG_SETTLE);
        while (!settle.expired()) {
            settle.pause();
        }
    }

    private static String deployFailure(String newConsoleText) {
        return DEPLOY_FAILURES.stream().filter(newConsoleText::contains).findFirst().orElse(null);
    }

    /* Tomcat scans the descriptor directory every second; it must never see a half-written file. */
    private void writeAtomically(Path target, String content) {
        try {
            Path temporary = Files.createTempFile(base.temp(), "descriptor-", ".tmp");
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
