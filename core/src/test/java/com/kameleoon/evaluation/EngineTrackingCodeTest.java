package com.kameleoon.evaluation;

import static com.kameleoon.evaluation.EngineCode.INIT;
import static com.kameleoon.evaluation.EngineCode.assignment;
import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.data.CustomData;
import com.kameleoon.internal.DefaultKameleoonClient;
import org.junit.jupiter.api.Test;

/**
 * getEngineTrackingCode (docs/wire-format.md#hybrid-mode), on the example datafile with visitor "abc": new_checkout ->
 * 3001/4001, pricing_page -> 3002/4011 (its first variation "off" has JS and CSS variables => trigger false).
 */
class EngineTrackingCodeTest {

    @Test
    void hybridMode_exactStringForOneAssignment() {
        try (DefaultKameleoonClient client = Fixtures.client(Fixtures.EXAMPLE, new Fixtures.TestClock())) {
            client.getVariation("abc", "new_checkout", true);

            assertThat(client.getEngineTrackingCode("abc")).isEqualTo("window.kameleoonQueue=window.kameleoonQueue||[];"
                    + "window.kameleoonQueue.push(['Experiments.assignVariation',3001,4001,true]);"
                    + "window.kameleoonQueue.push(['Experiments.trigger',3001,true]);");
        }
    }

    @Test
    void hybridMode_triggerIsFalseWhenTheFlagsFirstVariationHasAJsOrCssVariable() {
        try (DefaultKameleoonClient client = Fixtures.client(Fixtures.EXAMPLE, new Fixtures.TestClock())) {
            client.getVariation("abc", "pricing_page", false);

            assertThat(client.getEngineTrackingCode("abc")).isEqualTo(INIT
                    + "window.kameleoonQueue.push(['Experiments.assignVariation',3002,4011,true]);"
                    + "window.kameleoonQueue.push(['Experiments.trigger',3002,false]);");
        }
    }

    @Test
    void hybridMode_assignmentsAreEmittedInAssignmentOrder() {
        try (DefaultKameleoonClient client = Fixtures.client(Fixtures.EXAMPLE, new Fixtures.TestClock())) {
            client.getVariation("abc", "pricing_page", false);
            client.getVariation("abc", "new_checkout", false);

            assertThat(client.getEngineTrackingCode("abc"))
                    .isEqualTo(INIT + assignment(3002, 4011, false) + assignment(3001, 4001));
        }
        try (DefaultKameleoonClient client = Fixtures.client(Fixtures.EXAMPLE, new Fixtures.TestClock())) {
            client.getVariation("abc", "new_checkout", false);
            client.getVariation("abc", "pricing_page", false);

            assertThat(client.getEngineTrackingCode("abc"))
                    .isEqualTo(INIT + assignment(3001, 4001) + assignment(3002, 4011, false));
        }
    }

    @Test
    void hybridMode_getVariationsAssignmentsInDatafileOrder() {
        try (DefaultKameleoonClient client = Fixtures.client(Fixtures.EXAMPLE, new Fixtures.TestClock())) {
            client.getVariations("abc", false, false);

            assertThat(client.getEngineTrackingCode("abc")).isEqualTo(INIT + assignment(3001, 4001)
                    + assignment(3002, 4011, false) + assignment(3006, 4051) + assignment(3007, 4060));
        }
    }

    @Test
    void hybridMode_onlyAssignmentsOfTheLastFiveSeconds() {
        Fixtures.TestClock clock = new Fixtures.TestClock();
        try (DefaultKameleoonClient client = Fixtures.client(Fixtures.EXAMPLE, clock)) {
            client.getVariation("abc", "new_checkout", false);
            clock.advance(3_000);
            client.getVariation("abc", "pricing_page", false);

            clock.advance(1_999); // new_checkout assigned 4 999 ms ago
            assertThat(client.getEngineTrackingCode("abc"))
                    .isEqualTo(INIT + assignment(3001, 4001) + assignment(3002, 4011, false));

            clock.advance(1); // exactly 5 s: assignment time > now - 5 s no longer holds
            assertThat(client.getEngineTrackingCode("abc")).isEqualTo(INIT + assignment(3002, 4011, false));

            clock.advance(3_000);
            assertThat(client.getEngineTrackingCode("abc")).isEqualTo(INIT);
        }
    }

    @Test
    void hybridMode_aNewEvaluationRenewsTheAssignmentTime() {
        Fixtures.TestClock clock = new Fixtures.TestClock();
        try (DefaultKameleoonClient client = Fixtures.client(Fixtures.EXAMPLE, clock)) {
            client.getVariation("abc", "new_checkout", false);
            clock.advance(60_000);
            assertThat(client.getEngineTrackingCode("abc")).isEqualTo(INIT);

            client.getVariation("abc", "new_checkout", false);
            assertThat(client.getEngineTrackingCode("abc")).isEqualTo(INIT + assignment(3001, 4001));
        }
    }

    @Test
    void hybridMode_unknownVisitorGetsOnlyTheInitStatement() {
        try (DefaultKameleoonClient client = Fixtures.client(Fixtures.EXAMPLE, new Fixtures.TestClock())) {
            assertThat(client.getEngineTrackingCode("never-seen")).isEqualTo(INIT);
        }
    }

    @Test
    void hybridMode_aVisitorWithoutAssignmentsGetsOnlyTheInitStatement() {
        try (DefaultKameleoonClient client = Fixtures.client(Fixtures.EXAMPLE, new Fixtures.TestClock())) {
            client.addData("abc", false, new CustomData(1, "gold"));
            // visitor-001: new_checkout outside the delivery's exposition => default, nothing saved
            client.getVariation("visitor-001", "new_checkout", true);

            assertThat(client.getEngineTrackingCode("abc")).isEqualTo(INIT);
            assertThat(client.getEngineTrackingCode("visitor-001")).isEqualTo(INIT);
        }
    }
}
