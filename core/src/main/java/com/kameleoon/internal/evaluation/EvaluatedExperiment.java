package com.kameleoon.internal.evaluation;

import com.kameleoon.internal.datafile.RuleDef;
import com.kameleoon.internal.datafile.VariationByExposition;
import com.kameleoon.types.Variation;

/**
 * The outcome of a flag evaluation that chose a rule's variation (the "result" of docs/evaluation.md#evaluation-order).
 * A null {@code EvaluatedExperiment} means "the flag's default variation".
 *
 * @param rule the rule that decided
 * @param entry the chosen entry of its split
 */
public record EvaluatedExperiment(RuleDef rule, VariationByExposition entry) {
    /** @return the variation returned to the caller */
    public Variation variation() {
        return entry.result();
    }
}
