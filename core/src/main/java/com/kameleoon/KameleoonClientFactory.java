package com.kameleoon;

import com.kameleoon.exceptions.SiteCodeIsEmpty;
import com.kameleoon.internal.ClientDependencies;
import com.kameleoon.internal.DefaultKameleoonClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates clients and keeps one per site code, so that every part of an application shares the same client
 * (and its visitors, threads and connections). Thread-safe.
 */
public final class KameleoonClientFactory {
    private static final Map<String, KameleoonClient> CLIENTS = new ConcurrentHashMap<>();

    private KameleoonClientFactory() {
    }

    /**
     * Returns the client of a site code, creating it with this configuration when there is none yet.
     *
     * @param siteCode the site code from the Kameleoon app
     * @param config the configuration (ignored when a client for the site code exists)
     * @return the client
     * @throws SiteCodeIsEmpty when the site code is null or blank
     */
    public static KameleoonClient create(String siteCode, KameleoonClientConfig config) {
        if (siteCode == null || siteCode.isBlank()) {
            throw new SiteCodeIsEmpty("Provided siteCode is empty");
        }
        Objects.requireNonNull(config, "config");
        return CLIENTS.computeIfAbsent(siteCode, code -> new DefaultKameleoonClient(code, config));
    }

    /**
     * Returns the client of a site code, creating it with this configuration and these components (a visitor
     * repository and its outbox, a datafile cache, a clock) when there is none yet.
     *
     * @param siteCode the site code from the Kameleoon app
     * @param config the configuration (ignored when a client for the site code exists)
     * @param components where visitors and tracking are stored (ignored when a client for the site code exists)
     * @return the client
     * @throws SiteCodeIsEmpty when the site code is null or blank
     */
    public static KameleoonClient create(String siteCode, KameleoonClientConfig config,
            KameleoonComponents components) {
        if (siteCode == null || siteCode.isBlank()) {
            throw new SiteCodeIsEmpty("Provided siteCode is empty");
        }
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(components, "components");
        return CLIENTS.computeIfAbsent(siteCode,
                code -> new DefaultKameleoonClient(code, config, ClientDependencies.of(components)));
    }

    /**
     * Builds a client that is not kept per site code: its owner closes it (a web application that has its own
     * client per deployment, a test).
     *
     * @param siteCode the site code
     * @param config the configuration
     * @param components where visitors and tracking are stored
     * @return a new client
     * @throws SiteCodeIsEmpty when the site code is null or blank
     */
    public static KameleoonClient build(String siteCode, KameleoonClientConfig config, KameleoonComponents components) {
        if (siteCode == null || siteCode.isBlank()) {
            throw new SiteCodeIsEmpty("Provided siteCode is empty");
        }
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(components, "components");
        return new DefaultKameleoonClient(siteCode, config, ClientDependencies.of(components));
    }

    /**
     * Returns the client of a site code, creating it from a configuration file when there is none yet.
     *
     * @param siteCode the site code
     * @param configFile a {@code .properties}, {@code .yaml} or {@code .yml} file
     * @return the client
     * @throws com.kameleoon.exceptions.ConfigFileNotFound when the file cannot be read
     */
    public static KameleoonClient create(String siteCode, Path configFile) {
        if (siteCode == null || siteCode.isBlank()) {
            throw new SiteCodeIsEmpty("Provided siteCode is empty");
        }
        KameleoonClient existing = CLIENTS.get(siteCode);
        return existing != null ? existing : create(siteCode, KameleoonClientConfig.fromFile(configFile));
    }

    /**
     * Closes and forgets the client of a site code; the next {@code create} builds a new one.
     *
     * @param siteCode the site code
     */
    public static void forget(String siteCode) {
        if (siteCode == null) {
            return;
        }
        KameleoonClient client = CLIENTS.remove(siteCode);
        if (client != null) {
            client.close();
        }
    }
}
