package com.kameleoon.internal.tracking;

import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.visitor.TrackedItem;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.internal.visitor.VisitorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Runs tracking passes: at each tracking call (a tracked evaluation, a conversion, a flush) it encodes the
 * visitor's unsent data into lines at once and hands them to the visitor's unit of work, as PHP does; the relay delivers
 * them in the background. Building at call time keeps exposures exact (a later {@code track=false}
 * evaluation cannot swallow an earlier tracked one) and keeps request threads off the network. Thread-safe.
 */
public final class VisitorTracker {
    private final VisitorStore store;
    private final Supplier<Configuration> configuration;
    private final LongAdder exposures = new LongAdder();
    private final LongAdder conversions = new LongAdder();

    /**
     * @param store where visitors are, and where their lines go (into the visitor's unit of work)
     * @param configuration the configuration in force (may supply null)
     */
    public VisitorTracker(VisitorStore store, Supplier<Configuration> configuration) {
        this.store = store;
        this.configuration = configuration;
    }

    /**
     * Tracks one visitor: its unsent data, or an activity line when there is none.
     *
     * @param visitorCode a valid visitor code
     */
    public void track(String visitorCode) {
        Configuration config = configuration.get();
        Visitor visitor = store.get(visitorCode);
        List<String> lines;
        if (visitor == null) {
            lines = TrackingLineEncoder.encode(null, visitorCode, config);
        } else {
            synchronized (visitor) {
                lines = TrackingLineEncoder.encode(visitor, visitorCode, config);
            }
        }
        count(lines);
        store.addLines(visitorCode, lines);
    }

    /** Tracks every visitor that has unsent data (no activity lines for the others). */
    public void trackAll() {
        Configuration config = configuration.get();
        List<String> codes = new ArrayList<>();
        store.forEach((code, visitor) -> {
            synchronized (visitor) {
                if (hasUnsentData(visitor)) {
                    codes.add(code);
                }
            }
        });
        for (String code : codes) {
            Visitor visitor = store.get(code);
            if (visitor != null) {
                List<String> lines;
                synchronized (visitor) {
                    lines = hasUnsentData(visitor) ? TrackingLineEncoder.encode(visitor, code, config) : List.of();
                }
                count(lines);
                store.addLines(code, lines);
            }
        }
    }

    /** Counts the exposure and conversion lines of a pass (a prefix test per line, on a path that built them). */
    private void count(List<String> lines) {
        for (int i = 0, n = lines.size(); i < n; i++) {
            String line = lines.get(i);
            if (line.startsWith("eventType=experiment&")) {
                exposures.increment();
            } else if (line.startsWith("eventType=conversion&")) {
                conversions.increment();
            }
        }
    }

    /** @return exposure lines built since start: a variation of an experiment or delivery rule shown to a visitor */
    public long exposures() {
        return exposures.sum();
    }

    /** @return conversion lines built since start */
    public long conversions() {
        return conversions.sum();
    }

    private static boolean hasUnsentData(Visitor visitor) {
        if (unsent(visitor.deviceItem()) || unsent(visitor.browserItem()) || unsent(visitor.operatingSystemItem())
                || unsent(visitor.geolocationItem()) || unsent(visitor.visitsItem())) {
            return true;
        }
        if (visitor.hasUnsentPackedData()) {
            return true;
        }
        for (TrackedItem<?> item : visitor.targetedSegments().values()) {
            if (!item.isSent()) {
                return true;
            }
        }
        for (TrackedItem<?> item : visitor.conversions()) {
            if (!item.isSent()) {
                return true;
            }
        }
        return false;
    }

    private static boolean unsent(TrackedItem<?> item) {
        return item != null && !item.isSent();
    }
}
