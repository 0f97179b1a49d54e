package com.kameleoon.internal.targeting;

import java.util.List;
import java.util.function.Function;

/**
 * Builds a condition tree from an item list and its operator list exactly as
 * docs/evaluation.md#building-the-condition-tree: an OR takes everything to its right; an AND binds only the next item,
 * then the operator after it joins the rest. So {@code a AND b AND c OR d} is {@code (a ∧ b) ∧ (c ∨ d)}. A missing
 * operator counts as AND. Stateless.
 */
public final class TargetingTreeBuilder {
    private TargetingTreeBuilder() {
    }

    /**
     * Builds the tree.
     *
     * @param items the items, first to last
     * @param orOperators operator i sits between items i and i+1: true = OR, false = AND
     * @param toNode turns an item into a node
     * @param <T> the item type (a first-level group, or a condition)
     * @return the tree, {@link TargetingNode#NONE} for an empty list
     */
    public static <T> TargetingNode build(List<T> items, List<Boolean> orOperators, Function<T, TargetingNode> toNode) {
        return build(items, 0, orOperators, 0, toNode);
    }

    private static <T> TargetingNode build(List<T> items, int item, List<Boolean> ops, int op,
            Function<T, TargetingNode> toNode) {
        if (item >= items.size()) {
            return TargetingNode.NONE;
        }
        TargetingNode left = toNode.apply(items.get(item));
        if (item + 1 >= items.size()) {
            return left;
        }
        if (isOr(ops, op)) {
            return new OrNode(left, build(items, item + 1, ops, op + 1, toNode));
        }
        TargetingNode pair = new AndNode(left, toNode.apply(items.get(item + 1)));
        if (item + 2 >= items.size()) {
            return pair;
        }
        TargetingNode rest = build(items, item + 2, ops, op + 2, toNode);
        return isOr(ops, op + 1) ? new OrNode(pair, rest) : new AndNode(pair, rest);
    }

    private static boolean isOr(List<Boolean> ops, int index) {
        if (index >= ops.size()) {
            return false;
        }
        Boolean value = ops.get(index);
        return value != null && value;
    }
}
