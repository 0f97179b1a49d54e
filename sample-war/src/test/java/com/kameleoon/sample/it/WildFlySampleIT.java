package com.kameleoon.sample.it;

import com.kameleoon.it.container.ItPaths;
import com.kameleoon.it.container.WildFlyServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The same sample WAR on WildFly (its own servlet container and CDI, H2 in the run's work folder): the shop page,
 * a purchase, and the purchase reaching the collector inside the WAR.
 *
 * <p>The collector's URL holds WildFly's HTTP port, which is known only once the launcher has picked a free port
 * offset and started the server, too late for a {@code -D} argument. So the test sets
 * {@code kameleoon.data_api_url} the way an operator configures a running WildFly, as a {@code system-property}
 * resource through the management CLI, and deploys afterwards: the WAR's Kameleoon client reads it when the
 * deployment starts (system properties rank above the WAR's {@code kameleoon.properties}).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class WildFlySampleIT {
    private static final String DEPLOYMENT = "shop";

    private WildFlyServer wildfly;

    @BeforeEach
    void startShop() {
        Path work = ItPaths.newWorkDirectory("wildfly-sample");
        wildfly = WildFlyServer.start(ItPaths.wildfly(), "wildfly-sample",
                Map.of("sample.jdbc_url", "jdbc:h2:file:" + work.resolve("h2/shop")));
        WildFlyCli.addSystemProperty(ItPaths.wildfly(), wildfly.managementPort(), "kameleoon.data_api_url",
                wildfly.baseUrl(DEPLOYMENT) + "/collector");
        wildfly.deploy(DEPLOYMENT, SampleItPaths.war());
    }

    @AfterEach
    void stop() {
        if (wildfly != null) {
            wildfly.close();
        }
    }

    @Test
    void shopServesBuyAnswersAndTheCollectorCountsTheConversion() throws Exception {
        ShopPurchase.buyAndAwaitTheConversion(wildfly.baseUrl(DEPLOYMENT));
    }
}
