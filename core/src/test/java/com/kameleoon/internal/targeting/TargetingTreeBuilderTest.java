package com.kameleoon.internal.targeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The table of docs/evaluation.md#building-the-condition-tree, with constant leaves. Items are named a, b, c, d;
 * {@link #truthTable} evaluates a tree for every combination of leaf values and compares with the expected expression.
 */
@DisplayName("building the tree (docs/evaluation.md#building-the-condition-tree)")
class TargetingTreeBuilderTest {
    private static final boolean OR = true;
    private static final boolean AND = false;
    private static final TargetingContext CONTEXT = new TargetingContext("v", null, TargetingContext.NO_EXPERIMENT,
            null, 0, java.time.ZoneOffset.UTC, "JAVA", "1.0.0");

    private interface Expression {
        boolean value(boolean a, boolean b, boolean c, boolean d);
    }

    /** Builds the tree of items a.. with the given operators, each leaf reading its value from {@code values}. */
    private static TargetingNode tree(int items, List<Boolean> ops, Map<String, Boolean> values) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            names.add(String.valueOf((char) ('a' + i)));
        }
        return TargetingTreeBuilder.build(names, ops,
                name -> new ConditionLeaf(context -> values.get(name), true));
    }

    private static void truthTable(int items, List<Boolean> ops, Expression expected) {
        for (int bits = 0; bits < 16; bits++) {
            boolean a = (bits & 1) != 0;
            boolean b = (bits & 2) != 0;
            boolean c = (bits & 4) != 0;
            boolean d = (bits & 8) != 0;
            Map<String, Boolean> values = Map.of("a", a, "b", b, "c", c, "d", d);
            assertThat(tree(items, ops, values).evaluate(CONTEXT))
                    .as("a=%s b=%s c=%s d=%s", a, b, c, d)
                    .isEqualTo(expected.value(a, b, c, d));
        }
    }

    @Test
    @DisplayName("a OR b AND c = a ∨ (b ∧ c)")
    void orThenAnd() {
        truthTable(3, List.of(OR, AND), (a, b, c, d) -> a || (b && c));
    }

    @Test
    @DisplayName("a AND b OR c = (a ∧ b) ∨ c")
    void andThenOr() {
        truthTable(3, List.of(AND, OR), (a, b, c, d) -> (a && b) || c);
    }

    @Test
    @DisplayName("a AND b OR c AND d = (a ∧ b) ∨ (c ∧ d)")
    void andOrAnd() {
        truthTable(4, List.of(AND, OR, AND), (a, b, c, d) -> (a && b) || (c && d));
    }

    @Test
    @DisplayName("a AND b AND c OR d = (a ∧ b) ∧ (c ∨ d), not (a ∧ b ∧ c) ∨ d")
    void andAndOr() {
        truthTable(4, List.of(AND, AND, OR), (a, b, c, d) -> (a && b) && (c || d));
        Map<String, Boolean> onlyD = Map.of("a", false, "b", false, "c", false, "d", true);
        assertThat(tree(4, List.of(AND, AND, OR), onlyD).evaluate(CONTEXT)).isFalse();
    }

    @Test
    @DisplayName("a AND b AND c AND d = (a ∧ b) ∧ (c ∧ d)")
    void allAnd() {
        truthTable(4, List.of(AND, AND, AND), (a, b, c, d) -> a && b && c && d);
    }

    @Test
    @DisplayName("a missing operator counts as AND; an empty list is true; one item is itself")
    void edges() {
        truthTable(3, List.of(OR), (a, b, c, d) -> a || (b && c));
        truthTable(2, List.of(), (a, b, c, d) -> a && b);
        truthTable(1, List.of(), (a, b, c, d) -> a);
        truthTable(0, List.of(), (a, b, c, d) -> true);
    }

    @Test
    @DisplayName("AND does not evaluate its right side when the left is false; OR when the left is true"
            + " (docs/evaluation.md#evaluating-the-tree)")
    void shortCircuit() {
        List<String> evaluated = new ArrayList<>();
        TargetingNode andTree = TargetingTreeBuilder.build(List.of("f", "x"), List.of(AND),
                name -> context -> {
                    evaluated.add(name);
                    return !name.equals("f");
                });
        assertThat(andTree.evaluate(CONTEXT)).isFalse();
        TargetingNode orTree = TargetingTreeBuilder.build(List.of("t", "y"), List.of(OR),
                name -> context -> {
                    evaluated.add(name);
                    return true;
                });
        assertThat(orTree.evaluate(CONTEXT)).isTrue();
        assertThat(evaluated).containsExactly("f", "t");
    }

    @Test
    @DisplayName("isInclude false negates the leaf (docs/evaluation.md#evaluating-the-tree)")
    void includeFlag() {
        assertThat(new ConditionLeaf(context -> true, false).evaluate(CONTEXT)).isFalse();
        assertThat(new ConditionLeaf(context -> false, false).evaluate(CONTEXT)).isTrue();
        assertThat(new ConditionLeaf(context -> true, true).evaluate(CONTEXT)).isTrue();
    }
}
