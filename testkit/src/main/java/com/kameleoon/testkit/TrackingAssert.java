package com.kameleoon.testkit;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions on what a client tracked, by visitor: each one flushes the visitor and waits (at most the view's
 * timeout) for the expected line, and a failure lists what was captured so that the test output shows what
 * happened instead. Obtain one with {@link KameleoonAssertions#assertThat(KameleoonTracking)}; each method returns
 * {@code this} for chaining. Thread-safe (it holds only the view).
 */
public final class TrackingAssert {
    private static final int MAX_LISTED_LINES = 50;

    private final KameleoonTracking tracking;

    TrackingAssert(KameleoonTracking tracking) {
        this.tracking = Objects.requireNonNull(tracking, "tracking");
    }

    /**
     * Asserts that the visitor's exposure to this variation of the flag was tracked, with the experiment and
     * variation ids the datafile gives it in any rule that serves it.
     *
     * @param visitorCode the visitor code
     * @param flagKey the flag's key
     * @param variationKey the variation's key
     * @return this
     * @throws AssertionFailedError when no such exposure arrives within the timeout; or when the view has no
     *     {@link TestDataFile} to resolve keys with, or only the default serves the variation (defaults carry no
     *     ids, so they are never tracked as exposures)
     */
    public TrackingAssert exposed(String visitorCode, String flagKey, String variationKey) {
        TestDataFile dataFile = tracking.dataFile();
        if (dataFile == null) {
            throw new AssertionFailedError("cannot resolve flag '" + flagKey + "' and variation '" + variationKey
                    + "' to ids: the tracking view has no TestDataFile; use exposed(visitor, experimentId, "
                    + "variationId)");
        }
        List<TestDataFile.Exposure> exposures;
        try {
            exposures = dataFile.exposuresOf(flagKey, variationKey);
        } catch (IllegalArgumentException e) {
            throw new AssertionFailedError(e.getMessage(), e);
        }
        if (exposures.isEmpty()) {
            throw new AssertionFailedError("variation '" + variationKey + "' of flag '" + flagKey + "' is served by no "
                    + "rule, only as the default, and a default variation is never tracked as an exposure");
        }
        String expected = "an exposure of visitor '" + visitorCode + "' to " + flagKey + "/" + variationKey + " "
                + exposures;
        return expect(visitorCode, expected,
                l -> l.isOf(visitorCode) && exposures.stream()
                        .anyMatch(e -> l.isExposure(e.experimentId(), e.variationId())));
    }

    /**
     * Asserts that the visitor's exposure with these ids was tracked (for datafiles not declared in code).
     *
     * @param visitorCode the visitor code
     * @param experimentId the experiment id
     * @param variationId the variation id
     * @return this
     * @throws AssertionFailedError when no such exposure arrives within the timeout
     */
    public TrackingAssert exposed(String visitorCode, int experimentId, int variationId) {
        return expect(visitorCode, "an exposure of visitor '" + visitorCode + "' to experiment " + experimentId
                + " variation " + variationId,
                l -> l.isOf(visitorCode) && l.isExposure(experimentId, variationId));
    }

    /**
     * Asserts that a conversion of the goal was tracked for the visitor.
     *
     * @param visitorCode the visitor code
     * @param goalId the goal id
     * @return this
     * @throws AssertionFailedError when no such conversion arrives within the timeout
     */
    public TrackingAssert converted(String visitorCode, int goalId) {
        return expect(visitorCode, "a conversion of visitor '" + visitorCode + "' on goal " + goalId,
                l -> l.isOf(visitorCode) && l.isEvent("conversion") && Integer.toString(goalId).equals(
                        l.param("goalId")));
    }

    /**
     * Asserts that no exposure of the visitor was tracked, to any flag, once its pending tracking is delivered.
     *
     * @param visitorCode the visitor code
     * @return this
     * @throws AssertionFailedError listing the exposures that were tracked
     */
    public TrackingAssert hasNoExposure(String visitorCode) {
        return expectNone(visitorCode, "no exposure of visitor '" + visitorCode + "'",
                l -> l.isOf(visitorCode) && l.isEvent("experiment"));
    }

    /**
     * Asserts that no exposure of the visitor to this flag (any variation, any rule) was tracked.
     *
     * @param visitorCode the visitor code
     * @param flagKey the flag's key, resolved through the view's {@link TestDataFile}
     * @return this
     * @throws AssertionFailedError listing the exposures to the flag that were tracked
     */
    public TrackingAssert hasNoExposure(String visitorCode, String flagKey) {
        TestDataFile dataFile = tracking.dataFile();
        if (dataFile == null) {
            throw new AssertionFailedError("cannot resolve flag '" + flagKey + "' to ids: the tracking view has no "
                    + "TestDataFile");
        }
        List<String> experimentIds;
        try {
            TestFlag flag = dataFile.flag(flagKey);
            experimentIds = IntStream.range(0, flag.declaredRules().size())
                    .mapToObj(r -> Integer.toString(dataFile.experimentId(flagKey, r))).toList();
        } catch (IllegalArgumentException e) {
            throw new AssertionFailedError(e.getMessage(), e);
        }
        return expectNone(visitorCode, "no exposure of visitor '" + visitorCode + "' to flag '" + flagKey + "'",
                l -> l.isOf(visitorCode) && l.isEvent("experiment") && experimentIds.contains(l.param("id")));
    }

    /** @return the lines the server has captured so far, for checks these methods do not cover */
    public List<String> lines() {
        return tracking.lines();
    }

    private TrackingAssert expect(String visitorCode, String expected, Predicate<TrackingLine> match) {
        if (TrackingLine.parseAll(tracking.lines()).stream().anyMatch(match)) {
            return this;
        }
        tracking.flush(visitorCode);
        if (!tracking.await(lines -> lines.stream().anyMatch(match))) {
            throw new AssertionFailedError("expected " + expected + " within " + tracking.timeout()
                    + ", but none was tracked.\n" + captured(visitorCode));
        }
        return this;
    }

    private TrackingAssert expectNone(String visitorCode, String expected, Predicate<TrackingLine> match) {
        tracking.flush(visitorCode);
        List<String> offending = TrackingLine.parseAll(tracking.lines()).stream().filter(match)
                .map(this::named).toList();
        if (!offending.isEmpty()) {
            throw new AssertionFailedError("expected " + expected + ", but " + offending.size() + " were tracked:\n  "
                    + String.join("\n  ", offending) + "\n" + captured(visitorCode));
        }
        return this;
    }

    private String captured(String visitorCode) {
        List<TrackingLine> all = TrackingLine.parseAll(tracking.lines());
        List<String> mine = all.stream().filter(l -> l.isOf(visitorCode)).map(this::named).toList();
        StringBuilder s = new StringBuilder();
        s.append("Lines of visitor '").append(visitorCode).append("' (").append(mine.size()).append("):");
        list(s, mine);
        s.append("\nAll captured lines (").append(all.size()).append("):");
        list(s, all.stream().map(this::named).toList());
        return s.toString();
    }

    private static void list(StringBuilder s, List<String> lines) {
        if (lines.isEmpty()) {
            s.append(" none");
        }
        lines.stream().limit(MAX_LISTED_LINES).forEach(l -> s.append("\n  ").append(l));
        if (lines.size() > MAX_LISTED_LINES) {
            s.append("\n  … and ").append(lines.size() - MAX_LISTED_LINES).append(" more");
        }
    }

    /* The line, followed by "flag/variation" when it is an exposure the datafile can name. */
    private String named(TrackingLine line) {
        TestDataFile dataFile = tracking.dataFile();
        if (dataFile == null || !line.isEvent("experiment")) {
            return line.text();
        }
        try {
            String name = dataFile.nameOf(Integer.parseInt(line.param("id")),
                    Integer.parseInt(line.param("variationId")));
            return name == null ? line.text() : line.text() + "   <- " + name;
        } catch (NumberFormatException e) { // not a well-formed exposure line: shown as is
            return line.text();
        }
    }

    @Override
    public String toString() {
        return "TrackingAssert[" + tracking + "]";
    }
}
