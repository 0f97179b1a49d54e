package com.kameleoon.jakarta.internal;

import com.kameleoon.config.ConfigValueParser;
import java.util.Map;

/**
 * The JSON health servlet, for containers without MicroProfile Health: off unless {@code health_servlet_enabled}
 * is true, then mapped to {@code health_servlet_path}. Immutable.
 *
 * @param enabled whether the listener registers the servlet ({@code health_servlet_enabled}, default false)
 * @param path its exact URL path inside the application ({@code health_servlet_path}, default
 *        {@value #DEFAULT_PATH})
 */
public record HealthServletSettings(boolean enabled, String path) {
    /** Where the servlet answers when no path is configured. */
    public static final String DEFAULT_PATH = "/kameleoon/health";

    /** The servlet's name in the application. */
    public static final String SERVLET_NAME = "KameleoonHealthServlet";

    static HealthServletSettings of(Map<JakartaSettings.Key, String> own) {
        boolean enabled = JakartaSettings.bool(own, JakartaSettings.Key.HEALTH_SERVLET_ENABLED, false);
        String path = own.getOrDefault(JakartaSettings.Key.HEALTH_SERVLET_PATH, DEFAULT_PATH);
        if (!path.startsWith("/") || path.contains("*") || path.chars().anyMatch(Character::isWhitespace)) {
            throw ConfigValueParser.invalid(JakartaSettings.Key.HEALTH_SERVLET_PATH.canonical, path,
                    "an exact path starting with / and without * or spaces, such as " + DEFAULT_PATH);
        }
        return new HealthServletSettings(enabled, path);
    }
}
