package com.kameleoon.jakarta;

import com.kameleoon.jakarta.internal.JakartaSettings;
import com.kameleoon.jakarta.internal.KameleoonRuntime;
import com.kameleoon.logging.KameleoonLogger;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.EnumSet;

/**
 * The web application's Kameleoon lifecycle, declared by the jar's {@code web-fragment.xml}. At deployment it
 * builds the client from the configuration sources (a missing or bad setting fails the deployment with a
 * message naming the key) and maps {@link KameleoonFilter} to {@code kameleoon.filter_url_patterns} (unless
 * {@code kameleoon.filter_enabled} is false or {@code web.xml} maps it). At undeploy it closes everything:
 * pending tracking is delivered within a bound, then threads and pool stop.
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
