package com.kameleoon.internal.targeting;

/**
 * A leaf of the tree: a condition and its {@code isInclude} flag ({@code false} negates the result).
 *
 * @param condition the condition
 * @param include false to negate
 */
public record ConditionLeaf(Condition condition, boolean include) implements TargetingNode {
    @Override
    public boolean evaluate(TargetingContext context) {
        return condition.check(context) == include;
    }
}
