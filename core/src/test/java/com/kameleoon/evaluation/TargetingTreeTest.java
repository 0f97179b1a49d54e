package com.kameleoon.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.data.CustomData;
import com.kameleoon.internal.DefaultKameleoonClient;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/evaluation.md#building-the-condition-tree and #evaluating-the-tree: how the two-level list-with-operators
 * becomes a boolean expression (not ordinary precedence). Given datafiles/targeting-trees.json: flag segment_N delivers
 * "on" iff segment N matches; conditions a, b, c, d are custom data index 1..4 EXACT "1". Every one of the 16
 * combinations is checked.
 */
class TargetingTreeTest {
    interface Expr {
        boolean eval(boolean a, boolean b, boolean c, boolean d);
    }

    static Stream<Arguments> segments() {
        return Stream.of(
                Arguments.of(1, "a OR b AND c => a | (b & c)", (Expr) (a, b, c, d) -> a || (b && c)),
                Arguments.of(2, "a AND b OR c => (a & b) | c", (Expr) (a, b, c, d) -> (a && b) || c),
                Arguments.of(3, "a AND b OR c AND d => (a & b) | (c & d)", (Expr) (a, b, c, d) -> (a && b) || (c && d)),
                Arguments.of(4, "a AND b AND c OR d => (a & b) & (c | d)", (Expr) (a, b, c, d) -> (a && b) && (c || d)),
                Arguments.of(5, "a AND b AND c AND d", (Expr) (a, b, c, d) -> a && b && c && d),
                Arguments.of(6, "a OR b AND c AND d => a | ((b & c) & d)", (Expr) (a, b, c, d) -> a || (b && c && d)),
                Arguments.of(7, "a b, missing operator => a & b", (Expr) (a, b, c, d) -> a && b),
                Arguments.of(8, "[a] AND [b] AND [c] OR [d] => (a & b) & (c | d)",
                        (Expr) (a, b, c, d) -> (a && b) && (c || d)),
                Arguments.of(9, "[a OR b] AND [c AND d]", (Expr) (a, b, c, d) -> (a || b) && (c && d)),
                Arguments.of(10, "[a AND b OR c] OR [d]", (Expr) (a, b, c, d) -> ((a && b) || c) || d),
                Arguments.of(11, "a AND NOT c (isInclude false)", (Expr) (a, b, c, d) -> a && !c),
                Arguments.of(12, "[a] [b], missing first-level operator => a & b", (Expr) (a, b, c, d) -> a && b));
    }

    @ParameterizedTest(name = "segment {0}: {1} (docs/evaluation.md#building-the-condition-tree)")
    @MethodSource("segments")
    void conditionTree_treeMatchesTheSpecExpressionForEveryCombination(int segment, String text, Expr expected) {
        List<String> mismatches = new ArrayList<>();
        try (DefaultKameleoonClient client = Fixtures.client("targeting-trees.json")) {
            for (int bits = 0; bits < 16; bits++) {
                boolean a = (bits & 1) != 0;
                boolean b = (bits & 2) != 0;
                boolean c = (bits & 4) != 0;
                boolean d = (bits & 8) != 0;
                String code = "tree-" + segment + "-" + bits;
                boolean[] truth = {a, b, c, d};
                for (int i = 0; i < 4; i++) {
                    // a false condition: the index holds another value (the visitor object always exists)
                    client.addData(code, false, new CustomData(i + 1, truth[i] ? "1" : "0"));
                }
                boolean on = client.getVariation(code, "segment_" + segment, false).isActive();
                if (on != expected.eval(a, b, c, d)) {
                    mismatches.add("a=" + a + " b=" + b + " c=" + c + " d=" + d + ": got " + on);
                }
            }
        }
        assertThat(mismatches).as(text).isEmpty();
    }
}
