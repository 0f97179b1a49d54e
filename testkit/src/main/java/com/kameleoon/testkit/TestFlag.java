package com.kameleoon.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A feature flag declared in code, so that a test states the flag it relies on next to the assertion instead of
 * in a datafile kept elsewhere. Rules are evaluated in the order they are added; {@link #rollout(double)} and the
 * targeting methods refine the rule added last.
 *
 * <pre>{@code
 * flag("new_checkout").serve("on")                                        // everyone gets "on"
 * flag("new_checkout").serve("on").rollout(50)                            // half of the visitors, others "off"
 * flag("pricing").variations("control", "cheap").experiment(weight("control", 50), weight("cheap", 50))
 * flag("vip").serve("on").targeting(customData(1, "vip")).serve("beta").rollout(10)   // two rules
 * flag("banner").variations(variation("off"), variation("on").variable("discount", 10)).serve("on")
 * }</pre>
 *
 * A new flag has the variations {@code off} and {@code on}, serves {@code off} by default (the first variation,
 * unless {@link #defaultVariation(String)} says otherwise) and is enabled in the environment. Each method returns
 * a new flag. Immutable and thread-safe.
 */
public final class TestFlag {
    private static final int MAX_RULES = 99;
    private static final int MAX_VARIATIONS = 99;

    private final String key;
    private final List<TestVariation> variations;
    private final String defaultVariation;
    private final boolean enabled;
    private final List<TestRule> rules;

    private TestFlag(String key, List<TestVariation> variations, String defaultVariation, boolean enabled,
            List<TestRule> rules) {
        this.key = key;
        this.variations = List.copyOf(variations);
        this.defaultVariation = defaultVariation;
        this.enabled = enabled;
        this.rules = List.copyOf(rules);
    }

    /**
     * @param featureKey the key the application passes to {@code getVariation}
     * @return an enabled on/off flag without rules: every visitor gets {@code off}
     */
    public static TestFlag flag(String featureKey) {
        if (featureKey == null || featureKey.isEmpty()) {
            throw new IllegalArgumentException("a flag needs a non-empty key");
        }
        return new TestFlag(featureKey, List.of(TestVariation.variation("off"), TestVariation.variation("on")), null,
                true, List.of());
    }

    /**
     * @param keys the variation keys, in order (the first is the default unless set otherwise)
     * @return a copy with exactly these variations, without variables
     */
    public TestFlag variations(String... keys) {
        return variations(Arrays.stream(keys).map(TestVariation::variation).toArray(TestVariation[]::new));
    }

    /**
     * @param declared the variations with their variables, in order
     * @return a copy with exactly these variations
     */
    public TestFlag variations(TestVariation... declared) {
        if (declared.length == 0 || declared.length > MAX_VARIATIONS) {
            throw new IllegalArgumentException("flag '" + key + "' needs 1 to " + MAX_VARIATIONS + " variations");
        }
        Set<String> seen = new HashSet<>();
        for (TestVariation v : declared) {
            if (!seen.add(Objects.requireNonNull(v, "variation").key())) {
                throw new IllegalArgumentException("flag '" + key + "' declares variation '" + v.key() + "' twice");
            }
        }
        return new TestFlag(key, List.of(declared), defaultVariation, enabled, rules);
    }

    /**
     * @param variationKey the variation served to visitors that no rule takes
     * @return a copy with that default
     */
    public TestFlag defaultVariation(String variationKey) {
        return new TestFlag(key, variations, Objects.requireNonNull(variationKey, "variationKey"), enabled, rules);
    }

    /**
     * @param enabledInEnvironment false makes {@code getVariation} throw {@code FeatureEnvironmentDisabled} and
     *     {@code isFeatureActive} return false, as for a flag switched off in the Kameleoon app's environment
     * @return a copy with that state
     */
    public TestFlag environmentEnabled(boolean enabledInEnvironment) {
        return new TestFlag(key, variations, defaultVariation, enabledInEnvironment, rules);
    }

    /** @return a copy disabled in the environment; see {@link #environmentEnabled(boolean)} */
    public TestFlag disabled() {
        return environmentEnabled(false);
    }

    /**
     * Adds a targeted-delivery rule: the visitors it takes get this variation. It takes every visitor until
     * narrowed with {@link #rollout(double)} or {@link #targeting(TestCondition...)}.
     *
     * @param variationKey one of the flag's variations
     * @return a copy with the rule added last
     */
    public TestFlag serve(String variationKey) {
        return withRule(TestRule.delivery(Objects.requireNonNull(variationKey, "variationKey")));
    }

    /**
     * Makes the rule added last apply to every visitor again (no targeting, 100 %); reads well after
     * {@link #serve(String)}.
     *
     * @return a copy with the last rule widened
     */
    public TestFlag forAllVisitors() {
        return withLastRule(lastRule("forAllVisitors").withTargeting(List.of(), false).withExposure(100));
    }

    /**
     * Sets the share of visitors that enter the rule added last; the others go on to the next rule (experiment) or
     * get the default variation (delivery). Which visitors are in is decided by the client's real bucketing, so it
     * is stable per visitor code.
     *
     * @param percent from 0 to 100
     * @return a copy with the last rule's exposure set
     */
    public TestFlag rollout(double percent) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("rollout of flag '" + key + "' must be between 0 and 100: " + percent);
        }
        return withLastRule(lastRule("rollout").withExposure(percent));
    }

    /**
     * Adds an experiment rule that splits its visitors evenly over the given variations.
     *
     * @param variationKeys the variations in the experiment
     * @return a copy with the rule added last
     */
    public TestFlag experiment(String... variationKeys) {
        if (variationKeys.length == 0) {
            throw new IllegalArgumentException("experiment of flag '" + key + "' needs at least one variation");
        }
        double share = 100.0 / variationKeys.length;
        List<VariationWeight> split = new ArrayList<>();
        for (String variationKey : variationKeys) {
            split.add(VariationWeight.weight(variationKey, share));
        }
        return withRule(TestRule.experiment(split));
    }

    /**
     * Adds an experiment rule with these variation shares; exposures are tracked with the rule's experiment id and
     * the variation's id (see {@link TestDataFile#experimentId(String)}).
     *
     * @param weights the variations and their shares in percent, at most 100 in total
     * @return a copy with the rule added last
     */
    public TestFlag experiment(VariationWeight... weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("experiment of flag '" + key + "' needs at least one weight");
        }
        double total = 0;
        for (VariationWeight w : weights) {
            total += Objects.requireNonNull(w, "weight").percent();
        }
        if (total > 100.000001) {
            throw new IllegalArgumentException("weights of flag '" + key + "' add up to " + total + " %, over 100");
        }
        return withRule(TestRule.experiment(List.of(weights)));
    }

    /**
     * Limits the rule added last to visitors for whom every condition holds; the others go on to the next rule.
     *
     * @param conditions the conditions (none: every visitor)
     * @return a copy with the last rule's targeting set
     */
    public TestFlag targeting(TestCondition... conditions) {
        return withLastRule(lastRule("targeting").withTargeting(List.of(conditions), false));
    }

    /**
     * Limits the rule added last to visitors for whom at least one condition holds.
     *
     * @param conditions the conditions
     * @return a copy with the last rule's targeting set
     */
    public TestFlag targetingAny(TestCondition... conditions) {
        if (conditions.length == 0) {
            throw new IllegalArgumentException("targetingAny of flag '" + key + "' needs at least one condition");
        }
        return withLastRule(lastRule("targetingAny").withTargeting(List.of(conditions), true));
    }

    /** @return the feature key */
    public String key() {
        return key;
    }

    /** @return the variation keys, in order */
    public List<String> variationKeys() {
        return variations.stream().map(TestVariation::key).toList();
    }

    /** @return the variation served when no rule takes the visitor */
    public String defaultVariationKey() {
        return defaultVariation != null ? defaultVariation : variations.get(0).key();
    }

    /** @return whether the flag is enabled in the environment */
    public boolean isEnvironmentEnabled() {
        return enabled;
    }

    List<TestVariation> declaredVariations() {
        return variations;
    }

    List<TestRule> declaredRules() {
        return rules;
    }

    /**
     * Checks what only the whole flag can tell: every variation a rule or the default names exists.
     *
     * @throws IllegalArgumentException naming the flag and the unknown variation
     */
    void validate() {
        List<String> keys = variationKeys();
        check(keys, defaultVariationKey(), "default variation");
        for (TestRule rule : rules) {
            for (VariationWeight w : rule.split()) {
                check(keys, w.variationKey(), "rule \"" + rule.describe() + "\"");
            }
        }
    }

    private void check(List<String> keys, String variationKey, String where) {
        if (!keys.contains(variationKey)) {
            throw new IllegalArgumentException("flag '" + key + "': " + where + " names variation '" + variationKey
                    + "', which is not one of its variations " + keys);
        }
    }

    private TestFlag withRule(TestRule rule) {
        if (rules.size() >= MAX_RULES) {
            throw new IllegalArgumentException("flag '" + key + "' has more than " + MAX_RULES + " rules");
        }
        List<TestRule> copy = new ArrayList<>(rules);
        copy.add(rule);
        return new TestFlag(key, variations, defaultVariation, enabled, copy);
    }

    private TestRule lastRule(String method) {
        if (rules.isEmpty()) {
            throw new IllegalStateException("flag '" + key + "': " + method
                    + "(...) refines the last rule, so call serve(...) or experiment(...) first");
        }
        return rules.get(rules.size() - 1);
    }

    private TestFlag withLastRule(TestRule rule) {
        List<TestRule> copy = new ArrayList<>(rules);
        copy.set(copy.size() - 1, rule);
        return new TestFlag(key, variations, defaultVariation, enabled, copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TestFlag f && key.equals(f.key) && variations.equals(f.variations)
                && defaultVariationKey().equals(f.defaultVariationKey()) && enabled == f.enabled
                && rules.equals(f.rules);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, variations, defaultVariationKey(), enabled, rules);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("flag ").append(key).append(' ').append(variationKeys())
                .append(", default ").append(defaultVariationKey());
        if (!enabled) {
            s.append(", disabled");
        }
        for (TestRule rule : rules) {
            s.append("; ").append(rule.describe());
        }
        return s.toString();
    }
}
