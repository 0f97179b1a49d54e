package com.kameleoon.it;

import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.internal.ClientDependencies;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.testkit.KameleoonTestServer;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Clients wired to a test server: every Kameleoon base URL points at it. */
final class TestClients {
    static final String CLIENT_ID = "it-client";
    static final String CLIENT_SECRET = "it-secret-value-never-logged";

    private TestClients() {
    }

    static KameleoonClientConfig.Builder online(KameleoonTestServer server) {
        return KameleoonClientConfig.builder().clientId(CLIENT_ID).clientSecret(CLIENT_SECRET)
                .sdkConfigUrl(server.baseUri()).eventsUrl(server.baseUri()).accessTokenUrl(server.baseUri())
                .dataApiUrl(server.baseUri()).topLevelDomain("example.com").defaultTimeoutMillisecond(2_000);
    }

    static DefaultKameleoonClient client(String siteCode, KameleoonClientConfig config) {
        return client(siteCode, config, dependencies());
    }

    static DefaultKameleoonClient client(String siteCode, KameleoonClientConfig config,
            ClientDependencies dependencies) {
        return new DefaultKameleoonClient(siteCode, config, dependencies);
    }

    /** @return the defaults, but 100 ms between tracking attempts rather than 5 s */
    static ClientDependencies dependencies() {
        return ClientDependencies.defaults().withRetryDelayMillis(100);
    }

    static Path resource(String name) {
        try {
            return Path.of(TestClients.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
