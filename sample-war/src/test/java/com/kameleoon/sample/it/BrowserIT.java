package com.kameleoon.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.it.container.FreePorts;
import com.kameleoon.it.container.HeadlessChromium;
import com.kameleoon.it.container.ItPaths;
import com.kameleoon.it.container.TomcatServer;
import com.kameleoon.sample.it.VariationOracle.Expected;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A visitor in a real browser on the sample shop on Tomcat 11 (H2 in the run's work folder): accepts consent, sees
 * as many recommendations as the variation the official JavaScript SDK assigns to their visitor code
 * ({@link VariationOracle}) and, in debug mode, a badge naming it; buys, lands on the confirmation (a refresh does
 * not buy again), and finds the purchase counted once for that variation on the results page. Screenshots of the
 * shop ({@code shop.png}) and the results ({@code results-page.png}) are kept in {@code kameleoon.it.artifacts}.
 * The browser holds a visitor code of that table before its first page, as one an earlier visit left would be: a
 * code the shop drew at random would have no expected answer.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class BrowserIT {
    private static final String CONTEXT = "shop";
    private static final Duration UI_WAIT = Duration.ofSeconds(20);
    /** The relay posts every second; allow for a slow first delivery. */
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(30);
    /** A visitor code of the expected-variation table. */
    private static final String VISITOR_CODE = "browser-shopper-1";

    private Path work;
    private TomcatServer tomcat;
    private WebDriver browser;

    @BeforeEach
    void startShop() {
        HeadlessChromium.requireInstalled();
        work = ItPaths.newWorkDirectory("browser");
        int port = FreePorts.allocate();
        tomcat = TomcatServer.start(ItPaths.tomcat11(), "browser-tomcat11", port, Map.of(
                "kameleoon.data_api_url", "http://127.0.0.1:" + port + "/" + CONTEXT + "/collector",
                "sample.jdbc_url", "jdbc:h2:file:" + work.resolve("h2/shop"), "sample.debug", "true"));
        tomcat.deploy(CONTEXT, SampleItPaths.war(), Map.of());
        browser = HeadlessChromium.start(work.resolve("chromium-profile"));
    }

    @AfterEach
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

    @Test
    void visitorSeesTheirVariationBuysAndTheResultsCountThePurchase() throws IOException {
        String shop = tomcat.baseUrl(CONTEXT);
        WebDriverWait wait = new WebDriverWait(browser, UI_WAIT);

        // Given a browser holding the table's visitor code (a cookie can only be set on a page of the shop's origin;
        // the collector's stats page has no side effect) and no consent cookie yet.
        browser.get(shop + "/collector/stats");
        browser.manage().deleteAllCookies();
        browser.manage().addCookie(new Cookie("kameleoonVisitorCode", VISITOR_CODE, "/"));

        // When it visits the shop: the consent banner asks; accepting sets the cookie and reloads the page.
        browser.get(shop + "/");
        WebElement banner = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("consent-banner")));
        browser.findElement(By.id("accept-consent")).click();
        wait.until(ExpectedConditions.stalenessOf(banner));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recommendations")));
        assertThat(browser.findElements(By.id("consent-banner"))).as("banner after consent").isEmpty();
        assertThat(browser.manage().getCookieNamed("kameleoonLegalConsent").getValue()).isEqualTo("accepted");

        // Then the page shows the number of products of the visitor's variation, as the official SDK assigns it.
        String visitorCode = browser.findElement(By.id("visitor-code")).getText().trim();
        assertThat(visitorCode).as("the code the browser held").isEqualTo(VISITOR_CODE);
        WebElement recommendations = browser.findElement(By.id("recommendations"));
        List<WebElement> items = recommendations.findElements(By.cssSelector("li.recommendation"));
        Expected expected = VariationOracle.ofSampleDatafile().variation(visitorCode);
        int expectedCount = expected.recommendedCount();
        assertThat(recommendations.getAttribute("data-variation")).as("variation of " + visitorCode)
                .isEqualTo(expected.key());
        assertThat(Integer.parseInt(recommendations.getAttribute("data-count"))).as("data-count")
                .isEqualTo(expectedCount);
        assertThat(items).as("li.recommendation shown").hasSize(expectedCount);
        assertThat(expected.id()).as("an experiment variation (consent given, rule exposes everyone)").isNotNull();
        assertThat(browser.findElement(By.id("variation-badge")).getText()).as("debug mode's variation badge")
                .contains(expected.key());
        screenshot("shop.png");

        // When the visitor buys, the answer comes once the conversion is committed: a redirect to the confirmation,
        // which a refresh shows again without posting again.
        browser.findElement(By.id("buy")).click();
        WebElement confirmed = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("order-confirmed")));
        assertThat(confirmed.getAttribute("data-visitor")).isEqualTo(visitorCode);
        assertThat(browser.getCurrentUrl()).endsWith("/" + CONTEXT + "/thanks");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("order-confirmed")));

        // Then the results page counts the purchase for the visitor's variation once the relay has delivered it.
        browser.findElement(By.id("see-results")).click();
        String row = "tr[data-variation-id='" + expected.id() + "']";
        new WebDriverWait(browser, DELIVERY_WAIT, Duration.ofMillis(500))
                .withMessage(() -> "results never showed the purchase for " + row + ":\n" + browser.getPageSource())
                .until(driver -> {
                    driver.navigate().refresh();
                    List<WebElement> conversions = driver.findElements(By.cssSelector(row + " td.conversions"));
                    return !conversions.isEmpty() && conversions.get(0).getText().trim().equals("1");
                });
        assertThat(browser.findElement(By.cssSelector(row + " td.exposed")).getText().trim()).isEqualTo("1");
        assertThat(browser.findElement(By.cssSelector(row + " td.conversions")).getText().trim())
                .as("one purchase despite the refreshed confirmation").isEqualTo("1");
        assertThat(browser.findElement(By.id("chart")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("#chart .tick"))).as("x-axis ticks").isNotEmpty();
        screenshot("results-page.png");
    }

    private void screenshot(String name) throws IOException {
        Path screenshot = SampleItPaths.artifacts().resolve(name);
        Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(screenshot).exists().isNotEmptyFile();
    }
}
