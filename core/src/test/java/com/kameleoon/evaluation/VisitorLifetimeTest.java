package com.kameleoon.evaluation;

import static com.kameleoon.evaluation.EngineCode.INIT;
import static com.kameleoon.evaluation.Fixtures.specHash;
import static com.kameleoon.evaluation.Fixtures.visitorWhere;
import static com.kameleoon.evaluation.RuleLoopTest.assertDefault;
import static com.kameleoon.evaluation.RuleLoopTest.assertVariation;
import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.data.CustomData;
import com.kameleoon.internal.DefaultKameleoonClient;
import org.junit.jupiter.api.Test;

/**
 * docs/evaluation.md#visitor-lifetime: visitors live in memory and expire after session_duration (default 30 minutes)
 * without access; every lookup refreshes the last-activity time. Example datafile: vip_free_shipping delivers "on"
 * (4020) to custom data index 1 = "vip"; the visitor is chosen outside the 10 % fallback delivery (hash(code + 2013) >
 * 0.1).
 */
class VisitorLifetimeTest {
    private static final long MINUTE = 60_000L;
    private static final String CODE = visitorWhere("lifetime-", c -> specHash(c + "2013") > 0.1);

    @Test
    void visitorLifetime_dataIsKeptWhileTheVisitorIsActive() {
        Fixtures.TestClock clock = new Fixtures.TestClock();
        try (DefaultKameleoonClient client = Fixtures.client(Fixtures.EXAMPLE, clock)) {
            client.addData(CODE, false, new CustomData(1, "vip"));
            for (int i = 0; i < 4; i++) {
                clock.advance(29 * MINUTE);
                assertVariation(client.getVariation(CODE, "vip_free_shipping", false), "on", 4020, 3003);
            }
        }
    }

    @Test
    void visitorLifetime_theVisitorExpiresAfterThirtyMinutesWithoutAccess() {
        Fixtures.TestClock clock = new Fixtures.TestClock();
        try (DefaultKameleoonClient client = Fixtures.client(Fixtures.EXAMPLE, clock)) {
            client.addData(CODE, false, new CustomData(1, "vip"));
            client.getVariation(CODE, "vip_free_shipping", false);

            clock.advance(31 * MINUTE);

            assertThat(client.getEngineTrackingCode(CODE)).isEqualTo(INIT);
            assertDefault(client.getVariation(CODE, "vip_free_shipping", false));
        }
    }
}
