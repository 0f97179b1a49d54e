package com.kameleoon.sample.cluster;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What a {@code start} leaves for a later {@code stop}: the database and, for the collector and each node, its
 * pid, port and CATALINA_BASE. Stored as a properties file ({@code collector.pid=…}, {@code node.0.port=…}).
 * Immutable.
 *
 * @param database the shared database's name
 * @param collector the collector's Tomcat
 * @param nodes the shop nodes' Tomcats, in node order
 */
public record ClusterState(String database, Member collector, List<Member> nodes) {
    /**
     * One Tomcat of the cluster.
     *
     * @param pid its JVM
     * @param port its HTTP port on 127.0.0.1
     * @param base its CATALINA_BASE (logs under {@code logs/})
     */
    public record Member(long pid, int port, Path base) {
    }

    /** Copies the list. */
    public ClusterState {
        nodes = List.copyOf(nodes);
    }

    /** @return the collector first, then the nodes */
    public List<Member> members() {
        List<Member> all = new ArrayList<>();
        all.add(collector);
        all.addAll(nodes);
        return all;
    }

    /**
     * Writes the file atomically.
     *
     * @param file where
     */
    public void save(Path file) {
        Properties properties = new Properties();
        properties.setProperty("database", database);
        put(properties, "collector", collector);
        properties.setProperty("nodes", Integer.toString(nodes.size()));
        for (int i = 0; i < nodes.size(); i++) {
            put(properties, "node." + i, nodes.get(i));
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, "cluster-", ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, "kameleoon sample cluster: SampleCluster stop (cluster/stop.sh) reads it");
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * @param file a file written by {@link #save}
     * @return its state
     */
    public static ClusterState load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<Member> nodes = new ArrayList<>();
        int count = Integer.parseInt(properties.getProperty("nodes", "0"));
        for (int i = 0; i < count; i++) {
            nodes.add(get(properties, "node." + i));
        }
        return new ClusterState(properties.getProperty("database"), get(properties, "collector"), nodes);
    }

    private static void put(Properties properties, String prefix, Member member) {
        properties.setProperty(prefix + ".pid", Long.toString(member.pid()));
        properties.setProperty(prefix + ".port", Integer.toString(member.port()));
        properties.setProperty(prefix + ".base", member.base().toString());
    }

    private static Member get(Properties properties, String prefix) {
        return new Member(Long.parseLong(properties.getProperty(prefix + ".pid")),
                Integer.parseInt(properties.getProperty(prefix + ".port")),
                Path.of(properties.getProperty(prefix + ".base")));
    }
}
