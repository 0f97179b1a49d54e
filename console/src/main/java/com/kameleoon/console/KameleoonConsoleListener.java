package com.kameleoon.console;

import com.kameleoon.jakarta.KameleoonJakarta;
import com.kameleoon.logging.KameleoonLogger;
import jakarta.servlet.HttpConstraintElement;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletSecurityElement;
import jakarta.servlet.annotation.ServletSecurity.TransportGuarantee;
import java.util.Set;

/**
 * Registers the admin console when the application enables it, declared by the jar's {@code web-fragment.xml}
 * (after the Kameleoon fragment). Settings, from the same sources as the client's: {@code console_enabled}
 * (default false: nothing is registered), {@code console_role} (required when enabled: the container role of the
 * operators; a missing role fails the deployment with a message naming the key) and {@code console_path} (default
 * {@code /kameleoon-console}). The servlet is registered with a security constraint for that role, so the container
 * authenticates users (with the application's {@code login-config}) before the console sees a request.
 */
public class KameleoonConsoleListener implements ServletContextListener {
    /** The console servlet's name. */
    public static final String SERVLET_NAME = "KameleoonConsole";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        ConsoleSettings settings = ConsoleSettings.read(key -> KameleoonJakarta.setting(context, key));
        if (!settings.enabled()) {
            return;
        }
        ServletRegistration.Dynamic servlet = context.addServlet(SERVLET_NAME,
                new ConsoleServlet(settings.role(), settings.path()));
        if (servlet == null) {
            throw new IllegalStateException("a servlet named " + SERVLET_NAME + " already exists in "
                    + context.getContextPath() + ": the Kameleoon console cannot be registered");
        }
        Set<String> taken = servlet.addMapping(settings.path(), settings.path() + "/*");
        if (!taken.isEmpty()) {
            throw new IllegalStateException("console_path " + settings.path() + " is already mapped in "
                    + context.getContextPath() + " (" + taken + "): choose another console_path");
        }
        context.declareRoles(settings.role());
        Set<String> constrained = servlet.setServletSecurity(new ServletSecurityElement(
                new HttpConstraintElement(TransportGuarantee.NONE, settings.role())));
        if (!constrained.isEmpty()) {
            KameleoonLogger.warning("the security constraints of web.xml apply to " + constrained
                    + " instead of the console's: the console still refuses users without the role "
                    + settings.role());
        }
        KameleoonLogger.info("Kameleoon console at " + context.getContextPath() + settings.path()
                + " for the role " + settings.role());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        // Nothing to release: the servlet goes with the context.
    }
}
