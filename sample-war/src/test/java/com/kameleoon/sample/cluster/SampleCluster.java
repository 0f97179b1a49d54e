package com.kameleoon.sample.cluster;

import com.kameleoon.it.container.FreePorts;
import com.kameleoon.it.container.TomcatServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample shop as a two-node cluster on 127.0.0.1: a collector Tomcat (the same WAR standing in for the
 * Kameleoon Data API, default port 8090) and shop nodes (default 8081 and 8082), each a real Tomcat 11 in its own
 * JVM, all on one PostgreSQL database ({@link ClusterDatabase}, created if missing): Kameleoon's visitor store and
 * tracking outbox are shared by the nodes, and every node's relay posts to the collector, which stores the lines
 * in the same database.
 *
 * <p>The collector runs with {@code kameleoon.filter_enabled=false} (it serves no shop pages) and its own site
 * code {@value #COLLECTOR_SITE_CODE}, so that its own Kameleoon relay never drains the shop's outbox: only the
 * shop nodes deliver the shop's tracking, as in production.
 *
 * <p>The collector only takes tracking from the nodes: a {@link CollectorSecret} drawn at start is given to every
 * member as a context parameter, and the nodes' relays post to {@code <collector>/collector/<secret>}.
 *
 * <p>In a test: {@link #start}, {@link #nodeUrl}, {@link #killHard} (kill -9), {@link #restart} (same port, WAR
 * redeployed), {@link #close}. From a script ({@code sample-war/cluster/start.sh}, {@code stop.sh}):
 * {@code SampleCluster start} starts the cluster, writes a {@link ClusterState} file, prints the URLs and exits
 * leaving the Tomcats running; {@code SampleCluster stop [--drop-database]} stops what the file lists.
 *
 * <p>Not thread-safe: one thread drives the cluster (the HTTP load may run on others). Every wait is bounded.
 */
public final class SampleCluster implements AutoCloseable {
    /** The collector's port when the script is given none. */
    public static final int DEFAULT_COLLECTOR_PORT = 8090;
    /** The nodes' ports when the script is given none. */
    public static final List<Integer> DEFAULT_NODE_PORTS = List.of(8081, 8082);
    /** The database the scripts use when given none; kept by {@code stop} unless {@code --drop-database}. */
    public static final String DEFAULT_DATABASE = "kameleoon_sample_cluster";
    /** The collector's Kameleoon site code, distinct from the shop's ({@code sampleshop}). */
    public static final String COLLECTOR_SITE_CODE = "sampleshop-collector";
    /** The WAR's context: the shop answers at {@code /}. */
    static final String CONTEXT = "ROOT";
    private static final Duration PORT_RELEASE = Duration.ofSeconds(30);

    /**
     * What to start.
     *
     * @param tomcatHome the unpacked Tomcat 11 (CATALINA_HOME)
     * @param war the sample WAR
     * @param database the shared database, created if missing
     * @param collectorPort the collector's port, 0 for a free one
     * @param nodePorts the nodes' ports, 0 for a free one; one node per entry
     * @param parameters extra context parameters for the shop nodes ({@code kameleoon.*}, {@code sample.*})
     */
    public record Settings(Path tomcatHome, Path war, ClusterDatabase database, int collectorPort,
            List<Integer> nodePorts, Map<String, String> parameters) {
        /** Copies the collections. */
        public Settings {
            nodePorts = List.copyOf(nodePorts);
            parameters = Map.copyOf(parameters);
        }

        /**
         * Free ports everywhere, the Tomcat and WAR that failsafe names ({@code kameleoon.it.tomcat11},
         * {@code kameleoon.sample.war}).
         *
         * @param database the shared database
         * @param nodes how many shop nodes
         * @return the settings of a test cluster
         */
        public static Settings forTest(ClusterDatabase database, int nodes) {
            return new Settings(existing("kameleoon.it.tomcat11"), existing("kameleoon.sample.war"), database, 0,
                    java.util.Collections.nCopies(nodes, 0), Map.of());
        }
    }

    private final Settings settings;
    private final String collectorSecret = CollectorSecret.generate();
    private final boolean createdDatabase;
    private final int collectorPort;
    private final int[] nodePorts;
    private final TomcatServer[] nodes;
    private TomcatServer collector;

    private SampleCluster(Settings settings, boolean createdDatabase) {
        this.settings = settings;
        this.createdDatabase = createdDatabase;
        this.collectorPort = settings.collectorPort() > 0 ? settings.collectorPort() : FreePorts.allocate();
        this.nodePorts = settings.nodePorts().stream().mapToInt(port -> port > 0 ? port : FreePorts.allocate())
                .toArray();
        this.nodes = new TomcatServer[nodePorts.length];
    }

    /**
     * Creates the database if missing, starts the collector, then each node, and returns once every context
     * has started.
     *
     * @param settings what to start
     * @return the running cluster; close it
     * @throws IllegalStateException when a port is taken
     */
    public static SampleCluster start(Settings settings) {
        boolean created = settings.database().createIfMissing();
        SampleCluster cluster = new SampleCluster(settings, created);
        List<Integer> ports = new ArrayList<>();
        ports.add(cluster.collectorPort);
        Arrays.stream(cluster.nodePorts).forEach(ports::add);
        for (int port : ports) {
            if (!FreePorts.isFree(port)) {
                throw new IllegalStateException("port " + port + " on 127.0.0.1 is taken (a cluster still running? "
                        + "cluster/stop.sh stops it)");
            }
        }
        try {
            cluster.collector = TomcatServer.start(settings.tomcatHome(), "cluster-collector", cluster.collectorPort,
                    Map.of());
            cluster.collector.deploy(CONTEXT, settings.war(), cluster.collectorParameters());
            for (int i = 0; i < cluster.nodes.length; i++) {
                cluster.startNode(i);
            }
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** @return how many shop nodes */
    public int nodeCount() {
        return nodes.length;
    }

    /**
     * @param index 0-based
     * @return the node's Tomcat
     * @throws IllegalStateException when it was killed and not restarted
     */
    public TomcatServer node(int index) {
        TomcatServer node = nodes[index];
        if (node == null) {
            throw new IllegalStateException("node " + index + " is down");
        }
        return node;
    }

    /**
     * @param index 0-based
     * @return the shop's URL on that node, {@code http://127.0.0.1:<port>}, without a trailing slash; stable
     *         across restarts
     */
    public String nodeUrl(int index) {
        return "http://127.0.0.1:" + nodePorts[index];
    }

    /** @return the collector's URL, {@code http://127.0.0.1:<port>} (its pages: {@code /collector/stats}) */
    public String collectorUrl() {
        return "http://127.0.0.1:" + collectorPort;
    }

    /** @return the collector's Tomcat */
    public TomcatServer collector() {
        return collector;
    }

    /** @return the shared database */
    public ClusterDatabase database() {
        return settings.database();
    }

    /** @return whether {@link #start} created the database (it did not exist) */
    public boolean createdDatabase() {
        return createdDatabase;
    }

    /**
     * Kills a node as {@code kill -9} would: no context is stopped, no tracking flushed, its outbox claims stay
     * leased until they expire.
     *
     * @param index 0-based
     */
    public void killHard(int index) {
        node(index).killHard();
        nodes[index] = null;
    }

    /**
     * Starts a node again on its port (a new CATALINA_BASE) and deploys the WAR; stops it first if it runs.
     *
     * @param index 0-based
     */
    public void restart(int index) {
        if (nodes[index] != null) {
            nodes[index].close();
            nodes[index] = null;
        }
        awaitFree(nodePorts[index]);
        startNode(index);
    }

    /** @return pids, ports and bases of the running members, for a later {@code stop} */
    public ClusterState state() {
        List<ClusterState.Member> members = new ArrayList<>();
        for (int i = 0; i < nodes.length; i++) {
            members.add(member(node(i)));
        }
        return new ClusterState(settings.database().name(), member(collector), members);
    }

    /** Stops the nodes (SIGTERM, then kill after 30 s), then the collector. The database is kept. */
    @Override
    public void close() {
        for (int i = 0; i < nodes.length; i++) {
            if (nodes[i] != null) {
                nodes[i].close();
                nodes[i] = null;
            }
        }
        if (collector != null) {
            collector.close();
            collector = null;
        }
    }

    private void startNode(int index) {
        TomcatServer node = TomcatServer.start(settings.tomcatHome(), "cluster-node" + index, nodePorts[index],
                Map.of());
        try {
            node.deploy(CONTEXT, settings.war(), nodeParameters());
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        nodes[index] = node;
    }

    /** @return the context parameters of a shop node */
    Map<String, String> nodeParameters() {
        Map<String, String> parameters = new LinkedHashMap<>(databaseParameters());
        parameters.putAll(CollectorSecret.parameters(collectorUrl(), collectorSecret));
        parameters.putAll(settings.parameters());
        return parameters;
    }

    /** @return the context parameters of the collector */
    Map<String, String> collectorParameters() {
        Map<String, String> parameters = new LinkedHashMap<>(databaseParameters());
        parameters.put("kameleoon.site_code", COLLECTOR_SITE_CODE);
        parameters.put("kameleoon.filter_enabled", "false");
        parameters.putAll(CollectorSecret.parameters(collectorUrl(), collectorSecret));
        return parameters;
    }

    /**
     * @param settings what to start
     * @return the cluster as it would start, without starting anything (for tests of its parameters)
     */
    static SampleCluster unstarted(Settings settings) {
        return new SampleCluster(settings, false);
    }

    /* Context parameters rather than -D flags: the password then stays out of the process list. */
    private Map<String, String> databaseParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("sample.jdbc_url", settings.database().jdbcUrl());
        parameters.put("sample.jdbc_username", settings.database().user());
        if (!settings.database().password().isEmpty()) {
            parameters.put("sample.jdbc_password", settings.database().password());
        }
        return parameters;
    }

    private static ClusterState.Member member(TomcatServer server) {
        return new ClusterState.Member(server.pid(), server.httpPort(), server.base());
    }

    /*
     * After a kill -9 the kernel closes the listening socket at once, but the node's connections linger in TIME_WAIT,
     * so FreePorts.isFree (no SO_REUSEADDR) would say "taken" for a minute. Tomcat binds with SO_REUSEADDR (the
     * JDK's default for a server socket channel), so try exactly that.
     */
    private static void awaitFree(int port) {
        long end = System.nanoTime() + PORT_RELEASE.toNanos();
        while (!bindable(port)) {
            if (System.nanoTime() - end > 0) {
                throw new IllegalStateException("port " + port + " still taken " + PORT_RELEASE + " after the node"
                        + " stopped");
            }
            sleep(100);
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocketChannel channel = ServerSocketChannel.open()) {
            channel.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static Path existing(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank() || !Files.exists(Path.of(value))) {
            throw new IllegalStateException("system property " + property + " must name an existing path (got "
                    + value + "); run through failsafe or sample-war/cluster/start.sh, which set it");
        }
        return Path.of(value).toAbsolutePath();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
