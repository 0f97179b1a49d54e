package com.kameleoon.micrometer;

import com.kameleoon.integration.ClientMetrics;
import com.kameleoon.integration.EvaluationCounter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code kameleoon.evaluations} counters of one registry, one per pair of flag and variation of the datafile in
 * force: {@link #sync()} registers the pairs a datafile brought and removes those it dropped. Each meter reads its
 * SDK counter, which the client holds while the pair is in force. Thread-safe.
 */
final class EvaluationMeters {
    static final String NAME = "kameleoon.evaluations";

    private final MeterRegistry registry;
    private final ClientMetrics metrics;
    private final Iterable<Tag> tags;
    private final Map<EvaluationCounter, Meter> meters = new IdentityHashMap<>();
    private boolean closed;

    EvaluationMeters(MeterRegistry registry, ClientMetrics metrics, Iterable<Tag> tags) {
        this.registry = registry;
        this.metrics = metrics;
        this.tags = tags;
    }

    /** Makes the meters match the counters of the datafile in force. */
    synchronized void sync() {
        if (closed) {
            return;
        }
        List<EvaluationCounter> current = metrics.evaluations();
        Map<EvaluationCounter, Boolean> kept = new IdentityHashMap<>();
        for (EvaluationCounter counter : current) {
            kept.put(counter, Boolean.TRUE);
            meters.computeIfAbsent(counter, this::register);
        }
        for (EvaluationCounter gone : new ArrayList<>(meters.keySet())) {
            if (!kept.containsKey(gone)) {
                registry.remove(meters.remove(gone));
            }
        }
    }

    private Meter register(EvaluationCounter counter) {
        return FunctionCounter.builder(NAME, counter, EvaluationCounter::count).tags(tags)
                .tag("flag", counter.flagKey()).tag("variation", counter.variationKey())
                .description("evaluations that served this variation of this flag").register(registry);
    }

    /** Removes every meter; later syncs do nothing. */
    synchronized void close() {
        closed = true;
        meters.values().forEach(registry::remove);
        meters.clear();
    }
}
