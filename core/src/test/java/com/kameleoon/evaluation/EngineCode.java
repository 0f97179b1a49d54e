package com.kameleoon.evaluation;

/** Builds expected {@code getEngineTrackingCode} strings (docs/wire-format.md#hybrid-mode). */
final class EngineCode {
    static final String INIT = "window.kameleoonQueue=window.kameleoonQueue||[];";

    private EngineCode() {
    }

    /** @return the two statements of one assignment */
    static String assignment(int experimentId, int variationId, boolean trackingOnly) {
        return "window.kameleoonQueue.push(['Experiments.assignVariation'," + experimentId + "," + variationId
                + ",true]);window.kameleoonQueue.push(['Experiments.trigger'," + experimentId + "," + trackingOnly
                + "]);";
    }

    static String assignment(int experimentId, int variationId) {
        return assignment(experimentId, variationId, true);
    }
}
