package com.kameleoon.microprofile.health;

import static com.kameleoon.testkit.TestFlag.flag;

import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.testkit.KameleoonTestServer;
import com.kameleoon.testkit.TestDataFile;

/** The site the readiness tests serve from a testkit backend: one flag, every Kameleoon URL on the backend. */
final class TestSite {
    static final String CODE = "health-site";
    static final String FLAG = "new_checkout";

    private TestSite() {
    }

    /** Publishes the site's datafile on the backend. */
    static void publish(KameleoonTestServer server) {
        server.setDataFile(CODE, TestDataFile.of(flag(FLAG).serve("on").forAllVisitors()));
    }

    /**
     * @param server the backend
     * @param timeoutMillis the client's request timeout
     * @return a configuration that fetches from and delivers to the backend
     */
    static KameleoonClientConfig config(KameleoonTestServer server, int timeoutMillis) {
        return KameleoonClientConfig.builder().clientId("health-client").clientSecret("health-secret-never-shown")
                .sdkConfigUrl(server.baseUri()).eventsUrl(server.baseUri()).accessTokenUrl(server.baseUri())
                .dataApiUrl(server.baseUri()).topLevelDomain("example.com").defaultTimeoutMillisecond(timeoutMillis)
                .build();
    }
}
