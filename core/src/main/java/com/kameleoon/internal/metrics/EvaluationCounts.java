package com.kameleoon.internal.metrics;

import com.kameleoon.integration.EvaluationCounter;
import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.datafile.FlagDef;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.types.Variation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts evaluations by flag and variation, with one counter per pair of the datafile in force: the table is built
 * when counting is enabled and again at each configuration install, so the number of counters is bounded by the
 * datafile and an evaluation allocates nothing and takes no lock (one map lookup, a short scan, one
 * {@link LongAdder} increment). A pair that stays across installs keeps its counter; the counters of a flag or
 * variation that the new datafile no longer has are dropped. Counting is off until {@link #enable()} (the first
 * reader of the figures); while off, an evaluation pays one volatile read. Evaluations of feature keys the datafile
 * does not have are counted together, without their keys. Thread-safe.
 */
public final class EvaluationCounts {
    /** Null while counting is off. Replaced whole, never mutated. */
    private volatile Map<String, FlagCounters> table;
    private volatile List<EvaluationCounter> counters = List.of();
    private final LongAdder unknownFlags = new LongAdder();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private Configuration built;

    /**
     * Counts one evaluation.
     *
     * @param flag the evaluated flag
     * @param variation the variation served
     */
    public void count(FlagDef flag, Variation variation) {
        Map<String, FlagCounters> current = table;
        if (current != null) {
            FlagCounters flagCounters = current.get(flag.key());
            if (flagCounters != null) {
                flagCounters.count(variation.getKey());
            }
        }
    }

    /** Counts the evaluation of a feature key that the datafile in force does not have (or of no datafile yet). */
    public void countUnknownFlag() {
        if (table != null) {
            unknownFlags.increment();
        }
    }

    /**
     * Starts counting (idempotent).
     *
     * @param current the configuration in force (may supply null), read under the lock so that an install
     *        running meanwhile is not missed
     */
    public void enable(java.util.function.Supplier<Configuration> current) {
        synchronized (this) {
            if (table != null) {
                return;
            }
            rebuild(current.get());
        }
        KameleoonLogger.debug(() -> "evaluation counting started");
    }

    /** @return true once counting is enabled */
    public boolean enabled() {
        return table != null;
    }

    /**
     * Builds the table of a configuration just put in force, when counting is on; then tells the listeners.
     *
     * @param next the configuration
     */
    public void installed(Configuration next) {
        synchronized (this) {
            if (table == null || next == built) {
                return;
            }
            rebuild(next);
        }
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                KameleoonLogger.error("evaluation counters listener failed: " + e);
            }
        }
    }

    /** Called with the monitor held. */
    private void rebuild(Configuration next) {
        Map<String, FlagCounters> previous = table == null ? Map.of() : table;
        Map<String, FlagCounters> nextTable = new HashMap<>();
        List<EvaluationCounter> all = new ArrayList<>();
        if (next != null) {
            for (FlagDef flag : next.flags()) {
                FlagCounters kept = previous.get(flag.key());
                List<VariationCounter> flagCounters = new ArrayList<>();
                for (String key : variationKeys(flag)) {
                    VariationCounter counter = kept == null ? null : kept.counter(key);
                    flagCounters.add(counter != null ? counter : new VariationCounter(flag.key(), key));
                }
                nextTable.put(flag.key(), new FlagCounters(flagCounters));
                all.addAll(flagCounters);
            }
        }
        built = next;
        counters = Collections.unmodifiableList(all);
        table = nextTable;
    }

    private static List<String> variationKeys(FlagDef flag) {
        List<String> keys = new ArrayList<>();
        for (String key : flag.variations().keySet()) {
            if (key != null) {
                keys.add(key);
            }
        }
        String fallback = flag.defaultVariation().getKey();
        if (fallback != null && !keys.contains(fallback)) {
            keys.add(fallback);
        }
        return keys;
    }

    /** @return the counters of the datafile in force (empty while counting is off), in datafile order */
    public List<EvaluationCounter> counters() {
        return counters;
    }

    /** @return evaluations of feature keys the datafile did not have, since counting started */
    public long unknownFlags() {
        return unknownFlags.sum();
    }

    /** @param listener run after the set of counters changed (a configuration was put in force) */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }
}
