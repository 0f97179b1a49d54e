package com.kameleoon.evaluation;

import static com.kameleoon.evaluation.Fixtures.specHash;
import static com.kameleoon.evaluation.Fixtures.visitorWhere;
import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.evaluation.EvaluatedExperiment;
import com.kameleoon.internal.evaluation.FlagEvaluator;
import com.kameleoon.internal.hash.BucketHasher;
import com.kameleoon.internal.visitor.Visitor;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docs/evaluation.md#contextual-bandit-scores: contextual-bandit scores (loaded by remote data) choose among a rule's
 * variations after the exposition and consent checks, before the delivery and experiment branches. The scores are set
 * on the visitor directly: loading them needs the Data API.
 */
@DisplayName("contextual-bandit scores (docs/evaluation.md#contextual-bandit-scores)")
class ContextualBanditTest {
    /**
     * Flag "bandit": experiment 100 (rule 10, exposition 1) splits a 0.9 / b 0.1 / c 0, plus an entry without
     * variation id. Flag "bandit_delivery": delivery 200 (rule 20) whose first entry is a.
     */
    private static final Configuration CONFIG = Fixtures.configuration("""
            {"configuration": {"consentType": "NOT_REQUIRED"},
             "featureFlags": [
              {"id": 1, "featureKey": "bandit", "defaultVariationKey": "off", "environmentEnabled": true,
               "variations": [{"key": "off", "variables": []}, {"key": "a", "variables": []},
                              {"key": "b", "variables": []}, {"key": "c", "variables": []},
                              {"key": "untracked", "variables": []}],
               "rules": [{"id": 10, "type": "EXPERIMENTATION", "exposition": 1.0, "experimentId": 100,
                          "respoolTime": null, "variationByExposition": [
                            {"variationKey": "untracked", "variationId": null, "exposition": 0.0},
                            {"variationKey": "a", "variationId": 11, "exposition": 0.9},
                            {"variationKey": "b", "variationId": 12, "exposition": 0.1},
                            {"variationKey": "c", "variationId": 13, "exposition": 0.0}]}]},
              {"id": 2, "featureKey": "bandit_delivery", "defaultVariationKey": "off", "environmentEnabled": true,
               "variations": [{"key": "off", "variables": []}, {"key": "a", "variables": []},
                              {"key": "b", "variables": []}],
               "rules": [{"id": 20, "type": "TARGETED_DELIVERY", "exposition": 1.0, "experimentId": 200,
                          "respoolTime": null, "variationByExposition": [
                            {"variationKey": "a", "variationId": 21, "exposition": 1.0},
                            {"variationKey": "b", "variationId": 22, "exposition": 0.0}]}]}
             ]}
            """);

    // Variation hash in [0.5, 0.9): the split alone gives "a", the second of two candidates is "b".
    private static final String UPPER_HALF = visitorWhere("cbs-", code -> {
        double h = specHash(code + "100");
        return h >= 0.5 && h < 0.9;
    });
    // Variation hash below 0.5: the first of two candidates.
    private static final String LOWER_HALF = visitorWhere("cbs-", code -> specHash(code + "100") < 0.5);

    private static EvaluatedExperiment evaluate(String featureKey, String code, Map<Integer, List<List<Integer>>> scores) {
        Visitor visitor = new Visitor(Fixtures.T0);
        visitor.setCbScores(scores);
        return new FlagEvaluator(() -> Fixtures.T0, ZoneOffset.UTC).evaluate(CONFIG, code, visitor,
                CONFIG.flag(featureKey), false, false, new BucketHasher(), c -> {
                    throw new AssertionError("save = false creates no visitor");
                });
    }

    private static String keyOf(EvaluatedExperiment result) {
        return result == null ? null : result.entry().variationKey();
    }

    @Test
    @DisplayName("the first group sharing a variation id decides; one candidate is taken whatever its share")
    void singleCandidate() {
        // [99] shares no id with the rule and is skipped; [13] has the single candidate c (share 0).
        EvaluatedExperiment result = evaluate("bandit", UPPER_HALF, Map.of(100, List.of(List.of(99), List.of(13),
                List.of(11, 12))));
        assertThat(keyOf(result)).isEqualTo("c");
        assertThat(result.entry().variationId()).isEqualTo(13);
        assertThat(result.rule().experimentId()).isEqualTo(100);
    }

    @Test
    @DisplayName("several candidates: candidates[floor(h * n)] with the variation hash, in rule order")
    void severalCandidatesSplitByTheVariationHash() {
        assertThat(keyOf(evaluate("bandit", UPPER_HALF, Map.of(100, List.of(List.of(11, 12)))))).isEqualTo("b");
        assertThat(keyOf(evaluate("bandit", LOWER_HALF, Map.of(100, List.of(List.of(11, 12)))))).isEqualTo("a");
        // The candidates follow the rule's order, not the group's.
        assertThat(keyOf(evaluate("bandit", UPPER_HALF, Map.of(100, List.of(List.of(12, 11)))))).isEqualTo("b");
    }

    @Test
    @DisplayName("no group shares a variation id with the rule: normal evaluation")
    void noSharedVariation() {
        assertThat(keyOf(evaluate("bandit", UPPER_HALF, Map.of(100, List.of(List.of(98), List.of(99))))))
                .isEqualTo("a");
    }

    @Test
    @DisplayName("scores for other experiments only: normal evaluation")
    void scoresOfAnotherExperiment() {
        assertThat(keyOf(evaluate("bandit", UPPER_HALF, Map.of(999, List.of(List.of(13)))))).isEqualTo("a");
    }

    @Test
    @DisplayName("the scores apply before a delivery's first-entry branch")
    void beforeTheDeliveryBranch() {
        assertThat(keyOf(evaluate("bandit_delivery", UPPER_HALF, Map.of(200, List.of(List.of(22)))))).isEqualTo("b");
        assertThat(keyOf(evaluate("bandit_delivery", UPPER_HALF, Map.of()))).isEqualTo("a");
    }
}
