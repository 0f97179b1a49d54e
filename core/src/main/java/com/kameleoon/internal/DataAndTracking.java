package com.kameleoon.internal;

import com.kameleoon.data.Conversion;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Data;
import com.kameleoon.internal.data.VisitorDataWriter;
import com.kameleoon.internal.datafile.ConfigurationHolder;
import com.kameleoon.internal.tracking.VisitorTracker;
import java.util.List;

/**
 * Visitor data, conversions and tracking passes: {@code addData}, {@code trackConversion} and {@code flush}. The
 * per-visitor methods run inside the caller's unit of work on the visitor. Thread-safe (immutable).
 */
final class DataAndTracking {
    private final ConfigurationHolder configuration;
    private final VisitorDataWriter dataWriter;
    private final VisitorTracker tracker;
    private final Runnable deliverSoon;

    /**
     * @param configuration the configuration in force
     * @param dataWriter adds data to visitors
     * @param tracker runs tracking passes
     * @param deliverSoon asks the relay to deliver now rather than at its next tick
     */
    DataAndTracking(ConfigurationHolder configuration, VisitorDataWriter dataWriter, VisitorTracker tracker,
            Runnable deliverSoon) {
        this.configuration = configuration;
        this.dataWriter = dataWriter;
        this.tracker = tracker;
        this.deliverSoon = deliverSoon;
    }

    /** {@link com.kameleoon.KameleoonClient#addData(String, boolean, Data...)} within an open unit. */
    void add(String visitorCode, boolean track, Data... data) {
        dataWriter.add(configuration.get(), visitorCode, track, data);
    }

    /** {@code trackConversion} within an open unit: adds the conversion and tracks at once. */
    void trackConversion(String visitorCode, int goalId, double revenue, boolean negative, List<CustomData> metadata) {
        dataWriter.add(configuration.get(), visitorCode, true, new Conversion(goalId, revenue, negative, metadata));
        tracker.track(visitorCode);
    }

    /** {@link com.kameleoon.KameleoonClient#flush(String, boolean)} within an open unit. */
    void flush(String visitorCode, boolean instant) {
        tracker.track(visitorCode);
        if (instant) {
            deliverSoon.run();
        }
    }

    /** {@link com.kameleoon.KameleoonClient#flush()}: every visitor held in memory, each in its own pass. */
    void flushAll() {
        tracker.trackAll();
    }
}
