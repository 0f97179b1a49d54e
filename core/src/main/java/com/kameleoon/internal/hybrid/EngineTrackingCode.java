package com.kameleoon.internal.hybrid;

import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.datafile.FlagDef;
import com.kameleoon.internal.visitor.AssignedVariation;
import com.kameleoon.internal.visitor.TrackedItem;
import com.kameleoon.internal.visitor.Visitor;
import java.util.Map;

/**
 * Builds the hybrid-mode script (docs/wire-format.md#hybrid-mode) that hands this request's assignments to the
 * Kameleoon JavaScript engine: for every assignment made in the last five seconds, in assignment order, an
 * {@code assignVariation} and a {@code trigger} statement. Only integers are interpolated, so the output is safe inside
 * a {@code <script>} element. Stateless.
 */
public final class EngineTrackingCode {
    /** How far back assignments are included. */
    public static final long WINDOW_MILLIS = 5_000;
    /** The statement every output starts with. */
    public static final String INIT = "window.kameleoonQueue=window.kameleoonQueue||[];";

    private EngineTrackingCode() {
    }

    /**
     * Builds the script. Must be called while holding the visitor's monitor.
     *
     * @param visitor the visitor, or null
     * @param config the configuration in force, or null
     * @param nowMillis the current time
     * @return the script, at least {@link #INIT}
     */
    public static String build(Visitor visitor, Configuration config, long nowMillis) {
        if (visitor == null) {
            return INIT;
        }
        StringBuilder script = new StringBuilder(INIT);
        for (Map.Entry<Integer, TrackedItem<AssignedVariation>> entry : visitor.assignments().entrySet()) {
            AssignedVariation assignment = entry.getValue().value();
            if (assignment.assignmentTime() <= nowMillis - WINDOW_MILLIS) {
                continue;
            }
            FlagDef flag = config == null ? null : config.flagByExperimentId(assignment.experimentId());
            boolean trackingOnly = flag == null || !flag.jsCss();
            script.append("window.kameleoonQueue.push(['Experiments.assignVariation',")
                    .append(assignment.experimentId()).append(',').append(assignment.variationId())
                    .append(",true]);window.kameleoonQueue.push(['Experiments.trigger',")
                    .append(assignment.experimentId()).append(',').append(trackingOnly).append("]);");
        }
        return script.toString();
    }
}
