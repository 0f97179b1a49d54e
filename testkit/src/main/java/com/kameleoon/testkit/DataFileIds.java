package com.kameleoon.testkit;

/**
 * The ids a {@link TestDataFile} gives its flags, rules, experiments, variations and segments. They come from
 * positions (the n-th flag, its r-th rule, its v-th variation; all from 1), so they are the same on every run and
 * a test can assert them. Rule and experiment ids differ on purpose: the client hashes the visitor code with the
 * rule id to decide exposure and with the experiment id to pick the variation, and equal ids would make the two
 * decisions depend on each other. Stateless.
 */
final class DataFileIds {
    /** Enough for the ids below to stay within an {@code int} and apart from each other. */
    static final int MAX_FLAGS = 999;

    private DataFileIds() {
    }

    /** @return e.g. 1 for the first flag */
    static int flag(int flagNumber) {
        return flagNumber;
    }

    /** @return e.g. 101 for the first rule of the first flag */
    static int rule(int flagNumber, int ruleNumber) {
        return flagNumber * 100 + ruleNumber;
    }

    /** @return e.g. 100101 for the first rule of the first flag */
    static int experiment(int flagNumber, int ruleNumber) {
        return 100_000 + rule(flagNumber, ruleNumber);
    }

    /** @return e.g. 10010102 for the second variation of the flag in the first rule of the first flag */
    static int variation(int flagNumber, int ruleNumber, int variationNumber) {
        return experiment(flagNumber, ruleNumber) * 100 + variationNumber;
    }

    /** @return the segment of a rule's targeting: the rule's id */
    static int segment(int flagNumber, int ruleNumber) {
        return rule(flagNumber, ruleNumber);
    }

    /** @return a condition's id (only logged by the client) */
    static int condition(int segmentId, int conditionNumber) {
        return segmentId * 100 + conditionNumber;
    }
}
