package com.kameleoon.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.data.Browser;
import com.kameleoon.data.BrowserType;
import com.kameleoon.data.Conversion;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Device;
import com.kameleoon.data.DeviceType;
import com.kameleoon.data.PageView;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.types.Variation;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Given the example datafile and 1,000 visitors, when 8 threads evaluate every flag and add data for the same
 * visitors at once, then every visitor keeps one variation per flag (the one a single-threaded client gives),
 * and every page view, conversion and assignment of every thread is stored.
 */
class ConcurrencyTest {
    private static final int THREADS = 8;
    private static final int VISITORS = 1_000;

    @Test
    @Timeout(120)
    void eightThreadsOnTheSameVisitorsLoseNothingAndStaySticky() throws Exception {
        Path datafile = Path.of(getClass().getResource("/conformance/example-datafile.json").toURI());
        Map<String, Map<String, String>> expected = singleThreadedDecisions(datafile);

        try (DefaultKameleoonClient client = client(datafile)) {
            Map<String, Map<String, String>> seen = new ConcurrentHashMap<>();
            List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < VISITORS; i++) {
                        order.add(i);
                    }
                    Collections.shuffle(order, new Random(thread));
                    for (int i : order) {
                        String code = code(i);
                        client.addData(code, new PageView("https://shop.example/t" + thread),
                                new Device(DeviceType.DESKTOP), new Browser(BrowserType.CHROME, 120),
                                new CustomData(3, "account-" + (i % 50)));
                        client.addData(code, new Conversion(100 + thread));
                        for (Map.Entry<String, Variation> e : client.getVariations(code, false, false).entrySet()) {
                            record(seen, mismatches, code, e.getKey(), e.getValue().getKey());
                        }
                        record(seen, mismatches, code, "pricing_page",
                                client.getVariation(code, "pricing_page", true).getKey());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(100, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(mismatches).as("a visitor saw two variations of one flag").isEmpty();
            assertThat(seen).isEqualTo(expected);
            for (int i = 0; i < VISITORS; i++) {
                Visitor visitor = client.visitorStore().get(code(i));
                assertThat(visitor).isNotNull();
                synchronized (visitor) {
                    assertThat(visitor.pageViews()).as("page views of %s", code(i)).hasSize(THREADS);
                    assertThat(visitor.conversions()).as("conversions of %s", code(i)).hasSize(THREADS);
                    assertThat(visitor.conversionGoals()).containsExactlyInAnyOrder(100, 101, 102, 103, 104, 105,
                            106, 107);
                    assertThat(visitor.assignments().keySet()).as("assignments of %s", code(i))
                            .containsAll(assignedExperiments(expected.get(code(i))));
                }
            }
        }
    }

    private static void record(Map<String, Map<String, String>> seen, List<String> mismatches, String code,
            String flag, String variationKey) {
        String previous = seen.computeIfAbsent(code, c -> new ConcurrentHashMap<>()).putIfAbsent(flag, variationKey);
        if (previous != null && !previous.equals(variationKey)) {
            mismatches.add(code + "/" + flag + ": " + previous + " then " + variationKey);
        }
    }

    /** The decisions of a single-threaded client given the same data. */
    private static Map<String, Map<String, String>> singleThreadedDecisions(Path datafile) {
        Map<String, Map<String, String>> expected = new HashMap<>();
        try (DefaultKameleoonClient client = client(datafile)) {
            for (int i = 0; i < VISITORS; i++) {
                String code = code(i);
                client.addData(code, new PageView("https://shop.example/t0"), new Device(DeviceType.DESKTOP),
                        new Browser(BrowserType.CHROME, 120), new CustomData(3, "account-" + (i % 50)));
                Map<String, String> decisions = new HashMap<>();
                client.getVariations(code, false, false).forEach((flag, v) -> decisions.put(flag, v.getKey()));
                expected.put(code, decisions);
            }
        }
        return expected;
    }

    private static List<Integer> assignedExperiments(Map<String, String> decisions) {
        // Every flag decided by an experiment's variation (not the default) stores an assignment.
        List<Integer> experiments = new ArrayList<>();
        if (!"off".equals(decisions.get("pricing_page"))) {
            experiments.add(3002);
        }
        if (!"off".equals(decisions.get("new_checkout"))) {
            experiments.add(3001);
        }
        experiments.add(3006);
        return experiments;
    }

    private static String code(int i) {
        return "concurrent-visitor-" + i;
    }

    private static DefaultKameleoonClient client(Path datafile) {
        return new DefaultKameleoonClient("concurrency",
                KameleoonClientConfig.builder().dataFile(datafile).topLevelDomain("example.com").build());
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(ConcurrencyTest.class.getResource(name).toURI());
    }
}
