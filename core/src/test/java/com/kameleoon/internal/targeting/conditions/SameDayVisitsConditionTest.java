package com.kameleoon.internal.targeting.conditions;

import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.MIDNIGHT;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.NOW;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.check;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.condition;
import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.internal.targeting.TargetingContext;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.internal.visitor.VisitorVisits;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Now is 2025-01-01T12:00Z; in UTC today starts at {@link TargetingFixtures#MIDNIGHT}. */
@DisplayName("SAME_DAY_VISITS (docs/evaluation.md#same_day_visits)")
class SameDayVisitsConditionTest {
    private static final long HOUR = 3_600_000L;

    private static String json(String operator, int count) {
        return "{\"targetingType\":\"SAME_DAY_VISITS\",\"visitCount\":\"" + count + "\",\"matchType\":\"" + operator
                + "\"}";
    }

    /** A visitor whose current visit started at {@code timeStarted}, with previous visits (most recent first). */
    private static Visitor visitor(long timeStarted, long... previousStarts) {
        Visitor visitor = new Visitor(timeStarted);
        List<VisitorVisits.Visit> visits = new ArrayList<>();
        for (long start : previousStarts) {
            visits.add(new VisitorVisits.Visit(start, start + 60_000));
        }
        visitor.setVisits(new VisitorVisits(visits, visits.size()), false);
        return visitor;
    }

    @Test
    @DisplayName("SAME_DAY_VISITS counts today's previous visits plus the current one")
    void countsToday() {
        Visitor visitor = visitor(NOW - HOUR, NOW - 2 * HOUR, NOW - 5 * HOUR, MIDNIGHT - HOUR);
        assertThat(check(json("EQUAL", 3), visitor)).isTrue();
        assertThat(check(json("GREATER", 2), visitor)).isTrue();
        assertThat(check(json("LOWER", 3), visitor)).isFalse();
    }

    @Test
    @DisplayName("SAME_DAY_VISITS stops at the first visit before midnight (a visit started at midnight counts)")
    void stopsAtTheFirstOlderVisit() {
        // The list is expected most recent first; a today-visit after an older one is not reached.
        Visitor visitor = visitor(NOW, MIDNIGHT, MIDNIGHT - 1, NOW - HOUR);
        assertThat(check(json("EQUAL", 2), visitor)).isTrue();
    }

    @Test
    @DisplayName("SAME_DAY_VISITS a current visit started yesterday does not count")
    void currentVisitFromYesterday() {
        Visitor visitor = visitor(MIDNIGHT - 1, NOW - HOUR);
        assertThat(check(json("EQUAL", 1), visitor)).isTrue();
    }

    @Test
    @DisplayName("SAME_DAY_VISITS without visitor object: the current visit starts today, no previous visit"
            + " (docs/evaluation.md#data-read-by-conditions)")
    void noVisitorObject() {
        assertThat(check(json("EQUAL", 1), null)).isTrue();
        assertThat(check(json("EQUAL", 1), new Visitor(NOW))).isTrue();
    }

    @Test
    @DisplayName("SAME_DAY_VISITS midnight is taken in the context's zone (docs/evaluation.md#time-zone-of-today)")
    void zoneDefinesMidnight() {
        // In Tokyo (UTC+9) it is 21:00 on 2025-01-01: today started at 2024-12-31T15:00Z.
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        long tokyoMidnight = MIDNIGHT - 9 * HOUR;
        Visitor visitor = visitor(NOW, MIDNIGHT - 8 * HOUR, MIDNIGHT - 10 * HOUR);
        TargetingContext inTokyo = new TargetingContext("v", visitor, TargetingContext.NO_EXPERIMENT, null, NOW, tokyo,
                "JAVA", "1.0.0");
        assertThat(condition(json("EQUAL", 2)).check(inTokyo)).isTrue();
        assertThat(check(json("EQUAL", 1), visitor)).isTrue();
        assertThat(SameDayVisitsCondition.startOfDay(NOW, tokyo)).isEqualTo(tokyoMidnight);
    }

    @Test
    @DisplayName("SAME_DAY_VISITS visitCount absent: false")
    void absentCount() {
        assertThat(check("{\"targetingType\":\"SAME_DAY_VISITS\",\"matchType\":\"GREATER\"}", null)).isFalse();
    }
}
