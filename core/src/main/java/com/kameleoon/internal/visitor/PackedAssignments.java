package com.kameleoon.internal.visitor;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A visitor's assignments packed into a {@code long[]}, two longs per experiment in the order each experiment was
 * first assigned: the experiment and variation ids, then the assignment time shifted left by four bits with the
 * rule type's ordinal and the sent flag below it (times within ±2<sup>59</sup> ms, i.e. any real date). Replaces
 * a map entry, a boxed key, a tracked item and an {@link AssignedVariation} per experiment, and lets a warm
 * evaluation save its assignment without allocating. Stateless; the arrays are guarded by the owning
 * {@link Visitor}'s monitor.
 */
final class PackedAssignments {
    private static final RuleType[] RULE_TYPES = RuleType.values();
    private static final long SENT = 1;

    private PackedAssignments() {
    }

    /** @return how many experiments are assigned */
    static int size(long[] table) {
        return table == null ? 0 : table.length / 2;
    }

    /** @return the assignment of the experiment, or null */
    static AssignedVariation get(long[] table, int experimentId) {
        int at = find(table, experimentId);
        return at < 0 ? null : read(table, at);
    }

    /** @return the {@code i}-th assignment in first-assignment order */
    static AssignedVariation at(long[] table, int i) {
        return read(table, i * 2);
    }

    /**
     * Saves an assignment in place of the experiment's previous one (keeping its position), else after the
     * others.
     *
     * @return the table: the same array when the experiment was assigned before, else a longer copy
     */
    static long[] put(long[] table, AssignedVariation assignment, boolean sent) {
        int at = find(table, assignment.experimentId());
        if (at < 0) {
            at = table == null ? 0 : table.length;
            table = table == null ? new long[2] : Arrays.copyOf(table, at + 2);
        }
        table[at] = (long) assignment.experimentId() << 32 | (assignment.variationId() & 0xFFFFFFFFL);
        table[at + 1] = assignment.assignmentTime() << 4 | (long) assignment.ruleType().ordinal() << 1
                | (sent ? SENT : 0);
        return table;
    }

    /** Marks the experiment's assignment sent; nothing when there is none. */
    static void markSent(long[] table, int experimentId) {
        int at = find(table, experimentId);
        if (at >= 0) {
            table[at + 1] |= SENT;
        }
    }

    /** @return true when the {@code i}-th assignment in first-assignment order is sent */
    static boolean sentAt(long[] table, int i) {
        return (table[i * 2 + 1] & SENT) != 0;
    }

    /** @return true when some assignment is not sent */
    static boolean hasUnsent(long[] table) {
        if (table != null) {
            for (int at = 1; at < table.length; at += 2) {
                if ((table[at] & SENT) == 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return the assignments by experiment id, in order, as items that are read-only copies */
    static Map<Integer, TrackedItem<AssignedVariation>> items(long[] table) {
        if (table == null) {
            return Map.of();
        }
        Map<Integer, TrackedItem<AssignedVariation>> items = new LinkedHashMap<>();
        for (int at = 0; at < table.length; at += 2) {
            AssignedVariation assignment = read(table, at);
            items.put(assignment.experimentId(), TrackedItem.copy(assignment, (table[at + 1] & SENT) != 0));
        }
        return Collections.unmodifiableMap(items);
    }

    private static int find(long[] table, int experimentId) {
        if (table != null) {
            for (int at = 0; at < table.length; at += 2) {
                if ((int) (table[at] >>> 32) == experimentId) {
                    return at;
                }
            }
        }
        return -1;
    }

    private static AssignedVariation read(long[] table, int at) {
        long ids = table[at];
        long rest = table[at + 1];
        return new AssignedVariation((int) (ids >>> 32), (int) ids, RULE_TYPES[(int) (rest >>> 1) & 7], rest >> 4);
    }
}
