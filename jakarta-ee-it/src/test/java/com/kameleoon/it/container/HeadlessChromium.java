package com.kameleoon.it.container;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Debian Chromium driven through its own chromedriver (no Selenium Manager, no download). The paths
 * default to the Debian packages {@code chromium} and {@code chromium-driver}; {@code kameleoon.it.chromium} and
 * {@code kameleoon.it.chromedriver} override them. A missing browser is a failure, not a skipped test: CI installs
 * both. Shared by jakarta-ee-it's console test and sample-war's browser test (through the test jar). Thread-safe
 * (stateless).
 */
public final class HeadlessChromium {
    private static final String BROWSER = System.getProperty("kameleoon.it.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("kameleoon.it.chromedriver", "/usr/bin/chromedriver");
    private static final Duration PAGE_LOAD_TIMEOUT = Duration.ofSeconds(30);

    private HeadlessChromium() {
    }

    /**
     * @throws AssertionError naming the missing executable and the packages to install
     */
    public static void requireInstalled() {
        for (String executable : new String[] {BROWSER, DRIVER}) {
            if (!Files.isExecutable(Path.of(executable))) {
                throw new AssertionError(executable + " is missing: the browser test needs Debian's chromium and "
                        + "chromium-driver (apt-get install chromium chromium-driver; .ci/run installs them), or "
                        + "-Dkameleoon.it.chromium / -Dkameleoon.it.chromedriver pointing to them");
            }
        }
    }

    /**
     * @param profile an empty folder for the browser profile
     * @return a new browser with a 1280x1024 window; quit it
     */
    public static WebDriver start(Path profile) {
        requireInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1024", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(DRIVER).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD_TIMEOUT);
        return driver;
    }
}
