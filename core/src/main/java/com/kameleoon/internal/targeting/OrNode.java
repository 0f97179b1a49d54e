package com.kameleoon.internal.targeting;

/**
 * Either side must hold; the right side is not evaluated when the left is true.
 *
 * @param left the left side
 * @param right the right side
 */
public record OrNode(TargetingNode left, TargetingNode right) implements TargetingNode {
    @Override
    public boolean evaluate(TargetingContext context) {
        return left.evaluate(context) || right.evaluate(context);
    }
}
