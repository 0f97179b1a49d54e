package com.kameleoon.benchmarks.sidebyside;

import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.KameleoonClientFactory;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * One cold start of this project, the first thing a fresh JVM does: {@code OurStartup file <fixtures directory>
 * <datafile>} reads the local datafile ({@code data_file}, offline); {@code OurStartup https <datafile>} fetches it
 * from {@code https://sdk-config.kameleoon.eu/<datafile>} as the official SDK must, that is from the run's
 * {@code LocalKameleoonServer} on 127.0.0.1 (same hosts file and trust store as the official side). Prints
 * {@code startup <datafile> <µs>} from {@code KameleoonClientFactory.create} to {@code waitInit()} completing; the
 * configuration object is built before the clock starts. The credentials over HTTPS are placeholders, as on the
 * official side (without a data file this project requires them).
 */
public final class OurStartup {
    private OurStartup() {
    }

    /**
     * @param args see the class comment
     * @throws Exception when the client does not become ready
     */
    public static void main(String[] args) throws Exception {
        boolean https = args[0].equals("https");
        String name = https ? args[1] : args[2];
        KameleoonClientConfig config = https
                ? KameleoonClientConfig.builder().clientId("benchmark").clientSecret("benchmark")
                        .sdkConfigUrl(URI.create("https://sdk-config.kameleoon.eu"))
                        .topLevelDomain("example.com").build()
                : KameleoonClientConfig.builder().dataFile(Path.of(args[1], name + ".json"))
                        .topLevelDomain("example.com").build();
        long start = System.nanoTime();
        KameleoonClient client = KameleoonClientFactory.create(name, config);
        boolean ready = client.waitInit().get(60, TimeUnit.SECONDS);
        long elapsed = System.nanoTime() - start;
        if (!ready) {
            throw new IllegalStateException("waitInit completed with false");
        }
        System.out.println("startup\t" + name + "\t" + elapsed / 1_000);
        System.exit(0);
    }
}
