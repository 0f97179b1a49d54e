package com.kameleoon.sample.cluster;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shared secret between the shop nodes' relays and the collector, as the launchers hand it out: drawn at
 * random for each start and passed as context parameters (which Tomcat keeps in the context descriptor and never
 * logs), never as {@code -D} flags (which Tomcat logs at start and the process list shows). The SDK's relay cannot
 * add a header, so the secret goes into the Data API URL as a path segment. Thread-safe (stateless).
 */
public final class CollectorSecret {
    private static final SecureRandom RANDOM = new SecureRandom();

    private CollectorSecret() {
    }

    /** @return 32 random bytes, URL-safe Base64 without padding (it becomes a path segment) */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * @param collectorUrl the collector's web application, {@code http://127.0.0.1:8090}, without a trailing slash
     * @param secret the shared secret
     * @return the context parameters of a shop whose relay posts to that collector with the secret, and whose own
     *         collector takes the same secret
     */
    public static Map<String, String> parameters(String collectorUrl, String secret) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("kameleoon.data_api_url", collectorUrl + "/collector/" + secret);
        parameters.put("sample.collector_secret", secret);
        return parameters;
    }
}
