package com.kameleoon;

import com.kameleoon.exceptions.SiteCodeIsEmpty;
import com.kameleoon.internal.ClientDependencies;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.internal.OfficialSdkDetector;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Creates clients and keeps one per site code, so that every part of an application shares the same client
 * (and its visitors, threads and connections), until it is closed: a closed client is forgotten, and the next
 * {@code create} for its site code builds a new one. Thread-safe.
 */
public final class KameleoonClientFactory {
    private static final Map<String, DefaultKameleoonClient> CLIENTS = new ConcurrentHashMap<>();

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
        return kept(siteCode, () -> new DefaultKameleoonClient(siteCode, config));
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
        return kept(siteCode, () -> new DefaultKameleoonClient(siteCode, config, ClientDependencies.of(components)));
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
        OfficialSdkDetector.checkOnce();
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

    /*
     * The kept client of a site code, or a new one. A closed client unregisters itself (see whenClosed), so a
     * later create builds a fresh client instead of handing out one whose relay and updater are gone; the removal
     * names the instance, so that a newer client of the same site code is never removed by an old one's close.
     */
    private static KameleoonClient kept(String siteCode, Supplier<DefaultKameleoonClient> newClient) {
        OfficialSdkDetector.checkOnce();
        return CLIENTS.compute(siteCode, (code, existing) -> {
            if (existing != null && !existing.isClosed()) {
                return existing;
            }
            DefaultKameleoonClient created = newClient.get();
            created.whenClosed(() -> CLIENTS.remove(code, created));
            return created;
        });
    }

    /**
     * Closes and forgets the client of a site code; the next {@code create} builds a new one. Closing a client
     * with {@link KameleoonClient#close()} forgets it too.
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

    /**
     * The official SDK's form of {@link #create(String, Path)}: the configuration file as a path string, and
     * {@link KameleoonClientConfig#DEFAULT_CONFIG_PATH} when it is null.
     *
     * @param siteCode the site code
     * @param configPath a {@code .properties}, {@code .yaml} or {@code .yml} file, or null for the default path
     * @return the client
     * @throws com.kameleoon.exceptions.ConfigFileNotFound when the file cannot be read
     */
    public static KameleoonClient create(String siteCode, String configPath) {
        return create(siteCode, Path.of(configPath == null ? KameleoonClientConfig.DEFAULT_CONFIG_PATH : configPath));
    }

    /**
     * The official SDK's form of {@link #forget(String)}, which keys clients by site code and environment. Here
     * there is one client per site code, so the environment is not needed: the site code's client is forgotten.
     *
     * @param siteCode the site code
     * @param environment the client's environment (not needed here)
     */
    public static void forget(String siteCode, String environment) {
        forget(siteCode);
    }
}
