package com.kameleoon.jakarta;

import com.kameleoon.exceptions.ConfigException;
import com.kameleoon.jakarta.internal.HealthServlet;
import com.kameleoon.jakarta.internal.HealthServletSettings;
import com.kameleoon.jakarta.internal.JakartaSettings;
import com.kameleoon.jakarta.internal.KameleoonRuntime;
import com.kameleoon.logging.KameleoonLogger;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import java.util.EnumSet;
import java.util.Set;

/**
 * The web application's Kameleoon lifecycle, declared by the jar's {@code web-fragment.xml}. At deployment it
 * builds the client from the configuration sources (a missing or bad setting fails the deployment with a
 * message naming the key) and maps {@link KameleoonFilter} to {@code kameleoon.filter_url_patterns} (unless
 * {@code kameleoon.filter_enabled} is false or {@code web.xml} maps it), and registers the JSON health servlet at
 * {@code kameleoon.health_servlet_path} when {@code kameleoon.health_servlet_enabled} is true. At undeploy it
 * closes everything: pending tracking is delivered within a bound, then threads and pool stop.
 */
public class KameleoonListener implements ServletContextListener {
    /** The filter's name in {@code web-fragment.xml}. */
    public static final String FILTER_NAME = "KameleoonFilter";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        KameleoonRuntime runtime = KameleoonRuntime.of(context);
        context.setAttribute(KameleoonServletClient.class.getName(), runtime.client());
        JakartaSettings settings = runtime.settings();
        try {
            registerHealthServlet(context, settings.healthServlet());
        } catch (RuntimeException e) {
            contextDestroyed(event);
            throw e;
        }
        mapFilter(context, settings);
    }

    private static void registerHealthServlet(ServletContext context, HealthServletSettings health) {
        if (!health.enabled()) {
            return;
        }
        ServletRegistration.Dynamic servlet = context.addServlet(HealthServletSettings.SERVLET_NAME,
                HealthServlet.class);
        if (servlet == null) {
            throw new ConfigException("health_servlet_enabled: a servlet named " + HealthServletSettings.SERVLET_NAME
                    + " already exists in " + context.getContextPath());
        }
        Set<String> conflicts = servlet.addMapping(health.path());
        if (!conflicts.isEmpty()) {
            throw new ConfigException("health_servlet_path: " + health.path() + " is already mapped to another "
                    + "servlet in " + context.getContextPath());
        }
        KameleoonLogger.info("Kameleoon health servlet at " + context.getContextPath() + health.path());
    }

    private static void mapFilter(ServletContext context, JakartaSettings settings) {
        FilterRegistration filter = context.getFilterRegistration(FILTER_NAME);
        if (filter == null || !settings.filterEnabled()) {
            KameleoonLogger.info("KameleoonFilter is off in " + context.getContextPath());
            return;
        }
        if (filter.getUrlPatternMappings().isEmpty() && filter.getServletNameMappings().isEmpty()) {
            filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false,
                    settings.filterUrlPatterns().toArray(new String[0]));
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        KameleoonRuntime runtime = KameleoonRuntime.find(context);
        if (runtime != null) {
            context.removeAttribute(KameleoonRuntime.ATTRIBUTE);
            context.removeAttribute(KameleoonServletClient.class.getName());
            runtime.close();
        }
    }
}
