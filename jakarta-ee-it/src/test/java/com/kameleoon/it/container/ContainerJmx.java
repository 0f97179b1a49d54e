package com.kameleoon.it.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A JMX connection to a container JVM started with remote JMX on 127.0.0.1 (no authentication, no SSL), for
 * tests that look inside it: live threads, a heap class histogram (to count leaked class loaders after
 * redeploys) and the state of a Tomcat web module. Not thread-safe; close it when done.
 */
public final class ContainerJmx implements AutoCloseable {
    /** A histogram row: {@code    1:   12345   678901  java.lang.String (java.base@17)}. */
    private static final Pattern HISTOGRAM_ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+(\\S+)");
    private static final int GC_ROUNDS = 3;

    private final JMXConnector connector;
    private final MBeanServerConnection connection;

    private ContainerJmx(JMXConnector connector) throws IOException {
        this.connector = connector;
        this.connection = connector.getMBeanServerConnection();
    }

    /**
     * Connects, retrying while the agent is not listening yet.
     *
     * @param port    the {@code com.sun.management.jmxremote.port} of the container JVM
     * @param timeout how long to keep trying
     * @return an open connection
     */
    public static ContainerJmx connect(int port, Duration timeout) {
        JMXServiceURL url;
        try {
            url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Deadline deadline = Deadline.in(timeout);
        IOException last;
        do {
            try {
                return new ContainerJmx(JMXConnectorFactory.connect(url));
            } catch (IOException e) {
                last = e;
            }
            deadline.pause();
        } while (!deadline.expired());
        throw new ContainerException("no JMX agent at " + url + " within " + timeout, last);
    }

    /** @return the number of live threads in the container JVM */
    public int liveThreadCount() {
        return threads().getThreadCount();
    }

    /** @return the names of the live threads in the container JVM */
    public List<String> threadNames() {
        ThreadMXBean threads = threads();
        return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                .filter(Objects::nonNull) // a thread that ended between the two calls
                .map(ThreadInfo::getThreadName)
                .collect(Collectors.toList());
    }

    /**
     * Asks the container JVM for a full collection a few times, so that objects held only through soft
     * references or finalizable chains from the first round are gone by the last.
     */
    public void gc() {
        MemoryMXBean memory = proxy(ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        for (int i = 0; i < GC_ROUNDS; i++) {
            memory.gc();
        }
    }

    /**
     * Takes a class histogram of the heap (which itself runs a full collection first).
     *
     * @return instance count by class name; a class loaded by several class loaders (a leaked web application)
     *         counts the instances of all its copies
     */
    public Map<String, Long> classHistogram() {
        String text;
        try {
            text = (String) connection.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException("gcClassHistogram failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Long> counts = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher row = HISTOGRAM_ROW.matcher(line);
            if (row.find()) {
                counts.merge(row.group(2), Long.parseLong(row.group(1)), Long::sum);
            }
        }
        return counts;
    }

    /**
     * @param contextName the context's name as in its descriptor file name ({@code it}, or {@code a#b} for
     *                    {@code /a/b})
     * @return the Tomcat lifecycle state name ({@code STARTED}, {@code STOPPED}, ...), empty when the web module is
     *         not registered (never deployed, or undeployed)
     */
    public Optional<String> webModuleState(String contextName) {
        try {
            return Optional.of((String) connection.getAttribute(webModule(contextName), "stateName"));
        } catch (InstanceNotFoundException e) {
            return Optional.empty();
        } catch (JMException e) {
            throw new IllegalStateException("cannot read the state of context " + contextName, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the raw connection, for anything this class does not offer */
    public MBeanServerConnection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException e) {
            // The container may already be gone; nothing is left to release on this side.
        }
    }

    private static ObjectName webModule(String contextName) throws JMException {
        String path = TomcatContexts.path(contextName);
        return new ObjectName("Catalina:j2eeType=WebModule,name=//localhost" + (path.isEmpty() ? "/" : path)
                + ",J2EEApplication=none,J2EEServer=none");
    }

    private ThreadMXBean threads() {
        return proxy(ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
    }

    private <T> T proxy(String name, Class<T> type) {
        try {
            return ManagementFactory.newPlatformMXBeanProxy(connection, name, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
