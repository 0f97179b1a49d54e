package com.kameleoon.sample.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code start} and {@code stop} commands of {@code sample-war/cluster/start.sh} and {@code stop.sh}: a
 * {@link SampleCluster} that outlives this JVM, remembered in a state file between the two.
 */
public final class ClusterCommand {
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private ClusterCommand() {
    }

    /**
     * {@code start}: starts the cluster, writes the state file, prints the URLs and exits (status 0) leaving the
     * Tomcats running; status 2 if the state file names a cluster that still runs. {@code stop
     * [--drop-database]}: stops the Tomcats the state file lists (SIGTERM, then kill after 30 s) and deletes the
     * file. System properties: {@code kameleoon.it.tomcat11}, {@code kameleoon.sample.war} (required for
     * start), {@code kameleoon.it.work} (run directories), {@code sample.cluster.state} (the state file, default
     * {@code target/cluster/cluster.properties}), {@code sample.cluster.collector_port} (8090),
     * {@code sample.cluster.node_ports} (8081,8082), {@code sample.cluster.database}
     * ({@value SampleCluster#DEFAULT_DATABASE}), the {@code kameleoon.test.pg.*} server settings of {@link ClusterDatabase},
     * and any other {@code kameleoon.*} or {@code sample.*} property, passed to the nodes as a context parameter.
     *
     * @param args {@code start} or {@code stop [--drop-database]}
     */
    public static void main(String[] args) {
        Path stateFile = Path.of(System.getProperty("sample.cluster.state", "target/cluster/cluster.properties"))
                .toAbsolutePath();
        String command = args.length > 0 ? args[0] : "";
        int status;
        try {
            status = switch (command) {
                case "start" -> startFromScript(stateFile);
                case "stop" -> stopFromScript(stateFile, Arrays.asList(args).contains("--drop-database"));
                default -> {
                    System.err.println("usage: ClusterCommand start | stop [--drop-database]");
                    yield 64;
                }
            };
        } catch (RuntimeException e) {
            System.err.println("ClusterCommand " + command + " failed: " + e);
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        System.err.flush();
        if (status == 0 && command.equals("start")) {
            /*
             * The container launchers register shutdown hooks that kill their Tomcats when this JVM ends (so that a
             * test never leaves one behind). Here the Tomcats must outlive the launcher: halt skips the hooks.
             */
            Runtime.getRuntime().halt(0);
        }
        System.exit(status);
    }

    private static int startFromScript(Path stateFile) {
        if (Files.exists(stateFile)) {
            ClusterState previous = ClusterState.load(stateFile);
            if (previous.members().stream().anyMatch(ClusterCommand::isRunning)) {
                System.err.println("a cluster is already running (" + stateFile + "); stop it first: "
                        + "sample-war/cluster/stop.sh");
                return 2;
            }
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("sample.debug", "true");
        System.getProperties().forEach((key, value) -> {
            String name = String.valueOf(key);
            boolean launcherOwn = name.startsWith("kameleoon.it.") || name.startsWith("kameleoon.test.")
                    || name.equals("kameleoon.sample.war") || name.startsWith("sample.cluster.");
            if (!launcherOwn && (name.startsWith("kameleoon.") || name.startsWith("sample."))) {
                parameters.put(name, String.valueOf(value));
            }
        });
        List<Integer> nodePorts = Arrays.stream(System.getProperty("sample.cluster.node_ports",
                SampleCluster.DEFAULT_NODE_PORTS.get(0) + "," + SampleCluster.DEFAULT_NODE_PORTS.get(1)).split("[,\\s]+"))
                .filter(port -> !port.isBlank()).map(Integer::valueOf).toList();
        SampleCluster.Settings settings = new SampleCluster.Settings(SampleCluster.existing("kameleoon.it.tomcat11"), SampleCluster.existing("kameleoon.sample.war"),
                ClusterDatabase.named(System.getProperty("sample.cluster.database", SampleCluster.DEFAULT_DATABASE)),
                Integer.getInteger("sample.cluster.collector_port", SampleCluster.DEFAULT_COLLECTOR_PORT), nodePorts, parameters);
        SampleCluster cluster = SampleCluster.start(settings);
        ClusterState state = cluster.state();
        state.save(stateFile);
        System.out.println("Kameleoon sample cluster on " + settings.database() + (cluster.createdDatabase()
                ? " (created)" : ""));
        for (int i = 0; i < cluster.nodeCount(); i++) {
            System.out.println("  node " + i + ":    " + cluster.nodeUrl(i) + "/   (pid " + state.nodes().get(i).pid()
                    + ", logs " + state.nodes().get(i).base().resolve("logs") + ")");
        }
        System.out.println("  collector: " + cluster.collectorUrl() + "/collector/stats   (pid "
                + state.collector().pid() + ")  results: " + cluster.nodeUrl(0) + "/results");
        System.out.println("  state:     " + stateFile + "   stop with sample-war/cluster/stop.sh");
        return 0;
    }

    private static int stopFromScript(Path stateFile, boolean dropDatabase) {
        if (!Files.exists(stateFile)) {
            System.out.println("no cluster state at " + stateFile + ": nothing to stop");
            return 0;
        }
        ClusterState state = ClusterState.load(stateFile);
        int failures = 0;
        List<ClusterState.Member> order = new ArrayList<>(state.nodes());
        order.add(state.collector());
        for (ClusterState.Member member : order) {
            Optional<ProcessHandle> process = tomcatOf(member);
            if (process.isEmpty()) {
                System.out.println("port " + member.port() + ": pid " + member.pid() + " is not running");
                continue;
            }
            boolean stopped = stop(process.get());
            System.out.println("port " + member.port() + ": pid " + member.pid() + (stopped ? " stopped"
                    : " did NOT stop"));
            failures += stopped ? 0 : 1;
        }
        if (failures > 0) {
            return 1;
        }
        try {
            Files.delete(stateFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (dropDatabase) {
            ClusterDatabase.named(state.database()).drop();
            System.out.println("database " + state.database() + " dropped");
        }
        return 0;
    }

    private static boolean isRunning(ClusterState.Member member) {
        return tomcatOf(member).isPresent();
    }

    /* The pid only if it still is that Tomcat: a pid may have been reused by an unrelated process since. */
    private static Optional<ProcessHandle> tomcatOf(ClusterState.Member member) {
        String marker = "-Dcatalina.base=" + member.base();
        return ProcessHandle.of(member.pid()).filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().arguments().map(arguments -> Arrays.asList(arguments).contains(marker))
                        .orElse(handle.info().commandLine().map(line -> line.contains(marker)).orElse(false)));
    }

    private static boolean stop(ProcessHandle process) {
        process.destroy();
        if (awaitExit(process, STOP_GRACE)) {
            return true;
        }
        process.destroyForcibly();
        return awaitExit(process, Duration.ofSeconds(10));
    }

    private static boolean awaitExit(ProcessHandle process, Duration bound) {
        try {
            process.onExit().get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
