package com.kameleoon.jakarta.internal;

import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.KameleoonClientFactory;
import com.kameleoon.KameleoonComponents;
import com.kameleoon.exceptions.ConfigException;
import com.kameleoon.integration.KameleoonJmx;
import com.kameleoon.integration.KameleoonRequests;
import com.kameleoon.integration.VisitorUnit;
import com.kameleoon.jakarta.KameleoonServletClient;
import com.kameleoon.logging.KameleoonLogger;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Everything Kameleoon keeps for one web application: the settings, the client, its request integration, and the
 * optional JDBC backend. Built once per application (at deployment), closed at undeploy:
 * pending tracking is delivered within the client's bound, then every thread and the pool stop, and JDBC drivers
 * that the application's class loader registered are deregistered. Thread-safe.
 */
public final class KameleoonRuntime implements AutoCloseable {
    /** The servlet-context attribute that holds the runtime. */
    public static final String ATTRIBUTE = KameleoonRuntime.class.getName();
    /** The servlet-context attribute of programmatic settings ({@code Map<String, String>}). */
    public static final String SETTINGS_ATTRIBUTE = "com.kameleoon.jakarta.settings";
    /** The servlet-context attribute of a {@link DataSource} handed over in code. */
    public static final String DATA_SOURCE_ATTRIBUTE = "com.kameleoon.jakarta.dataSource";

    private final JakartaSettings settings;
    private final KameleoonClient client;
    private final KameleoonRequests requests;
    private final ServletClient servletClient;
    private final JdbcBackend backend;
    private final VisitorCodeResolver resolver;
    /** The client's MBean, unregistered at undeploy; null when the MBean server refused it. */
    private final KameleoonJmx.Registration jmx;

    private KameleoonRuntime(JakartaSettings settings, KameleoonClient client, JdbcBackend backend) {
        this.settings = settings;
        this.client = client;
        this.requests = KameleoonRequests.of(client);
        this.servletClient = new ServletClient(client);
        this.backend = backend;
        this.resolver = new VisitorCodeResolver(requests, settings.consent(), settings.userAgentData());
        this.jmx = registerMBean(client);
    }

    /** Publishes the client's status and counters over JMX; a refusal is logged, never fails the deployment. */
    private static KameleoonJmx.Registration registerMBean(KameleoonClient client) {
        try {
            return KameleoonJmx.register(client);
        } catch (RuntimeException e) {
            KameleoonLogger.warning("the Kameleoon MBean is not registered: " + e);
            return null;
        }
    }

    /**
     * Returns the application's runtime, building it on first use from the application's settings.
     *
     * @param context the web application
     * @return the runtime
     * @throws ConfigException naming the key when a setting is missing or invalid
     */
    public static KameleoonRuntime of(ServletContext context) {
        synchronized (context) {
            Object existing = context.getAttribute(ATTRIBUTE);
            if (existing instanceof KameleoonRuntime) {
                return (KameleoonRuntime) existing;
            }
            KameleoonRuntime runtime = start(context);
            context.setAttribute(ATTRIBUTE, runtime);
            return runtime;
        }
    }

    /**
     * @param context the web application
     * @return its runtime, or null when none was built
     */
    public static KameleoonRuntime find(ServletContext context) {
        Object existing = context.getAttribute(ATTRIBUTE);
        return existing instanceof KameleoonRuntime ? (KameleoonRuntime) existing : null;
    }

    @SuppressWarnings("unchecked")
    private static KameleoonRuntime start(ServletContext context) {
        Object programmatic = context.getAttribute(SETTINGS_ATTRIBUTE);
        Object given = context.getAttribute(DATA_SOURCE_ATTRIBUTE);
        DataSource dataSource = given instanceof DataSource ? (DataSource) given : null;
        JakartaSettings settings = JakartaSettings.parse(SettingSources.of(
                programmatic instanceof Map ? (Map<String, String>) programmatic : Map.of(), context).collect(),
                dataSource != null);
        ClasspathDataFile dataFile = settings.dataFileResource() == null ? null
                : ClasspathDataFile.extract(settings.dataFileResource());
        JdbcBackend backend = null;
        try {
            Map<String, String> clientSettings = new LinkedHashMap<>(settings.clientSettings());
            if (dataFile != null) {
                clientSettings.put("data_file", dataFile.path().toString());
            }
            KameleoonClientConfig config = KameleoonClientConfig.fromProperties(clientSettings);
            backend = settings.jdbc() == null ? null : JdbcBackend.open(settings.jdbc(), dataSource,
                    settings.siteCode(), config.getSessionDurationMinute());
            KameleoonComponents components = (backend != null ? backend.components() : KameleoonComponents.defaults())
                    .withUnitSettings(settings.unitSettings());
            KameleoonClient client = KameleoonClientFactory.build(settings.siteCode(), config, components);
            KameleoonLogger.info("Kameleoon started for site " + settings.siteCode() + " in "
                    + context.getContextPath() + " (" + (backend != null ? "JDBC" : "in-memory") + " store)");
            return new KameleoonRuntime(settings, client, backend);
        } catch (RuntimeException e) {
            if (backend != null) {
                backend.close();
            }
            throw e;
        } finally {
            if (dataFile != null) {
                dataFile.delete();
            }
        }
    }

    /**
     * Starts a request: resolves its visitor, writes the cookie and opens its unit of work.
     *
     * @param request the request
     * @param response its response
     * @return the request's unit, to end when the request ends
     */
    public RequestUnit beginRequest(HttpServletRequest request, HttpServletResponse response) {
        RequestBinding binding = resolver.resolve(request, response);
        VisitorUnit unit = requests.open(binding.visitorCode(), binding.facts());
        request.setAttribute(com.kameleoon.jakarta.KameleoonVisitor.class.getName(),
                new RequestVisitor(client, binding, unit));
        return new RequestUnit(unit);
    }

    /** @return the settings */
    public JakartaSettings settings() {
        return settings;
    }

    /** @return the container-owned client */
    public KameleoonServletClient client() {
        return servletClient;
    }

    /** @return the client that does the work */
    public KameleoonClient coreClient() {
        return client;
    }

    /** @return the client's request integration (units of work, cookie rules, unit counters) */
    public KameleoonRequests requests() {
        return requests;
    }

    @Override
    public void close() {
        try {
            if (jmx != null) {
                jmx.close();
            }
            client.close();
        } finally {
            if (backend != null) {
                backend.close();
                JdbcDrivers.deregisterLoadedBy(KameleoonRuntime.class.getClassLoader());
            }
        }
    }
}
