package com.kameleoon.benchmarks.load;

import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.PageView;
import com.kameleoon.internal.ClientDependencies;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.datafile.DataFileParser;
import com.kameleoon.internal.tracking.TrackingLineEncoder;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;
import com.kameleoon.testkit.KameleoonTestServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Tracking throughput (issue 3): lines encoded per second on one thread, and lines delivered per second end to
 * end, from 1,000 visitors through the in-memory outbox and the relay to the testkit over loopback HTTP.
 * Prints one line per figure; exits non-zero when a run fails.
 */
public final class DeliveryThroughput {
    private DeliveryThroughput() {
    }

    /**
     * @param args {@code [lines per visitor]} (default 100)
     * @throws Exception when a run fails
     */
    public static void main(String[] args) throws Exception {
        KameleoonLogger.setLogLevel(LogLevel.ERROR);
        int perVisitor = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        String json;
        try (InputStream in = DeliveryThroughput.class.getResourceAsStream("/example-datafile.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        encodingRate(DataFileParser.parse(json));
        deliveryRate(json, perVisitor);
    }

    private static void encodingRate(Configuration config) {
        long lines = 0;
        long deadline = 0;
        for (int round = 0; round < 2; round++) {
            // First round warms the JIT; the second is measured.
            lines = 0;
            long start = System.nanoTime();
            deadline = start + 5_000_000_000L;
            int i = 0;
            while (System.nanoTime() < deadline) {
                Visitor visitor = new Visitor(0);
                visitor.putCustomData(new CustomData(1, "gold", "vip"), false);
                visitor.addPageView(new PageView("https://shop.example/p/" + i, "Product " + i, null), false, 1);
                visitor.addPageView(new PageView("https://shop.example/cart", "Cart", null), false, 2);
                List<String> encoded = TrackingLineEncoder.encode(visitor, "visitor-" + (i++ % 1000), config);
                lines += encoded.size();
            }
            if (round == 1) {
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("tracking lines encoded: %,.0f lines/s (one thread, 3 lines per pass)%n",
                        lines / seconds);
            }
        }
    }

    private static void deliveryRate(String json, int perVisitor) throws Exception {
        Path datafile = Files.createTempFile("kameleoon-bench", ".json");
        Files.writeString(datafile, json);
        int visitors = 1_000;
        int total = visitors * perVisitor;
        try (KameleoonTestServer server = KameleoonTestServer.start()) {
            KameleoonClientConfig config = KameleoonClientConfig.builder().dataFile(datafile)
                    .dataApiUrl(server.baseUri()).trackingQueueCapacity(total * 2).topLevelDomain("example.com")
                    .build();
            try (DefaultKameleoonClient client = new DefaultKameleoonClient("bench", config,
                    ClientDependencies.defaults())) {
                long start = System.nanoTime();
                for (int n = 0; n < perVisitor; n++) {
                    for (int v = 0; v < visitors; v++) {
                        client.trackConversion("visitor-" + v, 1 + n % 5, 9.5);
                    }
                }
                long produced = System.nanoTime();
                client.flush("visitor-0", true);
                server.awaitTrackingLines(total, Duration.ofMinutes(5));
                long delivered = System.nanoTime();
                System.out.printf("tracking lines produced by 1,000 visitors: %,d lines in %.2f s (%,.0f lines/s)%n",
                        total, (produced - start) / 1e9, total / ((produced - start) / 1e9));
                System.out.printf("tracking lines delivered end to end to the testkit: %,.0f lines/s"
                        + " (%,d lines in %.2f s, %d requests)%n", total / ((delivered - start) / 1e9), total,
                        (delivered - start) / 1e9, server.trackingRequests().size());
            }
        } finally {
            Files.deleteIfExists(datafile);
        }
    }
}
