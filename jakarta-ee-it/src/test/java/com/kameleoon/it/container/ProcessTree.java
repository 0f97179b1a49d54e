package com.kameleoon.it.container;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A launched container process and everything it spawned (WildFly's script starts the JVM as a child; a Maven
 * build that runs Tomcat through Cargo starts Tomcat's). Stops them all, politely first, within a bound; a JVM
 * shutdown hook stops them too if the test JVM ends without calling {@link #stop}, so no container outlives the
 * build. Thread-safe.
 */
public final class ProcessTree {
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final Process process;
    private final Thread shutdownHook;

    /**
     * @param process a launched process; its tree is stopped by {@link #stop} or, failing that, at JVM exit
     * @param name    a label for the reaper thread
     */
    public ProcessTree(Process process, String name) {
        this.process = process;
        this.shutdownHook = new Thread(this::kill, "container-reaper-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    long pid() {
        return process.pid();
    }

    /** @return whether the launched process still runs (its descendants may outlive it) */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Sends SIGTERM to the descendants, waits up to {@code grace} for them, then does the same for the process
     * itself; kills whatever is left after that.
     *
     * @param grace how long a graceful shutdown may take
     * @return whether everything ended gracefully
     */
    public synchronized boolean stop(Duration grace) {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or about to; stopping here as well is harmless.
        }
        // Snapshot first: once the parent dies its children are re-parented and no longer its descendants.
        List<ProcessHandle> children = process.descendants().collect(Collectors.toList());
        List<ProcessHandle> tree = new ArrayList<>(children);
        tree.add(process.toHandle());
        // Children first: a launch script (WildFly's) then simply ends with its JVM instead of having to relay a
        // signal, which its background mode turns into a busy loop when the JVM exits with status 143.
        children.forEach(ProcessHandle::destroy);
        boolean graceful = awaitExit(children, grace);
        process.destroy();
        graceful &= awaitExit(List.of(process.toHandle()), KILL_WAIT);
        if (!graceful) {
            tree.forEach(ProcessHandle::destroyForcibly);
            awaitExit(tree, KILL_WAIT);
        }
        return graceful;
    }

    private void kill() {
        all().forEach(ProcessHandle::destroyForcibly);
    }

    /** Kills the whole tree at once (SIGKILL: no shutdown hook runs) and waits until it is gone. */
    synchronized void killNow() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Nothing to remove.
        }
        List<ProcessHandle> tree = all();
        tree.forEach(ProcessHandle::destroyForcibly);
        awaitExit(tree, KILL_WAIT);
    }

    private List<ProcessHandle> all() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().collect(Collectors.toList()));
        tree.add(process.toHandle());
        return tree;
    }

    private static boolean awaitExit(List<ProcessHandle> tree, Duration bound) {
        long end = System.nanoTime() + bound.toNanos();
        for (ProcessHandle handle : tree) {
            long left = end - System.nanoTime();
            try {
                handle.onExit().get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                return false;
            } catch (java.util.concurrent.ExecutionException e) {
                // onExit never completes exceptionally; treat it as gone.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
