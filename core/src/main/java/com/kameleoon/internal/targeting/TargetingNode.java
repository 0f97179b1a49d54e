package com.kameleoon.internal.targeting;

/**
 * A node of a segment's condition tree (docs/evaluation.md#building-the-condition-tree, #evaluating-the-tree).
 * Immutable and thread-safe.
 */
public interface TargetingNode {
    /** The empty tree: always true. */
    TargetingNode NONE = context -> true;

    /**
     * Evaluates the node, short-circuiting like docs/evaluation.md#evaluating-the-tree.
     *
     * @param context what the conditions read
     * @return the node's value
     */
    boolean evaluate(TargetingContext context);
}
