package com.kameleoon.testkit;

import java.util.List;

/**
 * One rule of a {@link TestFlag}: who it targets, what share of them it takes, and which variation(s) they get.
 * Immutable; the "with" methods return copies.
 *
 * @param experiment true for an experiment (variations split by weight), false for a targeted delivery
 * @param split the variations and their shares; a delivery has one entry
 * @param exposurePercent the share of targeted visitors that enter the rule (the rollout)
 * @param conditions the targeting; empty means every visitor
 * @param anyCondition true when one condition is enough, false when all must hold
 */
record TestRule(boolean experiment, List<VariationWeight> split, double exposurePercent,
        List<TestCondition> conditions, boolean anyCondition) {
    TestRule {
        split = List.copyOf(split);
        conditions = List.copyOf(conditions);
    }

    static TestRule delivery(String variationKey) {
        return new TestRule(false, List.of(VariationWeight.weight(variationKey, 100)), 100, List.of(), false);
    }

    static TestRule experiment(List<VariationWeight> split) {
        return new TestRule(true, split, 100, List.of(), false);
    }

    TestRule withExposure(double percent) {
        return new TestRule(experiment, split, percent, conditions, anyCondition);
    }

    TestRule withTargeting(List<TestCondition> newConditions, boolean any) {
        return new TestRule(experiment, split, exposurePercent, newConditions, any);
    }

    String describe() {
        return (experiment ? "experiment " + split : "serve " + split.get(0).variationKey())
                + (exposurePercent < 100 ? " to " + exposurePercent + " %" : "")
                + (conditions.isEmpty() ? "" : (anyCondition ? " if any of " : " if all of ") + conditions);
    }
}
