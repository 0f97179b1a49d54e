package com.kameleoon.benchmarks.sidebyside;

import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.KameleoonClientFactory;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Starts this project's client offline on a fixtures datafile, through the public factory. Stateless. */
public final class OurClients {
    private OurClients() {
    }

    /**
     * @param directory the fixtures directory
     * @param name the datafile's name, also the site code
     * @return the client, once {@code waitInit()} completed with true
     * @throws Exception when the client does not become ready within 60 s
     */
    public static KameleoonClient startReady(Path directory, String name) throws Exception {
        KameleoonLogger.setLogLevel(LogLevel.ERROR);
        KameleoonClientConfig config = KameleoonClientConfig.builder().dataFile(directory.resolve(name + ".json"))
                .topLevelDomain("example.com").build();
        KameleoonClient client = KameleoonClientFactory.create(name, config);
        if (!client.waitInit().get(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("client " + name + " did not become ready");
        }
        return client;
    }
}
