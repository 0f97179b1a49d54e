package com.kameleoon.jakarta;

import com.kameleoon.config.ConfigKeys;
import com.kameleoon.jakarta.internal.KameleoonRuntime;
import com.kameleoon.integration.KameleoonMonitor;
import com.kameleoon.jakarta.internal.SettingSources;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Kameleoon without CDI: the application's client and the request's visitor, and the programmatic settings
 * (the first of the configuration sources). Programmatic settings must be given before the client is built,
 * from a {@code ServletContainerInitializer} or a listener declared in {@code web.xml} (those run before the
 * fragment's {@link KameleoonListener}).
 */
public final class KameleoonJakarta {
    private KameleoonJakarta() {
    }

    /**
     * Returns the web application's client, built from its settings on first use.
     *
     * @param context the web application
     * @return the container-owned client
     * @throws com.kameleoon.exceptions.ConfigException naming the key when a setting is missing or invalid
     */
    public static KameleoonServletClient client(ServletContext context) {
        return KameleoonRuntime.of(Objects.requireNonNull(context, "context")).client();
    }

    /**
     * Returns the web application's request integration: counters of the units of work written to the store, the
     * stored state of a visitor (for debugging pages), the tracking outbox's figures.
     *
     * @param context the web application
     * @return its request integration
     */
    public static com.kameleoon.integration.KameleoonRequests requests(ServletContext context) {
        return KameleoonRuntime.of(Objects.requireNonNull(context, "context")).requests();
    }

    /**
     * Returns the monitor of the web application's client when the client is built and not closed, without building
     * it: what health checks and consoles use, since a probe that comes before deployment ends or after undeploy
     * must not start a client.
     *
     * @param context the web application
     * @return its client's monitor, or empty before the client is built and after undeploy
     */
    public static Optional<KameleoonMonitor> monitor(ServletContext context) {
        KameleoonRuntime runtime = KameleoonRuntime.find(Objects.requireNonNull(context, "context"));
        return runtime == null ? Optional.empty() : Optional.of(runtime.requests().monitor());
    }

    /**
     * Returns the visitor that {@link KameleoonFilter} bound to the request.
     *
     * @param request the request
     * @return the request's visitor
     * @throws IllegalStateException when the filter did not run for this request (it is mapped by
     *         {@code kameleoon.filter_url_patterns}, and off when {@code kameleoon.filter_enabled} is false)
     */
    public static KameleoonVisitor visitor(HttpServletRequest request) {
        Object visitor = request.getAttribute(KameleoonVisitor.class.getName());
        if (visitor instanceof KameleoonVisitor) {
            return (KameleoonVisitor) visitor;
        }
        throw new IllegalStateException("KameleoonFilter did not run for " + request.getRequestURI()
                + ": map it to this path (context parameter kameleoon.filter_url_patterns) or use "
                + "KameleoonServletClient.getVisitorCode(request, response)");
    }

    /**
     * Returns one setting of the web application as its configuration sources give it (first source wins, as for
     * the client's own settings), for modules that plug into the application, such as the admin console. The
     * sources are read anew on each call: call it at deployment, not per request.
     *
     * @param context the web application
     * @param key the key, in any spelling ({@code console_enabled}, {@code kameleoon.console.enabled}, …)
     * @return the value, trimmed, or null when no source sets it
     * @throws com.kameleoon.exceptions.ConfigException when a properties file cannot be read
     */
    public static String setting(ServletContext context, String key) {
        Objects.requireNonNull(context, "context");
        Object programmatic = context.getAttribute(KameleoonRuntime.SETTINGS_ATTRIBUTE);
        @SuppressWarnings("unchecked")
        Map<String, String> given = programmatic instanceof Map ? (Map<String, String>) programmatic : Map.of();
        return SettingSources.of(given, context).collect().get(ConfigKeys.normalise(Objects.requireNonNull(key, "key")));
    }

    /**
     * Gives settings in code; they win over every other source. Keys as in the other sources
     * ({@code site_code}, {@code client_id}, {@code jdbc_url}, …).
     *
     * @param context the web application
     * @param settings keys and values
     * @throws IllegalStateException when the client is already built
     */
    public static void configure(ServletContext context, Map<String, String> settings) {
        requireNotStarted(context);
        context.setAttribute(KameleoonRuntime.SETTINGS_ATTRIBUTE, Map.copyOf(new LinkedHashMap<>(settings)));
    }

    /**
     * Keeps visitors and tracking in this database (a DataSource the application manages).
     *
     * @param context the web application
     * @param dataSource the database
     * @throws IllegalStateException when the client is already built
     */
    public static void useDataSource(ServletContext context, DataSource dataSource) {
        requireNotStarted(context);
        context.setAttribute(KameleoonRuntime.DATA_SOURCE_ATTRIBUTE, Objects.requireNonNull(dataSource, "dataSource"));
    }

    private static void requireNotStarted(ServletContext context) {
        if (KameleoonRuntime.find(context) != null) {
            throw new IllegalStateException("the Kameleoon client of " + context.getContextPath()
                    + " is already built: give settings from a ServletContainerInitializer or a web.xml listener");
        }
    }
}
