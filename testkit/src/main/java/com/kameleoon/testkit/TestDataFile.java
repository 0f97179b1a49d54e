package com.kameleoon.testkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A datafile declared in code: the flags a test needs, written by {@link #toJson()} in the format the Kameleoon
 * configuration server sends, so that tests exercise the client's real parsing, bucketing and targeting without
 * datafile JSON kept by hand.
 *
 * <pre>{@code
 * TestDataFile dataFile = TestDataFile.builder()
 *         .flag(flag("new_checkout").serve("on").forAllVisitors())
 *         .flag(flag("pricing").variations("control", "cheap").experiment(weight("control", 50), weight("cheap", 50)))
 *         .build();
 * server.setDataFile("my-site", dataFile);
 * int experimentId = dataFile.experimentId("pricing");          // what exposures of "pricing" are tracked with
 * int cheapId = dataFile.variationId("pricing", "cheap");
 * }</pre>
 *
 * <h2>Ids</h2>
 * Flags, rules, experiments and variations get ids from their positions (the n-th flag is {@code n}; its r-th rule
 * runs experiment {@code 100000 + 100n + r}; the v-th variation in it has id {@code 100 * experimentId + v}). They
 * are the same on every run; read them with the getters rather than computing them. Changing a flag's rules in
 * place with {@link #withFlag(TestFlag)} keeps the ids of the other flags.
 *
 * <p>Immutable and thread-safe.
 */
public final class TestDataFile {
    private final List<TestFlag> flags;
    private final boolean realTimeUpdate;

    private TestDataFile(List<TestFlag> flags, boolean realTimeUpdate) {
        this.flags = List.copyOf(flags);
        this.realTimeUpdate = realTimeUpdate;
    }

    /** @return an empty builder: no flags, no real-time update */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param declared the flags, in datafile order
     * @return a datafile with these flags and no real-time update
     */
    public static TestDataFile of(TestFlag... declared) {
        Builder builder = builder();
        for (TestFlag flag : declared) {
            builder.flag(flag);
        }
        return builder.build();
    }

    /** @return the datafile JSON, the same text on every call and run */
    public String toJson() {
        return DataFileJson.write(this);
    }

    /** @return whether the datafile tells clients to stream configuration updates (SSE) rather than poll */
    public boolean realTimeUpdate() {
        return realTimeUpdate;
    }

    /**
     * @param streamed true to have clients open the real-time stream, which
     *     {@link KameleoonTestServer#update(String, TestDataFile)} pushes through
     * @return a copy with that setting
     */
    public TestDataFile withRealTimeUpdate(boolean streamed) {
        return new TestDataFile(flags, streamed);
    }

    /**
     * @param flag a flag; it replaces the flag with the same key in place, or is added last
     * @return a copy with the flag
     */
    public TestDataFile withFlag(TestFlag flag) {
        flag.validate();
        List<TestFlag> copy = new ArrayList<>(flags);
        int at = indexOf(flag.key());
        if (at >= 0) {
            copy.set(at, flag);
        } else {
            checkRoom(copy.size());
            copy.add(flag);
        }
        return new TestDataFile(copy, realTimeUpdate);
    }

    /** @return the flags, in datafile order */
    public List<TestFlag> flags() {
        return flags;
    }

    /**
     * @param flagKey a flag's key
     * @return the flag
     * @throws IllegalArgumentException when there is no such flag
     */
    public TestFlag flag(String flagKey) {
        return flags.get(flagNumber(flagKey) - 1);
    }

    /**
     * @param flagKey a flag's key
     * @return the flag's id
     */
    public int flagId(String flagKey) {
        return DataFileIds.flag(flagNumber(flagKey));
    }

    /**
     * @param flagKey a flag's key
     * @return the experiment id of the flag's first rule, the one its exposures are tracked with
     * @throws IllegalArgumentException when the flag has no rule
     */
    public int experimentId(String flagKey) {
        return experimentId(flagKey, 0);
    }

    /**
     * @param flagKey a flag's key
     * @param ruleIndex the rule's position among the flag's rules, from 0
     * @return the experiment id of that rule
     */
    public int experimentId(String flagKey, int ruleIndex) {
        return DataFileIds.experiment(flagNumber(flagKey), ruleNumber(flagKey, ruleIndex));
    }

    /**
     * @param flagKey a flag's key
     * @param variationKey a variation that the flag's first rule serves
     * @return the variation's id in that rule, the one its exposures are tracked with
     */
    public int variationId(String flagKey, String variationKey) {
        return variationId(flagKey, 0, variationKey);
    }

    /**
     * @param flagKey a flag's key
     * @param ruleIndex the rule's position among the flag's rules, from 0
     * @param variationKey a variation that rule serves
     * @return the variation's id in that rule
     * @throws IllegalArgumentException when the rule does not serve the variation
     */
    public int variationId(String flagKey, int ruleIndex, String variationKey) {
        int ruleNumber = ruleNumber(flagKey, ruleIndex);
        TestFlag flag = flag(flagKey);
        TestRule rule = flag.declaredRules().get(ruleNumber - 1);
        if (rule.split().stream().noneMatch(w -> w.variationKey().equals(variationKey))) {
            throw new IllegalArgumentException("rule " + ruleIndex + " of flag '" + flagKey + "' (" + rule.describe()
                    + ") does not serve variation '" + variationKey + "'");
        }
        return DataFileIds.variation(flagNumber(flagKey), ruleNumber, flag.variationKeys().indexOf(variationKey) + 1);
    }

    /**
     * Every (experiment id, variation id) pair with which an exposure of this flag variation can be tracked: one
     * per rule that serves it. Empty when only the default serves it, since default variations carry no ids.
     */
    List<Exposure> exposuresOf(String flagKey, String variationKey) {
        TestFlag flag = flag(flagKey);
        if (!flag.variationKeys().contains(variationKey)) {
            throw new IllegalArgumentException("flag '" + flagKey + "' has no variation '" + variationKey
                    + "'; its variations are " + flag.variationKeys());
        }
        List<Exposure> exposures = new ArrayList<>();
        List<TestRule> rules = flag.declaredRules();
        for (int r = 0; r < rules.size(); r++) {
            if (rules.get(r).split().stream().anyMatch(w -> w.variationKey().equals(variationKey))) {
                exposures.add(new Exposure(experimentId(flagKey, r), variationId(flagKey, r, variationKey)));
            }
        }
        return exposures;
    }

    /**
     * @return "flag/variation" for an exposure with these ids, or null when no rule of this datafile has them
     */
    String nameOf(int experimentId, int variationId) {
        for (TestFlag flag : flags) {
            List<TestRule> rules = flag.declaredRules();
            for (int r = 0; r < rules.size(); r++) {
                if (experimentId(flag.key(), r) != experimentId) {
                    continue;
                }
                for (VariationWeight w : rules.get(r).split()) {
                    if (variationId(flag.key(), r, w.variationKey()) == variationId) {
                        return flag.key() + "/" + w.variationKey();
                    }
                }
            }
        }
        return null;
    }

    /** An experiment id and a variation id, as an exposure tracking line carries them. */
    record Exposure(int experimentId, int variationId) {
        @Override
        public String toString() {
            return "(experiment " + experimentId + ", variation " + variationId + ")";
        }
    }

    private int flagNumber(String flagKey) {
        int at = indexOf(flagKey);
        if (at < 0) {
            throw new IllegalArgumentException("no flag '" + flagKey + "' in this datafile; its flags are "
                    + flags.stream().map(TestFlag::key).toList());
        }
        return at + 1;
    }

    private int ruleNumber(String flagKey, int ruleIndex) {
        int rules = flag(flagKey).declaredRules().size();
        if (ruleIndex < 0 || ruleIndex >= rules) {
            throw new IllegalArgumentException("flag '" + flagKey + "' has " + rules + " rule(s), no rule at index "
                    + ruleIndex + (rules == 0 ? ": only rules carry experiment and variation ids" : ""));
        }
        return ruleIndex + 1;
    }

    private int indexOf(String flagKey) {
        for (int i = 0; i < flags.size(); i++) {
            if (flags.get(i).key().equals(flagKey)) {
                return i;
            }
        }
        return -1;
    }

    private static void checkRoom(int size) {
        if (size >= DataFileIds.MAX_FLAGS) {
            throw new IllegalArgumentException("a test datafile holds at most " + DataFileIds.MAX_FLAGS + " flags");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TestDataFile d && flags.equals(d.flags) && realTimeUpdate == d.realTimeUpdate;
    }

    @Override
    public int hashCode() {
        return Objects.hash(flags, realTimeUpdate);
    }

    @Override
    public String toString() {
        return "TestDataFile" + flags + (realTimeUpdate ? " (real-time update)" : "");
    }

    /**
     * Collects flags for a {@link TestDataFile}. Not thread-safe; the datafile it builds is.
     */
    public static final class Builder {
        private final List<TestFlag> flags = new ArrayList<>();
        private final Set<String> keys = new HashSet<>();
        private boolean realTimeUpdate;

        private Builder() {
        }

        /**
         * @param flag a flag; checked at once, so that a wrong variation key fails where it is written
         * @return this builder
         * @throws IllegalArgumentException when a flag with the same key was added, or a rule names an unknown
         *     variation
         */
        public Builder flag(TestFlag flag) {
            Objects.requireNonNull(flag, "flag").validate();
            if (!keys.add(flag.key())) {
                throw new IllegalArgumentException("flag '" + flag.key() + "' is declared twice");
            }
            checkRoom(flags.size());
            flags.add(flag);
            return this;
        }

        /**
         * @param streamed true to have clients stream configuration updates (the datafile's
         *     {@code configuration.realTimeUpdate}); needed for {@link KameleoonTestServer#update} to reach them
         * @return this builder
         */
        public Builder realTimeUpdate(boolean streamed) {
            realTimeUpdate = streamed;
            return this;
        }

        /** @return the datafile */
        public TestDataFile build() {
            return new TestDataFile(flags, realTimeUpdate);
        }
    }
}
