package com.kameleoon.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.it.container.Http;
import com.kameleoon.it.container.HttpReply;
import com.kameleoon.it.container.ItPaths;
import com.kameleoon.it.container.TomcatServer;
import com.kameleoon.sample.cluster.ClusterDatabase;
import com.kameleoon.sample.cluster.CollectorSecret;
import com.kameleoon.testkit.TcpProxy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The shop's pages over plain HTTP on a real Tomcat 11, its database PostgreSQL reached through a TCP proxy (so a
 * test can cut it), its collector closed by a shared secret and bounded to 64 KiB bodies: the collector's 401 and
 * 413, the redirect after a purchase, {@code /vip} during a database outage, one exposure per flag per page, the
 * debug page's page views, and, on a second context whose datafile changed a variable's type, a page that still
 * answers and a results page that says "no data".
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ShopIT {
    private static final String CONTEXT = "shop";
    private static final long MAX_BODY = 64 * 1024;
    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final String CONSENT = "kameleoonLegalConsent=accepted";
    private static final HttpClient RAW = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static ClusterDatabase database;
    private static TcpProxy proxy;
    private static TomcatServer tomcat;
    private static String secret;
    private static String shop;

    @BeforeAll
    static void start() {
        database = ClusterDatabase.random("kameleoon_sample_shop");
        database.createIfMissing();
        URI server = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        proxy = TcpProxy.start(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort());
        tomcat = TomcatServer.start(ItPaths.tomcat11(), "shop-tomcat11", Map.of());
        shop = tomcat.baseUrl(CONTEXT);
        secret = CollectorSecret.generate();
        Map<String, String> parameters = new LinkedHashMap<>(CollectorSecret.parameters(shop, secret));
        parameters.put("sample.jdbc_url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + server.getPath()
                + (server.getRawQuery() == null ? "" : "?" + server.getRawQuery()));
        parameters.put("sample.jdbc_username", database.user());
        if (!database.password().isEmpty()) {
            parameters.put("sample.jdbc_password", database.password());
        }
        parameters.put("sample.collector_max_body_bytes", String.valueOf(MAX_BODY));
        parameters.put("sample.debug", "true");
        tomcat.deploy(CONTEXT, SampleItPaths.war(), parameters);
    }

    @AfterAll
    static void stop() {
        try {
            if (tomcat != null) {
                tomcat.close();
            }
        } finally {
            try {
                if (proxy != null) {
                    proxy.close();
                }
            } finally {
                if (database != null) {
                    database.drop();
                }
            }
        }
    }

    @Test
    void theCollectorAnswers401WithoutTheSecretAnd413OverTheBoundAndNeverShowsTheSecret() throws Exception {
        String line = "eventType=customData&index=1&valueToCount=%5B%5B%22x%22%2C1%5D%5D&nonce=" + nonce()
                + "&visitorCode=collector-check\n";
        HttpResponse<String> none = post(shop + "/collector/visit/events", null, line);
        assertThat(none.statusCode()).as("no secret").isEqualTo(401);
        assertThat(none.body()).contains("sample.collector_secret");
        assertThat(post(shop + "/collector/visit/events", "wrong", line).statusCode()).as("wrong header")
                .isEqualTo(401);
        assertThat(post(shop + "/collector/wrong/visit/events", null, line).statusCode()).as("wrong segment")
                .isEqualTo(401);
        assertThat(post(shop + "/collector/visit/events", secret, line).statusCode()).as("header").isEqualTo(200);
        assertThat(post(shop + "/collector/" + secret + "/visit/events", null, line).statusCode()).as("path segment")
                .isEqualTo(200);

        HttpResponse<String> declared = post(shop + "/collector/" + secret + "/visit/events", null,
                "x".repeat((int) MAX_BODY + 1));
        assertThat(declared.statusCode()).as("Content-Length over the bound").isEqualTo(413);
        assertThat(declared.body()).contains(String.valueOf(MAX_BODY));
        // Without a length (chunked): refused once the bound is passed. Kept within what Tomcat swallows after an
        // answer (2 MB), so the client reads the answer rather than a reset; CollectorGateTest shows that a 600 MB
        // body is read no further than the bound.
        HttpResponse<String> chunked = RAW.send(HttpRequest.newBuilder(URI.create(shop + "/collector/" + secret
                + "/visit/events")).timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new LongBody(MAX_BODY + 100_000))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as("chunked over the bound").isEqualTo(413);

        for (HttpResponse<String> answer : new HttpResponse[] {none, declared, chunked}) {
            assertThat(answer.body()).doesNotContain(secret);
        }
        assertThat(Http.get(shop + "/debug", CONSENT).body()).doesNotContain(secret);
        assertThat(tomcat.logText()).as("Tomcat's logs").doesNotContain(secret);
        try (java.util.stream.Stream<Path> logs = Files.list(tomcat.base().resolve("logs"))) {
            for (Path log : logs.toList()) {
                assertThat(Files.readString(log)).as("%s", log.getFileName()).doesNotContain(secret);
            }
        }
    }

    @Test
    void aPurchaseRedirectsToAConfirmationThatBuysNothingWhenShownAgain() {
        String cookie = visitor();
        assertThat(Http.get(shop + "/", cookie).status()).isEqualTo(200);
        HttpReply bought = Http.post(shop + "/buy", cookie, "");
        assertThat(bought.status()).as("POST /buy").isEqualTo(303);
        assertThat(bought.headers("Location")).containsExactly("/" + CONTEXT + "/thanks");
        String code = cookie.substring(cookie.lastIndexOf('=') + 1);
        for (int view = 0; view < 2; view++) {
            HttpReply thanks = Http.get(shop + "/thanks", cookie);
            assertThat(thanks.status()).isEqualTo(200);
            assertThat(thanks.body()).contains("id=\"order-confirmed\"", "data-visitor=\"" + code + "\"");
        }
        await("the purchase of " + code + " at the collector", () -> lines(code, "conversion", null) == 1);
        assertThat(lines(code, "conversion", null)).as("one purchase, however often the confirmation is shown")
                .isEqualTo(1);
    }

    @Test
    void joiningTheVipClubDuringADatabaseOutageAnswersTheShopsOwn503() {
        String cookie = visitor();
        assertThat(Http.get(shop + "/", cookie).status()).isEqualTo(200);
        proxy.switchTo(TcpProxy.Mode.REFUSE);
        HttpReply joined;
        try {
            joined = Http.post(shop + "/vip", cookie, "");
        } finally {
            proxy.switchTo(TcpProxy.Mode.PASS);
        }
        assertThat(joined.status()).as(joined.body()).isEqualTo(503);
        assertThat(joined.body()).contains("id=\"write-failed\"", "VIP club")
                .doesNotContain("com.kameleoon", "Exception", "Apache Tomcat", "Unit");
        assertThat(joined.headers("Retry-After")).containsExactly("5");

        await("/vip after the outage", () -> Http.post(shop + "/vip", cookie, "").status() == 303);
    }

    @Test
    void onePageViewTracksOneExposurePerFlagAndCountsOnTheDebugPage() {
        String cookie = visitor();
        String code = cookie.substring(cookie.lastIndexOf('=') + 1);
        assertThat(Http.post(shop + "/vip", cookie, "").status()).as("POST /vip").isBetween(302, 303);

        HttpReply page = Http.get(shop + "/", cookie);
        assertThat(page.body()).contains("id=\"vip-banner\"");
        await("the page's exposures at the collector", () -> lines(code, "experiment", 70011L) == 1
                && lines(code, "experiment", 70021L) >= 1);
        assertThat(lines(code, "experiment", 70021L)).as("vip_banner exposures of one page view").isEqualTo(1);
        assertThat(page.body()).as("debug mode's badge").contains("id=\"variation-badge\"");

        assertThat(Http.get(shop + "/", cookie).status()).isEqualTo(200);
        assertThat(Http.get(shop + "/debug", cookie).body()).contains("<p id=\"page-views\">page views: 2</p>");
    }

    @Test
    void aVariableWhoseTypeChangedShowsTheDefaultAndTheResultsSayNoData() throws IOException {
        Path work = ItPaths.newWorkDirectory("shop-typed");
        String original;
        try (InputStream in = ShopIT.class.getResourceAsStream("/sample-datafile.json")) {
            original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // The datafile as published after someone turned the number into a string.
        String changed = original.replace("\"type\": \"NUMBER\"", "\"type\": \"STRING\"")
                .replaceAll("\"value\": (\\d+)", "\"value\": \"$1 products\"");
        assertThat(changed).isNotEqualTo(original);
        Path datafile = Files.writeString(work.resolve("changed-datafile.json"), changed);
        String context = "typed";
        String typed = tomcat.baseUrl(context);
        tomcat.deploy(context, SampleItPaths.war(), Map.of("kameleoon.data_file", datafile.toString(),
                "kameleoon.data_api_url", typed + "/collector", "sample.jdbc_url",
                "jdbc:h2:file:" + work.resolve("h2/shop")));
        try {
            HttpReply page = Http.get(typed + "/", CONSENT);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.body()).contains("data-count=\"0\"");
            await("the warning in the log", () -> tomcat.logText().contains(
                    "variable 'num_recommended_products' is a STRING (String), not Integer; using the default 0"));

            // Nothing delivered yet in this context's own database (its relay posts every second at the earliest).
            HttpReply results = Http.get(typed + "/results", null);
            assertThat(results.status()).isEqualTo(200);
            assertThat(results.body()).contains("<td class=\"rate nodata\">no data</td>")
                    .doesNotContain("0.0 % – 0.0 %");
        } finally {
            tomcat.undeploy(context);
        }
    }

    private static String visitor() {
        return CONSENT + "; kameleoonVisitorCode=shopit" + UUID.randomUUID().toString().replace("-", "")
                .substring(0, 16);
    }

    private static String nonce() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static HttpResponse<String> post(String url, String header, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (header != null) {
            request.header("X-Sample-Collector-Secret", header);
        }
        return RAW.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Distinct lines the collector stored for a visitor. */
    private static long lines(String code, String eventType, Long experimentId) {
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM sample_collector_line WHERE visitor_code = ? AND event_type = ?"
                        + (experimentId == null ? "" : " AND experiment_id = " + experimentId))) {
            query.setString(1, code);
            query.setString(2, eventType);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + DELIVERY.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError(what + ": not within " + DELIVERY);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /** A body of one repeated byte, produced as it is read. */
    private static final class LongBody extends InputStream {
        private long left;

        LongBody(long size) {
            left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? 'x' : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int count = (int) Math.min(length, left);
            Arrays.fill(buffer, offset, offset + count, (byte) 'x');
            left -= count;
            return count;
        }
    }
}
