package com.kameleoon.internal.targeting;

/**
 * Both sides must hold; the right side is not evaluated when the left is false.
 *
 * @param left the left side
 * @param right the right side
 */
public record AndNode(TargetingNode left, TargetingNode right) implements TargetingNode {
    @Override
    public boolean evaluate(TargetingContext context) {
        return left.evaluate(context) && right.evaluate(context);
    }
}
