package com.kameleoon.console;

import com.kameleoon.config.ConfigValueParser;
import com.kameleoon.exceptions.ConfigException;
import java.util.function.Function;

/**
 * The console's settings, read from the web application's configuration sources. Immutable.
 *
 * @param enabled whether the console is registered ({@code console_enabled}, default false)
 * @param role the container role a user needs ({@code console_role}, required when enabled)
 * @param path where the console is served, relative to the context ({@code console_path}, default
 *        {@value #DEFAULT_PATH})
 */
record ConsoleSettings(boolean enabled, String role, String path) {
    static final String DEFAULT_PATH = "/kameleoon-console";
    static final ConsoleSettings DISABLED = new ConsoleSettings(false, null, DEFAULT_PATH);

    /**
     * @param setting a key to its value, or null when unset
     * @return the settings
     * @throws ConfigException naming the key when the role is missing or a value is invalid
     */
    static ConsoleSettings read(Function<String, String> setting) {
        String enabledText = setting.apply("console_enabled");
        boolean enabled = enabledText != null && ConfigValueParser.parseBoolean("console_enabled", enabledText);
        if (!enabled) {
            return DISABLED;
        }
        String role = setting.apply("console_role");
        if (role == null || role.isBlank()) {
            throw new ConfigException("console_role is required when console_enabled is true: set the context "
                    + "parameter kameleoon.console_role (or KAMELEOON_CONSOLE_ROLE) to the container role of the "
                    + "operators allowed to use the Kameleoon console");
        }
        if (role.strip().equals("*") || role.strip().equals("**")) {
            throw ConfigValueParser.invalid("console_role", role, "one named role, not a wildcard");
        }
        String path = setting.apply("console_path");
        return new ConsoleSettings(true, role.strip(), path == null ? DEFAULT_PATH : checkPath(path.strip()));
    }

    private static String checkPath(String path) {
        if (!path.startsWith("/") || path.length() < 2 || path.endsWith("/") || path.contains("*")
                || path.contains("//") || !path.chars().allMatch(c -> c > 32 && c < 127 && c != '?' && c != '#'
                        && c != ';' && c != '%' && c != '"' && c != '<' && c != '>' && c != '\\')) {
            throw ConfigValueParser.invalid("console_path", path, "a path such as /kameleoon-console: starting with "
                    + "/, not ending with /, without wildcards or special characters");
        }
        return path;
    }
}
