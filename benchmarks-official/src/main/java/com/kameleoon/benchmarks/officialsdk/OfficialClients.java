package com.kameleoon.benchmarks.officialsdk;

import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.KameleoonClientFactory;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;
import java.util.concurrent.TimeUnit;

/**
 * Starts an official SDK client on a datafile served by {@link LocalKameleoonServer}: the site code is the
 * datafile's name; the JVM must have been started with the script's {@code -Djdk.net.hosts.file} and trust store.
 * Stateless.
 */
public final class OfficialClients {
    private OfficialClients() {
    }

    /**
     * @return the configuration, built before any clock starts (credentials are placeholders: version 4.5.0
     *     refuses to build without them, and uses them only for the Data API, which these programs never call)
     * @throws Exception when the configuration is refused
     */
    public static KameleoonClientConfig config() throws Exception {
        // Its errors about condition types it does not know are expected here, and counted by the comparison instead.
        KameleoonLogger.setLogLevel(LogLevel.NONE);
        return new KameleoonClientConfig.Builder().clientId("benchmark").clientSecret("benchmark").build();
    }

    /**
     * @param siteCode the datafile's name
     * @param config from {@link #config()}
     * @return the client, once {@code waitInit()} completed
     * @throws Exception when the client does not become ready within 60 s
     */
    public static KameleoonClient startReady(String siteCode, KameleoonClientConfig config) throws Exception {
        KameleoonClient client = KameleoonClientFactory.create(siteCode, config);
        client.waitInit().get(60, TimeUnit.SECONDS);
        return client;
    }
}
