package com.kameleoon.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.it.container.HeadlessChromium;
import com.kameleoon.it.container.TomcatServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console (kameleoon-console) in the test WAR on a real Tomcat 11, enabled for the role
 * {@code kameleoon-ops} with HTTP BASIC users of the context's own realm, the visitors in the JDBC store (H2 file):
 * the role is required (no user: 401, a user without the role: 403); with it, the pages render in Chromium; forcing
 * a variation for a visitor from the console changes what that visitor gets on its next request; a POST without the
 * CSRF token, or from another origin, is refused and changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ConsoleBrowserIT {
    private static final String CONTEXT = "itconsole";
    private static final String ROLE = "kameleoon-ops";
    private static final String OPS = "ops";
    private static final String OPS_PASSWORD = "ops-secret";
    private static final String VIEWER = "viewer";
    private static final String VIEWER_PASSWORD = "viewer-secret";
    private static final String FLAG = "pricing_page";
    private static final int EXPERIMENT = 3002;
    private static final List<String> VARIATIONS = List.of("control", "variant_a", "variant_b");
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("code=(\\S+)");
    private static final Pattern VARIATION = Pattern.compile("variation=(\\S+)");

    private TomcatServer tomcat;
    private WebDriver browser;
    private Path work;

    @BeforeAll
    void start() throws IOException {
        HeadlessChromium.requireInstalled();
        work = Path.of(System.getProperty("kameleoon.it.work", "target/it-work")).toAbsolutePath()
                .resolve("console-" + System.nanoTime());
        Files.createDirectories(work);
        tomcat = TomcatServer.start(Path.of(System.getProperty("kameleoon.it.tomcat11")), "tomcat11-console",
                Map.of());
        tomcat.deploy(CONTEXT, Path.of(System.getProperty("kameleoon.it.war")), Map.of(
                "kameleoon.console_enabled", "true",
                "kameleoon.console_role", ROLE,
                "it.counting_h2_file", work.resolve("kameleoon").toString()),
                Map.of(OPS, OPS_PASSWORD + ":" + ROLE, VIEWER, VIEWER_PASSWORD + ":"));
        browser = HeadlessChromium.start(Files.createDirectories(work.resolve("chromium-profile")));
    }

    @AfterAll
    void stop() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (tomcat != null) {
                tomcat.close();
            }
        }
    }

    private String app() {
        return tomcat.baseUrl(CONTEXT);
    }

    /**
     * The application as the visitor's browser reaches it: on {@code localhost}, the test WAR's
     * {@code top_level_domain}, so that Chromium keeps the visitor-code cookie (it refuses a cookie for the domain
     * {@code localhost} from {@code 127.0.0.1}).
     */
    private String visitorApp() {
        return "http://localhost:" + tomcat.httpPort() + "/" + CONTEXT;
    }

    private String console() {
        return app() + "/kameleoon-console";
    }

    /**
     * Clicks a link or a submit button and waits until the browser has left the page. A click returns as soon as
     * Chromium took it, and on a busy machine the next page may not have started loading yet: looking for its
     * elements at once then searched the old page (seen in CI).
     */
    private void clickToNextPage(By target) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(target).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.stalenessOf(page));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
    }

    /** The console's URL with the operator's credentials, which Chromium turns into BASIC authentication. */
    private String consoleAsOps(String page) {
        return "http://" + OPS + ":" + OPS_PASSWORD + "@127.0.0.1:" + tomcat.httpPort() + "/" + CONTEXT
                + "/kameleoon-console" + page;
    }

    private static HttpClient http() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(HttpClient client, String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient client, String url, Map<String, String> form,
            String... headers) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((key, value) -> body.append(body.length() == 0 ? "" : "&").append(key).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(OPS, OPS_PASSWORD))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(pattern + " in " + text).isTrue();
        return matcher.group(1);
    }

    /** What the visitor of this code gets for the flag on a request of the application (not the console). */
    private String variationOf(String code) throws Exception {
        HttpResponse<String> reply = http().send(HttpRequest.newBuilder(URI.create(app() + "/variation?flag=" + FLAG))
                .header("Cookie", "kameleoonVisitorCode=" + code).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(first(CODE, reply.body())).isEqualTo(code);
        return first(VARIATION, reply.body());
    }

    private static String another(String variation) {
        return VARIATIONS.stream().filter(key -> !key.equals(variation)).findFirst().orElseThrow();
    }

    @Test
    void theConsoleNeedsTheRole() throws Exception {
        HttpResponse<String> anonymous = get(http(), console() + "/", null);
        assertThat(anonymous.statusCode()).as("no credentials").isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic"));

        assertThat(get(http(), console() + "/", basic(VIEWER, VIEWER_PASSWORD)).statusCode())
                .as("a user without the role").isEqualTo(403);
        assertThat(get(http(), console() + "/flags", basic(VIEWER, VIEWER_PASSWORD)).statusCode())
                .as("a user without the role, another page").isEqualTo(403);
        assertThat(get(http(), console() + "/", basic(OPS, "wrong")).statusCode()).as("a wrong password")
                .isEqualTo(401);

        HttpResponse<String> ops = get(http(), console() + "/", basic(OPS, OPS_PASSWORD));
        assertThat(ops.statusCode()).isEqualTo(200);
        assertThat(ops.body()).contains("Kameleoon console");
        assertThat(ops.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("kameleoonConsoleCsrf=").contains("SameSite=Strict").contains("HttpOnly"));
        assertThat(get(http(), app() + "/variation", null).statusCode()).as("the application stays open")
                .isEqualTo(200);
    }

    @Test
    void thePagesRenderInChromium() {
        browser.get(consoleAsOps("/"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Overview");
        assertThat(browser.findElement(By.id("client")).getText()).contains("pubconsent01p").contains("ready");
        assertThat(browser.findElement(By.id("datafile")).getText()).contains("Loaded yes");

        clickToNextPage(By.linkText("Flags"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Flags");
        assertThat(browser.findElement(By.id("flag-" + FLAG)).getText()).contains("variant_a")
                .contains(Integer.toString(EXPERIMENT));
        assertThat(browser.findElement(By.id("flag-legacy_dashboard")).getText()).contains("disabled");

        clickToNextPage(By.linkText("Outbox"));
        assertThat(browser.findElement(By.id("outbox")).getText()).contains("Waiting lines");
        assertThat(browser.findElements(By.id("no-parked"))).hasSize(1);

        clickToNextPage(By.linkText("Visitor"));
        browser.findElement(By.id("code")).sendKeys("nobody-here-0001");
        clickToNextPage(By.id("lookup"));
        assertThat(browser.findElement(By.id("not-found")).getText()).contains("nobody-here-0001");
    }

    @Test
    void forcingAVariationChangesWhatTheVisitorGetsOnItsNextRequest() throws Exception {
        // The visitor browses the application (not the console) and gets a variation by bucketing.
        browser.get(visitorApp() + "/variation?flag=" + FLAG + "&customData=1:%3Cscript%3Ealert(1)%3C/script%3E");
        String page = browser.findElement(By.tagName("body")).getText();
        String code = first(CODE, page);
        String bucketed = first(VARIATION, page);
        String forced = another(bucketed);

        browser.get(consoleAsOps("/visitor?code=" + code));
        assertThat(browser.findElement(By.id("visitor")).getText()).contains(code);
        assertThat(browser.findElement(By.id("assignments")).getText()).contains(FLAG).contains(bucketed);
        assertThat(browser.findElement(By.id("data")).getText()).as("visitor data shown as text, not run")
                .contains("<script>alert(1)</script>");
        assertThat(browser.getPageSource()).doesNotContain("<script>alert(1)</script>");

        new Select(browser.findElement(By.id("target"))).selectByValue(EXPERIMENT + ":" + forced);
        clickToNextPage(By.id("force-submit"));

        assertThat(browser.findElement(By.id("message")).getText()).contains(code).contains(forced);
        assertThat(browser.findElement(By.id("forced")).getText()).contains(FLAG).contains(forced);

        browser.get(visitorApp() + "/variation?flag=" + FLAG);
        String next = browser.findElement(By.tagName("body")).getText();
        assertThat(first(CODE, next)).isEqualTo(code);
        assertThat(first(VARIATION, next)).as("the next request of the visitor").isEqualTo(forced);
        assertThat(variationOf(code)).as("any request of the visitor, read from the store").isEqualTo(forced);

        browser.get(consoleAsOps("/visitor?code=" + code));
        clickToNextPage(By.cssSelector("#forced button"));
        assertThat(browser.findElement(By.id("message")).getText()).contains("no longer has a forced variation");
        assertThat(variationOf(code)).as("bucketed again once the forced variation is removed").isEqualTo(bucketed);
    }

    @Test
    void aPostWithoutTheCsrfTokenOrFromAnotherOriginIsRefusedAndChangesNothing() throws Exception {
        HttpResponse<String> first = get(http(), app() + "/variation?flag=" + FLAG, null);
        String code = first(CODE, first.body());
        String bucketed = first(VARIATION, first.body());
        String forced = another(bucketed);
        Map<String, String> form = Map.of("code", code, "target", EXPERIMENT + ":" + forced, "targeting", "ignore");

        HttpClient operator = http();
        HttpResponse<String> page = get(operator, console() + "/visitor?code=" + code, basic(OPS, OPS_PASSWORD));
        assertThat(page.statusCode()).isEqualTo(200);
        String token = first(TOKEN, page.body());

        assertThat(post(operator, console() + "/visitor/force", form).statusCode()).as("no token").isEqualTo(403);
        Map<String, String> wrong = new java.util.HashMap<>(form);
        wrong.put("csrf", token + "x");
        assertThat(post(operator, console() + "/visitor/force", wrong).statusCode()).as("a wrong token")
                .isEqualTo(403);
        Map<String, String> withToken = new java.util.HashMap<>(form);
        withToken.put("csrf", token);
        assertThat(post(http(), console() + "/visitor/force", withToken).statusCode())
                .as("the token without the operator's session and cookie").isEqualTo(403);
        assertThat(post(operator, console() + "/visitor/force", withToken, "Origin", "http://evil.example")
                .statusCode()).as("another origin").isEqualTo(403);
        assertThat(get(operator, console() + "/visitor/force", basic(OPS, OPS_PASSWORD)).statusCode())
                .as("a GET never changes anything").isEqualTo(404);
        assertThat(variationOf(code)).as("nothing was forced").isEqualTo(bucketed);

        HttpResponse<String> accepted = post(operator, console() + "/visitor/force", withToken,
                "Origin", "http://127.0.0.1:" + tomcat.httpPort());
        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(accepted.headers().firstValue("Location")).hasValue("/" + CONTEXT + "/kameleoon-console/visitor?code="
                + code);
        assertThat(variationOf(code)).isEqualTo(forced);

        HttpResponse<String> retry = post(operator, console() + "/outbox/retry", Map.of("csrf", token));
        assertThat(retry.statusCode()).isEqualTo(303);
        assertThat(get(operator, console() + "/outbox", basic(OPS, OPS_PASSWORD)).body())
                .contains("0 parked lines are ready for delivery again.");
    }
}
