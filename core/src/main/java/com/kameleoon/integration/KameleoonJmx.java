package com.kameleoon.integration;

import com.kameleoon.KameleoonClient;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.logging.KameleoonLogger;
import java.lang.management.ManagementFactory;
import java.util.Objects;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Publishes a client's status and counters over JMX as a {@link KameleoonClientMXBean} named
 * {@code com.kameleoon:type=Client,site=<siteCode>} (with {@code ,instance=<n>} added when another client of the
 * same site code is registered already). The bean is unregistered when the client closes, or earlier by closing the
 * returned registration, so an undeployed application leaves nothing in the server's MBean server. Registration is
 * explicit: the Jakarta module does it when the web application starts, an application that creates its own
 * client calls {@link #register(KameleoonClient)}. Thread-safe.
 *
 * <pre>{@code
 * KameleoonJmx.Registration jmx = KameleoonJmx.register(client);   // unregistered by client.close() too
 * }</pre>
 */
public final class KameleoonJmx {
    /** The domain of the beans' names. */
    public static final String DOMAIN = "com.kameleoon";

    private KameleoonJmx() {
    }

    /**
     * Registers the client's bean in the platform MBean server.
     *
     * @param client a client made by {@code KameleoonClientFactory}
     * @return the registration, to unregister before the client closes
     * @throws IllegalArgumentException when the client was not made by this SDK
     * @throws IllegalStateException when the MBean server refuses the bean
     */
    public static Registration register(KameleoonClient client) {
        return register(client, ManagementFactory.getPlatformMBeanServer());
    }

    /**
     * Registers the client's bean in an MBean server.
     *
     * @param client a client made by {@code KameleoonClientFactory}
     * @param server the MBean server
     * @return the registration
     * @throws IllegalArgumentException when the client was not made by this SDK
     * @throws IllegalStateException when the MBean server refuses the bean
     */
    public static Registration register(KameleoonClient client, MBeanServer server) {
        Objects.requireNonNull(server, "server");
        KameleoonMonitor monitor = KameleoonMonitor.of(client);
        ClientMXBeanView bean = new ClientMXBeanView(monitor);
        for (int instance = 1; ; instance++) {
            ObjectName name = nameOf(monitor.siteCode(), instance);
            try {
                server.registerMBean(bean, name);
                Registration registration = new Registration(server, name);
                ((DefaultKameleoonClient) client).whenClosed(registration::close);
                return registration;
            } catch (InstanceAlreadyExistsException taken) {
                // another client of the same site code: try the next instance number
            } catch (JMException e) {
                throw new IllegalStateException("the MBean of site " + monitor.siteCode() + " was refused: " + e, e);
            }
        }
    }

    /**
     * @param siteCode a site code
     * @param instance 1 for the first client of the site code, 2 for the second registered at the same time...
     * @return the bean's name
     */
    public static ObjectName nameOf(String siteCode, int instance) {
        String site = siteCode.matches("[A-Za-z0-9_.-]+") ? siteCode : ObjectName.quote(siteCode);
        try {
            return new ObjectName(DOMAIN + ":type=Client,site=" + site + (instance > 1 ? ",instance=" + instance : ""));
        } catch (JMException e) {
            throw new IllegalArgumentException("no MBean name for site code " + siteCode, e);
        }
    }

    /** A registered bean; {@link #close()} unregisters it (idempotent). Thread-safe. */
    public static final class Registration implements AutoCloseable {
        private final MBeanServer server;
        private final ObjectName name;

        private Registration(MBeanServer server, ObjectName name) {
            this.server = server;
            this.name = name;
        }

        /** @return the bean's name */
        public ObjectName name() {
            return name;
        }

        /** Unregisters the bean, if still registered. Never throws. */
        @Override
        public synchronized void close() {
            try {
                if (server.isRegistered(name)) {
                    server.unregisterMBean(name);
                }
            } catch (InstanceNotFoundException gone) {
                // unregistered meanwhile
            } catch (JMException | RuntimeException e) {
                KameleoonLogger.warning("could not unregister the MBean " + name + ": " + e);
            }
        }
    }
}
