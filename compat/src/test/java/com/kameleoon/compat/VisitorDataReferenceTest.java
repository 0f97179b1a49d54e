package com.kameleoon.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonClientFactory;
import com.kameleoon.KameleoonException;
import com.kameleoon.data.Browser;
import com.kameleoon.data.Conversion;
import com.kameleoon.data.Cookie;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Device;
import com.kameleoon.data.Geolocation;
import com.kameleoon.data.OperatingSystem;
import com.kameleoon.data.PageView;
import com.kameleoon.data.UniqueIdentifier;
import com.kameleoon.data.UserAgent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference sections on visitor data: every data type built the documented ways (constructors, the
 * {@code Device.desktop()}-style factories, nested {@code Type} enums), addData, flush (later or at once),
 * trackConversion, and the data's effect on targeting.
 */
@Timeout(60)
class VisitorDataReferenceTest {
    private static final String SITE = "compat-data";

    @TempDir
    static Path directory;
    private static CompatBackend backend;
    private static KameleoonClient kameleoonClient;

    @BeforeAll
    static void start() throws Exception {
        backend = CompatBackend.start(SITE, directory);
        kameleoonClient = KameleoonClientFactory.create(SITE, backend.configPath());
        kameleoonClient.waitInit().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        KameleoonClientFactory.forget(SITE);
        backend.close();
    }

    @BeforeEach
    void clear() {
        backend.server().clearTracking();
    }

    /** The tracking lines of one visitor, once they include every expected part (or after 10 s). */
    private static String linesOf(String visitorCode, String... expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            String all = backend.server().trackingLines().stream()
                    .filter(line -> line.endsWith("visitorCode=" + visitorCode)
                            || line.contains("visitorCode=" + visitorCode + "&"))
                    .collect(Collectors.joining("\n"));
            boolean complete = !all.isEmpty();
            for (String part : expected) {
                complete &= all.contains(part);
            }
            if (complete || System.nanoTime() > deadline) {
                return all;
            }
            Thread.sleep(50);
        }
    }

    @Test
    void everyDataTypeIsSentWhenFlushedAtOnce() throws Exception {
        String visitorCode = "compatdatavis001";
        Map<String, String> cookies = new HashMap<>();
        cookies.put("session", "abc");
        try {
            kameleoonClient.addData(visitorCode,
                    new CustomData(1, "gold", "silver"),
                    new CustomData(3, Arrays.asList("acct-42")),
                    new PageView("https://shop.example.com/cart", "Cart", Arrays.asList(1)),
                    new Conversion(77, 12.5f, false),
                    Browser.firefox(),
                    Device.phone(),
                    OperatingSystem.android(),
                    new Geolocation("France", "Ile-de-France", "Paris", "75001", 48.8566f, 2.3522f),
                    new UserAgent("Mozilla/5.0 (compat)"),
                    new Cookie(cookies));
            kameleoonClient.flush(true, visitorCode);
        } catch (KameleoonException.VisitorCodeInvalid e) {
            throw new AssertionError(e);
        }

        String all = linesOf(visitorCode, "eventType=geolocation", "eventType=conversion&goalId=77");
        assertThat(all).contains("eventType=customData&index=1").contains("eventType=customData&index=3")
                .contains("eventType=page&href=https%3A%2F%2Fshop.example.com%2Fcart&title=Cart")
                .contains("eventType=conversion&goalId=77&revenue=12.5&negative=false")
                .contains("eventType=staticData&browserIndex=2").contains("deviceType=PHONE")
                .contains("os=ANDROID&osIndex=4").contains("eventType=geolocation&country=France");
    }

    @Test
    void theFactoriesAndTypesAreTheDocumentedOnes() {
        assertThat(Device.desktop().getType().name()).isEqualTo(Device.Type.DESKTOP.name());
        assertThat(Browser.chrome().getType().name()).isEqualTo(Browser.Type.CHROME.name());
        assertThat(new OperatingSystem(OperatingSystem.Type.IOS)).isEqualTo(OperatingSystem.ios());
        assertThat(new Browser(Browser.Type.SAFARI, 17.2f).getVersion()).isEqualTo(17.2f, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(new UniqueIdentifier(true).getValue()).isTrue();
        CustomData customData = new CustomData(2, "a", "b");
        assertThat(customData.getId()).isEqualTo(2);
        assertThat(String.join(", ", customData.getValues())).isEqualTo("a, b");
        assertThat(new Geolocation("France", "Ile-de-France").getRegion()).isEqualTo("Ile-de-France");
        assertThat(new Conversion(5).getGoalId()).isEqualTo(5);
    }

    @Test
    void dataDrivesTargeting() throws Exception {
        String visitorCode = "compatdatavis002";
        assertThat(kameleoonClient.getVariation(visitorCode, "vip_free_shipping", false).getKey()).isEqualTo("off");

        kameleoonClient.addData(visitorCode, new CustomData(1, "vip"));

        assertThat(kameleoonClient.getVariation(visitorCode, "vip_free_shipping", false).getKey()).isEqualTo("on");
    }

    @Test
    void aConversionTrackedWithRevenueAndANegativeOne() throws Exception {
        String visitorCode = "compatdatavis003";
        kameleoonClient.trackConversion(visitorCode, 12, 30f);
        kameleoonClient.trackConversion(visitorCode, 13, true, 30f);
        kameleoonClient.flush(visitorCode);

        String all = linesOf(visitorCode, "goalId=12", "goalId=13");
        assertThat(all).contains("eventType=conversion&goalId=12&revenue=30&negative=false")
                .contains("eventType=conversion&goalId=13&revenue=30&negative=true");
    }

    @Test
    void flushOfEveryVisitorSendsWhatIsPending() throws Exception {
        String visitorCode = "compatdatavis004";
        kameleoonClient.addData(visitorCode, new CustomData(3, "acct-7"));
        kameleoonClient.flush(true, null);

        assertThat(linesOf(visitorCode, "eventType=customData&index=3")).contains("visitorCode=" + visitorCode);
    }
}
