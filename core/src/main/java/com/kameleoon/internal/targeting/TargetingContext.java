package com.kameleoon.internal.targeting;

import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.visitor.Visitor;
import java.time.ZoneId;

/**
 * What targeting conditions read during one evaluation: the visitor object (null when the visitor has
 * none yet), the visitor code given to the public method, the experiment being evaluated (for
 * {@code EXCLUSIVE_EXPERIMENT}), the compiled configuration (for {@code SEGMENT} and
 * {@code TARGET_FEATURE_FLAG}), the clock and the SDK identity. Created per evaluation, used by one
 * thread, while the visitor's monitor is held.
 */
public final class TargetingContext {
    /** Value of {@link #currentExperimentId()} when no experiment is evaluated ({@code evaluateAudiences}). */
    public static final int NO_EXPERIMENT = Integer.MIN_VALUE;
    /** How deep {@code SEGMENT} conditions may nest. */
    public static final int MAX_SEGMENT_DEPTH = 32;

    private final String visitorCode;
    private final Visitor visitor;
    private final int currentExperimentId;
    private final Configuration configuration;
    private final long nowMillis;
    private final ZoneId zone;
    private final String sdkName;
    private final String sdkVersion;
    private int segmentDepth;
    private int[] activeSegments;

    /**
     * Creates a context.
     *
     * @param visitorCode the visitor code passed to the public method
     * @param visitor the visitor object, or null
     * @param currentExperimentId the rule's experiment id, or {@link #NO_EXPERIMENT}
     * @param configuration the compiled datafile
     * @param nowMillis the current time, epoch milliseconds
     * @param zone the zone that defines "today" for {@code SAME_DAY_VISITS}
     * @param sdkName the SDK name compared by {@code SDK_LANGUAGE}
     * @param sdkVersion the SDK version compared by {@code SDK_LANGUAGE}
     */
    public TargetingContext(String visitorCode, Visitor visitor, int currentExperimentId, Configuration configuration,
            long nowMillis, ZoneId zone, String sdkName, String sdkVersion) {
        this.visitorCode = visitorCode;
        this.visitor = visitor;
        this.currentExperimentId = currentExperimentId;
        this.configuration = configuration;
        this.nowMillis = nowMillis;
        this.zone = zone;
        this.sdkName = sdkName;
        this.sdkVersion = sdkVersion;
    }

    /** @return the visitor code passed to the public method (not the mapping identifier) */
    public String visitorCode() {
        return visitorCode;
    }

    /** @return the visitor object, or null when the visitor has none */
    public Visitor visitor() {
        return visitor;
    }

    /** @return the experiment being evaluated, or {@link #NO_EXPERIMENT} */
    public int currentExperimentId() {
        return currentExperimentId;
    }

    /** @return true when an experiment is being evaluated */
    public boolean hasCurrentExperiment() {
        return currentExperimentId != NO_EXPERIMENT;
    }

    /** @return the compiled configuration */
    public Configuration configuration() {
        return configuration;
    }

    /** @return now, epoch milliseconds */
    public long nowMillis() {
        return nowMillis;
    }

    /** @return the zone that defines "today" */
    public ZoneId zone() {
        return zone;
    }

    /** @return the SDK name, {@code JAVA} */
    public String sdkName() {
        return sdkName;
    }

    /** @return the SDK version */
    public String sdkVersion() {
        return sdkVersion;
    }

    /**
     * Enters a {@code SEGMENT} reference. Segments may reference each other in cycles (even twice in one tree,
     * which would make a depth limit alone exponential): re-entering a segment that is being evaluated, or
     * nesting deeper than {@link #MAX_SEGMENT_DEPTH}, is a no-match.
     *
     * @param segmentId the referenced segment
     * @return false when the reference must be a no-match (the caller must then not call {@link #exitSegment()})
     */
    public boolean enterSegment(int segmentId) {
        if (activeSegments == null) {
            activeSegments = new int[MAX_SEGMENT_DEPTH];
        }
        if (segmentDepth >= MAX_SEGMENT_DEPTH) {
            return false;
        }
        for (int i = 0; i < segmentDepth; i++) {
            if (activeSegments[i] == segmentId) {
                return false;
            }
        }
        activeSegments[segmentDepth++] = segmentId;
        return true;
    }

    /** Leaves the reference entered last with {@link #enterSegment(int)}. */
    public void exitSegment() {
        segmentDepth--;
    }
}
