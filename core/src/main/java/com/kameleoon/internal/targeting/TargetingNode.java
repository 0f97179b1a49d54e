package com.kameleoon.internal.targeting;

/** A node of a segment's condition tree (evaluation.md §4.1–4.2). Immutable and thread-safe. */
public interface TargetingNode {
    /** The empty tree: always true. */
    TargetingNode NONE = context -> true;

    /**
     * Evaluates the node, short-circuiting like §4.2.
     *
     * @param context what the conditions read
     * @return the node's value
     */
    boolean evaluate(TargetingContext context);
}
