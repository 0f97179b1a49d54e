package com.kameleoon.sample.it;

import com.kameleoon.it.container.FreePorts;
import com.kameleoon.it.container.ItPaths;
import com.kameleoon.it.container.PayaraMicroServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The same sample WAR on Payara Micro 7 (its own servlet container and CDI, on Java 21 or newer, H2 in the run's
 * work folder): the shop page, a purchase, and the purchase reaching the collector inside the WAR. Payara Micro
 * takes its port on the command line, so the collector's URL is known before the start and goes in as the
 * {@code kameleoon.data_api_url} system property, above the WAR's {@code kameleoon.properties}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PayaraSampleIT {
    private static final String CONTEXT_ROOT = "shop";

    private PayaraMicroServer payara;

    @BeforeEach
    void startShop() {
        Path work = ItPaths.newWorkDirectory("payara-sample");
        int port = FreePorts.allocate();
        payara = PayaraMicroServer.start(ItPaths.payaraMicro(), "payara-sample", SampleItPaths.war(), CONTEXT_ROOT,
                port, Map.of("sample.jdbc_url", "jdbc:h2:file:" + work.resolve("h2/shop"),
                        "kameleoon.data_api_url", "http://127.0.0.1:" + port + "/" + CONTEXT_ROOT + "/collector"));
    }

    @AfterEach
    void stop() {
        if (payara != null) {
            payara.close();
        }
    }

    @Test
    void shopServesBuyAnswersAndTheCollectorCountsTheConversion() throws Exception {
        ShopPurchase.buyAndAwaitTheConversion(payara.baseUrl());
    }
}
