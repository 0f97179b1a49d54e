package com.kameleoon.evaluation;

import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.SpecHash;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.datafile.DataFileParser;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Shared test fixtures: datafiles on the test class path, clients built on them, a controllable clock and an
 * independent implementation of the bucket hash (docs/evaluation.md#bucket-value) used to pick visitors for a scenario.
 */
final class Fixtures {
    /** The example datafile (docs/evaluation.md#the-example-datafile). */
    static final String EXAMPLE = "/conformance/example-datafile.json";
    /** A fixed "now" (2025-01-01T00:00:00Z) for clock-controlled clients. */
    static final long T0 = 1_735_689_600_000L;

    private Fixtures() {
    }

    /** @return the path of a datafile: {@code "holdout.json"} means {@code /datafiles/holdout.json}. */
    static Path datafile(String name) {
        String resource = name.startsWith("/") ? name : "/datafiles/" + name;
        URL url = Fixtures.class.getResource(resource);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + resource);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String datafileText(String name) {
        try {
            return Files.readString(datafile(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static KameleoonClientConfig config(String datafileName) {
        return KameleoonClientConfig.builder().dataFile(datafile(datafileName)).topLevelDomain("example.com").build();
    }

    /** A fresh client on a datafile, with the system clock. */
    static DefaultKameleoonClient client(String datafileName) {
        return new DefaultKameleoonClient("site", config(datafileName));
    }

    /** A fresh client on a datafile, with an in-memory store and the given clock. */
    static DefaultKameleoonClient client(String datafileName, LongSupplier clock) {
        return new DefaultKameleoonClient("site", config(datafileName), null, clock);
    }

    /** A configuration parsed from datafile JSON, for tests that drive the evaluator without a client. */
    static Configuration configuration(String json) {
        return DataFileParser.parse(json);
    }

    /**
     * docs/evaluation.md#bucket-value, written independently of the implementation: first 4 bytes of SHA-256 / 2^32.
     */
    static double specHash(String input) {
        return SpecHash.bucket(input);
    }

    /** @return the first code {@code prefix + i} (i = 0, 1, ...) satisfying the predicate */
    static String visitorWhere(String prefix, Predicate<String> predicate) {
        for (int i = 0; i < 1_000_000; i++) {
            String code = prefix + i;
            if (predicate.test(code)) {
                return code;
            }
        }
        throw new IllegalStateException("no visitor code found for " + prefix);
    }

    /** A clock the test moves by hand (epoch milliseconds). */
    static final class TestClock implements LongSupplier {
        private final AtomicLong now;

        TestClock(long start) {
            this.now = new AtomicLong(start);
        }

        TestClock() {
            this(T0);
        }

        @Override
        public long getAsLong() {
            return now.get();
        }

        void advance(long millis) {
            now.addAndGet(millis);
        }

        void set(long millis) {
            now.set(millis);
        }
    }
}
