package com.kameleoon.internal;

import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.datafile.ConfigurationHolder;
import com.kameleoon.internal.datafile.SegmentDef;
import com.kameleoon.internal.targeting.TargetingContext;
import com.kameleoon.internal.tracking.VisitorTracker;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.internal.visitor.VisitorStore;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Audience tracking ({@code evaluateAudiences}): evaluates the segments marked for it, records those the visitor
 * matches, and tracks. Runs inside the caller's unit of work on the visitor. Thread-safe (immutable).
 */
final class Audiences {
    private final ConfigurationHolder configuration;
    private final VisitorStore store;
    private final VisitorTracker tracker;
    private final LongSupplier clock;
    private final ZoneId zone;

    /**
     * @param configuration the configuration in force
     * @param store where the unit's visitors are
     * @param tracker runs tracking passes
     * @param clock epoch milliseconds
     * @param zone the zone for day-based conditions
     */
    Audiences(ConfigurationHolder configuration, VisitorStore store, VisitorTracker tracker, LongSupplier clock,
            ZoneId zone) {
        this.configuration = configuration;
        this.store = store;
        this.tracker = tracker;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * {@link com.kameleoon.KameleoonClient#evaluateAudiences(String)} within an open unit. The visitor is created
     * only when it matches a segment; the tracking pass runs in every case.
     */
    void evaluate(String visitorCode) {
        Configuration current = configuration.get();
        if (current == null || current.audienceSegments().isEmpty()) {
            tracker.track(visitorCode);
            return;
        }
        List<Integer> matched = new ArrayList<>();
        Visitor visitor = store.get(visitorCode);
        if (visitor == null) {
            collect(current, visitorCode, null, matched);
        } else {
            synchronized (visitor) {
                collect(current, visitorCode, visitor, matched);
            }
        }
        if (!matched.isEmpty()) {
            Visitor target = store.getOrCreate(visitorCode);
            synchronized (target) {
                for (Integer segmentId : matched) {
                    target.addTargetedSegment(segmentId);
                }
            }
        }
        tracker.track(visitorCode);
    }

    private void collect(Configuration current, String visitorCode, Visitor visitor, List<Integer> matched) {
        TargetingContext context = new TargetingContext(visitorCode, visitor, TargetingContext.NO_EXPERIMENT, current,
                clock.getAsLong(), zone, SdkInfo.NAME, SdkInfo.VERSION);
        for (SegmentDef segment : current.audienceSegments()) {
            if (segment.tree() == null || segment.tree().evaluate(context)) {
                matched.add(segment.id());
            }
        }
    }
}
