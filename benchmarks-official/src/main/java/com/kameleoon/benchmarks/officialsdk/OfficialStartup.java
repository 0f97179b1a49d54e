package com.kameleoon.benchmarks.officialsdk;

import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.KameleoonClientFactory;
import java.util.concurrent.TimeUnit;

/**
 * One cold start of the official SDK, the first thing a fresh JVM does: {@code OfficialStartup <datafile>} prints
 * {@code startup <datafile> <µs>}, the time from {@code KameleoonClientFactory.create} to {@code waitInit()}
 * completing (the configuration object is built before the clock starts). The datafile comes over HTTPS from
 * {@link LocalKameleoonServer} on 127.0.0.1, the SDK having no local-file option: the figure includes a TLS
 * handshake on the loopback and the proxy's answer, which this project's side does not pay.
 */
public final class OfficialStartup {
    private OfficialStartup() {
    }

    /**
     * @param args the datafile's name (its site code)
     * @throws Exception when the client does not become ready
     */
    public static void main(String[] args) throws Exception {
        KameleoonClientConfig config = OfficialClients.config();
        long start = System.nanoTime();
        KameleoonClient client = KameleoonClientFactory.create(args[0], config);
        client.waitInit().get(60, TimeUnit.SECONDS);
        long elapsed = System.nanoTime() - start;
        System.out.println("startup\t" + args[0] + "\t" + elapsed / 1_000);
        System.exit(0);
    }
}
