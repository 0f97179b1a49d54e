package com.kameleoon.internal.evaluation;

import com.kameleoon.exceptions.FeatureEnvironmentDisabled;
import com.kameleoon.internal.SdkInfo;
import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.datafile.FlagDef;
import com.kameleoon.internal.datafile.Holdout;
import com.kameleoon.internal.datafile.RuleDef;
import com.kameleoon.internal.datafile.SegmentDef;
import com.kameleoon.internal.datafile.Settings;
import com.kameleoon.internal.datafile.VariationByExposition;
import com.kameleoon.internal.hash.BucketHasher;
import com.kameleoon.internal.hash.BucketPicker;
import com.kameleoon.internal.targeting.TargetingContext;
import com.kameleoon.internal.visitor.AssignedVariation;
import com.kameleoon.internal.visitor.ForcedVariation;
import com.kameleoon.internal.visitor.LegalConsent;
import com.kameleoon.internal.visitor.RuleType;
import com.kameleoon.internal.visitor.Visitor;
import java.time.ZoneId;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Evaluates one feature flag for one visitor (docs/evaluation.md#evaluation-order): simulated variation, holdout,
 * mutually exclusive group, then the rule loop, and saves the assignment. The caller resolves the visitor and
 * hands it in: the evaluator reaches no store. The visitor's monitor is held for the whole evaluation, so
 * concurrent requests of one visitor see and save consistent state. Evaluation never creates a visitor except to
 * save an assignment, and then through the caller's {@link VisitorCreator}. Thread-safe (immutable; per-call state
 * lives on the stack and in the caller's {@link BucketHasher}).
 */
public final class FlagEvaluator {
    private final LongSupplier clock;
    private final ZoneId zone;

    /**
     * @param clock epoch milliseconds
     * @param zone the zone for day-based conditions
     */
    public FlagEvaluator(LongSupplier clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Evaluates a flag.
     *
     * @param config the configuration in force
     * @param visitorCode a valid visitor code
     * @param visitor the visitor of that code as the caller's unit of work sees it now, or null when unknown
     * @param flag the flag (environment already checked by the caller)
     * @param track false to store the assignment as already sent
     * @param save false to store nothing (deprecated list methods)
     * @param hasher the caller's hasher, reused across the flags of one call
     * @param creator creates the visitor when it is null and an assignment must be saved
     * @return the chosen rule variation, or null for the default variation
     * @throws FeatureEnvironmentDisabled when legal consent fully blocks the evaluation
     */
    public EvaluatedExperiment evaluate(Configuration config, String visitorCode, Visitor visitor, FlagDef flag,
            boolean track, boolean save, BucketHasher hasher, VisitorCreator creator) {
        Run run = new Run(config, visitorCode, flag, track, save, hasher);
        if (visitor == null) {
            return run.withoutVisitor(creator);
        }
        synchronized (visitor) {
            return run.withVisitor(visitor);
        }
    }

    /** The state of one evaluation. */
    private final class Run {
        private final Configuration config;
        private final String visitorCode;
        private final FlagDef flag;
        private final boolean track;
        private final boolean save;
        private final BucketHasher hasher;
        private Visitor visitor;

        Run(Configuration config, String visitorCode, FlagDef flag, boolean track, boolean save, BucketHasher hasher) {
            this.config = config;
            this.visitorCode = visitorCode;
            this.flag = flag;
            this.track = track;
            this.save = save;
            this.hasher = hasher;
        }

        EvaluatedExperiment withVisitor(Visitor v) {
            visitor = v;
            ForcedVariation simulated = v.simulated(flag.key());
            if (simulated != null) {
                return resolveSimulated(simulated);
            }
            VariationByExposition holdoutEntry = holdoutEntry();
            if (holdoutEntry != null && save) {
                saveAssignment(v, config.holdout().experimentId(), holdoutEntry.variationId(), RuleType.EXPERIMENTATION);
            }
            if (holdoutEntry != null && Holdout.IN_HOLDOUT.equals(holdoutEntry.variationKey())) {
                return null;
            }
            return savedOn(v, afterHoldout());
        }

        /** The creator is a parameter, not a field: with one more field, every run would take 8 more bytes. */
        EvaluatedExperiment withoutVisitor(VisitorCreator creator) {
            VariationByExposition holdoutEntry = holdoutEntry();
            if (holdoutEntry != null && save && holdoutEntry.variationId() != null) {
                // Saving the holdout assignment creates the visitor; the rest of the evaluation sees it.
                Visitor created = creator.create(visitorCode);
                synchronized (created) {
                    visitor = created;
                    saveAssignment(created, config.holdout().experimentId(), holdoutEntry.variationId(),
                            RuleType.EXPERIMENTATION);
                    return Holdout.IN_HOLDOUT.equals(holdoutEntry.variationKey()) ? null
                            : savedOn(created, afterHoldout());
                }
            }
            if (holdoutEntry != null && Holdout.IN_HOLDOUT.equals(holdoutEntry.variationKey())) {
                return null;
            }
            EvaluatedExperiment result = afterHoldout();
            if (mustSave(result)) {
                // Saving the rule's assignment creates the visitor.
                Visitor created = creator.create(visitorCode);
                synchronized (created) {
                    savedOn(created, result);
                }
            }
            return result;
        }

        /** docs/evaluation.md#mutually-exclusive-groups, then #rule-loop. */
        private EvaluatedExperiment afterHoldout() {
            return unrestrictedByGroup() ? evaluateRules() : null;
        }

        private boolean mustSave(EvaluatedExperiment result) {
            return save && result != null && result.entry().variationId() != null;
        }

        /** Saves a rule's assignment on the visitor whose lock is held, when it must be saved. */
        private EvaluatedExperiment savedOn(Visitor target, EvaluatedExperiment result) {
            if (mustSave(result)) {
                RuleDef rule = result.rule();
                saveAssignment(target, rule.experimentId(), result.entry().variationId(), rule.type());
            }
            return result;
        }

        private void saveAssignment(Visitor target, int experimentId, Integer variationId, RuleType type) {
            if (variationId == null) {
                return;
            }
            target.assign(new AssignedVariation(experimentId, variationId, type, clock.getAsLong()), !track);
        }

        private EvaluatedExperiment resolveSimulated(ForcedVariation simulated) {
            if (simulated.experimentId() == 0) {
                return null;
            }
            RuleDef rule = flag.ruleByExperimentId(simulated.experimentId());
            if (rule == null) {
                return null;
            }
            for (VariationByExposition entry : rule.variations()) {
                if (simulated.variationId() != null && simulated.variationId().equals(entry.variationId())) {
                    return new EvaluatedExperiment(rule, entry);
                }
            }
            return null;
        }

        /**
         * docs/evaluation.md#holdout: the holdout entry of the visitor, or null when there is no holdout or the split
         * misses.
         */
        private VariationByExposition holdoutEntry() {
            Holdout holdout = config.holdout();
            if (holdout == null) {
                return null;
            }
            Settings settings = config.settings();
            if (settings.consentRequired() && settings.fullyBlockWithoutConsent() && visitor != null
                    && visitor.consent() == LegalConsent.NOT_GIVEN) {
                throw new FeatureEnvironmentDisabled(
                        "Evaluation for a holdout is blocked because the visitor's consent was not provided.");
            }
            String code = BucketingCode.of(visitor, visitorCode, flag.bucketingIndex());
            return BucketPicker.pick(holdout.variations(), bucket(code, holdout.hashSuffix()));
        }

        /** docs/evaluation.md#mutually-exclusive-groups. */
        private boolean unrestrictedByGroup() {
            String group = flag.meGroup();
            if (group == null) {
                return true;
            }
            List<FlagDef> members = config.meGroup(group);
            if (members.isEmpty()) {
                return true;
            }
            String code = BucketingCode.of(visitor, visitorCode, flag.bucketingIndex());
            return members.get(BucketPicker.slot(bucket(code, group), members.size())) == flag;
        }

        /** docs/evaluation.md#rule-loop. */
        private EvaluatedExperiment evaluateRules() {
            Settings settings = config.settings();
            LegalConsent consent = !settings.consentRequired() ? LegalConsent.GIVEN
                    : visitor == null ? LegalConsent.UNKNOWN : visitor.consent();
            String code = BucketingCode.of(visitor, visitorCode, flag.bucketingIndex());
            List<RuleDef> rules = flag.rules();
            for (int i = 0, n = rules.size(); i < n; i++) {
                RuleDef rule = rules.get(i);
                ForcedVariation forced = visitor == null ? null : visitor.forcedExperiment(rule.experimentId());
                VariationByExposition forcedEntry = forced == null ? null : entryByKey(rule, forced.variationKey());
                if (forcedEntry != null && forced.forceTargeting()) {
                    return new EvaluatedExperiment(rule, forcedEntry);
                }
                if (!targeted(rule)) {
                    continue;
                }
                if (forcedEntry != null) {
                    return new EvaluatedExperiment(rule, forcedEntry);
                }
                if (bucket(code, rule.expositionHashSuffix()) <= rule.exposition()) {
                    if (consent == LegalConsent.NOT_GIVEN && rule.type() == RuleType.EXPERIMENTATION) {
                        if (settings.fullyBlockWithoutConsent()) {
                            throw new FeatureEnvironmentDisabled("Evaluation of rule " + rule.id()
                                    + " is blocked because the visitor's consent was not provided.");
                        }
                        break;
                    }
                    double variationBucket = bucket(code, rule.variationHashSuffix());
                    VariationByExposition banditEntry = contextualBandit(rule, variationBucket);
                    if (banditEntry != null) {
                        return new EvaluatedExperiment(rule, banditEntry);
                    }
                    if (rule.type() == RuleType.TARGETED_DELIVERY && !rule.variations().isEmpty()) {
                        return new EvaluatedExperiment(rule, rule.variations().get(0));
                    }
                    VariationByExposition entry = BucketPicker.pick(rule.variations(), variationBucket);
                    if (entry != null) {
                        return new EvaluatedExperiment(rule, entry);
                    }
                } else if (rule.type() == RuleType.TARGETED_DELIVERY) {
                    break;
                }
            }
            return null;
        }

        /** The hash of {@code code + suffix}, memoized on the visitor when there is one (its lock is held). */
        private double bucket(String code, String suffix) {
            if (visitor == null) {
                return hasher.hash(code, suffix, "");
            }
            double bucket = visitor.memoizedBucket(code, suffix);
            if (Double.isNaN(bucket)) {
                bucket = hasher.hash(code, suffix, "");
                visitor.memoizeBucket(code, suffix, bucket);
            }
            return bucket;
        }

        private boolean targeted(RuleDef rule) {
            SegmentDef segment = rule.segment();
            if (segment == null || segment.tree() == null) {
                return true;
            }
            TargetingContext context = new TargetingContext(visitorCode, visitor, rule.experimentId(), config,
                    clock.getAsLong(), zone, SdkInfo.NAME, SdkInfo.VERSION);
            return segment.tree().evaluate(context);
        }

        /** docs/evaluation.md#contextual-bandit-scores: contextual-bandit scores, only when remote data loaded them. */
        private VariationByExposition contextualBandit(RuleDef rule, double variationBucket) {
            if (visitor == null || visitor.cbScores() == null) {
                return null;
            }
            List<List<Integer>> groups = visitor.cbScores().get(rule.experimentId());
            if (groups == null) {
                return null;
            }
            List<VariationByExposition> entries = rule.variations();
            for (List<Integer> group : groups) {
                int count = 0;
                for (VariationByExposition entry : entries) {
                    if (entry.variationId() != null && group.contains(entry.variationId())) {
                        count++;
                    }
                }
                if (count == 0) {
                    continue;
                }
                int chosen = count == 1 ? 0 : BucketPicker.slot(variationBucket, count);
                for (VariationByExposition entry : entries) {
                    if (entry.variationId() != null && group.contains(entry.variationId()) && chosen-- == 0) {
                        return entry;
                    }
                }
            }
            return null;
        }

        private VariationByExposition entryByKey(RuleDef rule, String variationKey) {
            if (variationKey == null) {
                return null;
            }
            for (VariationByExposition entry : rule.variations()) {
                if (variationKey.equals(entry.variationKey())) {
                    return entry;
                }
            }
            return null;
        }
    }
}
