package com.kameleoon.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonClientFactory;
import com.kameleoon.KameleoonException;
import com.kameleoon.data.Browser;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Device;
import com.kameleoon.data.PageView;
import com.kameleoon.types.Variation;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official getting started: create the client from a configuration file, wait until it is ready, and in a
 * servlet get the visitor code from the request's cookie, add the visitor's data, evaluate flags, track a
 * conversion and flush. Runs in a real Tomcat 11 (jakarta.servlet, as the official {@code -jakarta} artifact).
 */
@Timeout(60)
class GettingStartedTest {
    private static final String SITE = "compat-start";
    /** From the conformance set: the official SDKs put this visitor in {@code variant_a} of pricing_page. */
    private static final String KNOWN_VISITOR = "catagdybl6hcqr6i";

    @TempDir
    static Path directory;
    private static CompatBackend backend;
    private static KameleoonClient kameleoonClient;
    private static Tomcat tomcat;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The shop page of the getting started, as the documentation writes it. */
    static final class ShopServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String visitorCode = kameleoonClient.getVisitorCode(request, response);
            try {
                kameleoonClient.addData(visitorCode, new CustomData(1, "vip"), Device.desktop(),
                        new Browser(Browser.Type.CHROME, 120f), new PageView("https://shop.example.com/", "Shop"));
                Variation variation = kameleoonClient.getVariation(visitorCode, "pricing_page");
                boolean freeShipping = kameleoonClient.isFeatureActive(visitorCode, "vip_free_shipping");
                Object showBanner = variation.getVariables().isEmpty() ? null
                        : variation.getVariables().get("show_banner").getValue();
                kameleoonClient.trackConversion(visitorCode, 1001, 49.9f);
                kameleoonClient.flush(visitorCode);
                response.getWriter().write(visitorCode + " " + variation.getKey() + " " + freeShipping + " "
                        + showBanner);
            } catch (KameleoonException.VisitorCodeInvalid | KameleoonException.FeatureNotFound
                    | KameleoonException.FeatureEnvironmentDisabled exception) {
                response.sendError(500, exception.getMessage());
            }
        }
    }

    @BeforeAll
    static void start() throws Exception {
        backend = CompatBackend.start(SITE, directory);
        kameleoonClient = KameleoonClientFactory.create(SITE, backend.configPath());
        kameleoonClient.waitInit().get(10, TimeUnit.SECONDS);

        tomcat = new Tomcat();
        tomcat.setBaseDir(directory.resolve("tomcat").toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.getConnector().setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "shop", new ShopServlet());
        context.addServletMappingDecoded("/shop", "shop");
        tomcat.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
        KameleoonClientFactory.forget(SITE);
        backend.close();
    }

    private static HttpResponse<String> get(String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/shop"));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aReturningVisitorKeepsItsCodeAndGetsTheOfficialBucket() throws Exception {
        HttpResponse<String> response = get("kameleoonVisitorCode=" + KNOWN_VISITOR);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(KNOWN_VISITOR + " variant_a true true");
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("kameleoonVisitorCode=" + KNOWN_VISITOR + ";").containsIgnoringCase("Path=/")
                .containsIgnoringCase("Domain=example.com").contains("Max-Age=32832000")
                .doesNotContainIgnoringCase("HttpOnly");
    }

    @Test
    void aNewVisitorGetsASixteenCharacterCodeAndTheCookie() throws Exception {
        HttpResponse<String> response = get(null);

        String code = response.body().split(" ")[0];
        assertThat(code).matches("[a-z0-9]{16}");
        assertThat(response.headers().firstValue("Set-Cookie").orElseThrow())
                .startsWith("kameleoonVisitorCode=" + code + ";");
    }

    @Test
    void aCookieOfTheOldJavaScriptEngineIsUsedVerbatim() throws Exception {
        // Current official SDKs no longer strip the "_js_" prefix (they did until mid-2024).
        HttpResponse<String> response = get("kameleoonVisitorCode=_js_" + KNOWN_VISITOR);

        assertThat(response.body()).startsWith("_js_" + KNOWN_VISITOR + " ");
    }

    @Test
    void theExposureDataAndConversionReachKameleoon() throws Exception {
        String visitor = "compatstartvis01";
        get("kameleoonVisitorCode=" + visitor);

        String all = "";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!all.contains("goalId=1001") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            all = backend.server().trackingLines().stream().filter(line -> line.endsWith("visitorCode=" + visitor))
                    .collect(Collectors.joining("\n"));
        }
        assertThat(all).contains("eventType=conversion&goalId=1001&revenue=49.9&negative=false")
                .contains("eventType=customData&index=1").contains("eventType=staticData&deviceType=DESKTOP")
                .contains("eventType=staticData&browserIndex=0").contains("eventType=page&href=https%3A%2F%2Fshop")
                .contains("eventType=experiment&id=3002");
    }
}
