package com.kameleoon.micrometer;

import com.kameleoon.KameleoonClient;
import com.kameleoon.integration.ClientMetrics;
import com.kameleoon.integration.KameleoonMonitor;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Binds a Kameleoon client's counters to a Micrometer registry. Every meter is function-based: it reads the SDK's
 * own counters when the registry publishes, so Micrometer adds nothing to an evaluation. Binding starts the
 * client's evaluation counting (see {@link ClientMetrics}).
 *
 * <pre>{@code
 * new KameleoonMetrics(client).bindTo(registry);      // meters tagged site=<siteCode>
 * }</pre>
 *
 * <p>{@code kameleoon.evaluations} has one counter per pair of flag and variation of the datafile in force, tagged
 * {@code flag} and {@code variation}: the pairs of a new datafile are registered when it is put in force, those it
 * dropped are removed, so the number of series is bounded by the datafile. The meters are removed when the client
 * closes or when {@link #close()} is called. The README of the module lists every meter. Thread-safe.
 */
public final class KameleoonMetrics implements MeterBinder, AutoCloseable {
    private final KameleoonMonitor monitor;
    private final ClientMetrics metrics;
    private final Tags tags;
    private final OutboxSample outbox;
    private final List<Bound> bound = new ArrayList<>();
    private boolean listening;

    /** A registry this binder was bound to, with what it registered there. */
    private record Bound(MeterRegistry registry, List<Meter> meters, EvaluationMeters evaluations) {
    }

    /**
     * @param client a client made by {@code KameleoonClientFactory}
     */
    public KameleoonMetrics(KameleoonClient client) {
        this(KameleoonMonitor.of(client), Tags.empty());
    }

    /**
     * @param monitor the client's monitor ({@code KameleoonJakarta.requests(context).monitor()} in a WAR)
     * @param tags tags added to every meter, besides {@code site}
     */
    public KameleoonMetrics(KameleoonMonitor monitor, Iterable<Tag> tags) {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        this.metrics = monitor.metrics();
        this.tags = Tags.of(tags).and("site", metrics.siteCode());
        this.outbox = new OutboxSample(metrics);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        List<Meter> meters = new ArrayList<>();
        counter(registry, meters, "kameleoon.evaluations.unknown", "evaluations of a feature key the datafile lacks",
                m -> m.unknownFlagEvaluations());
        counter(registry, meters, "kameleoon.exposures", "exposures tracked", m -> m.exposures());
        counter(registry, meters, "kameleoon.conversions", "conversions tracked", m -> m.conversions());
        lines(registry, meters);
        delivery(registry, meters);
        commits(registry, meters);
        meters.add(Gauge.builder("kameleoon.ready", monitor, m -> m.status().ready() ? 1 : 0).tags(tags)
                .description("1 when a datafile is loaded and the visitor store reachable").register(registry));
        EvaluationMeters evaluations = new EvaluationMeters(registry, metrics, tags);
        synchronized (this) {
            bound.add(new Bound(registry, meters, evaluations));
            if (!listening) {
                listening = true;
                metrics.onEvaluationsChange(this::syncEvaluations);
                monitor.onClose(this::close);
            }
        }
        evaluations.sync();
    }

    private void lines(MeterRegistry registry, List<Meter> meters) {
        String description = "tracking lines by outcome";
        meters.add(FunctionCounter.builder("kameleoon.tracking.lines", outbox, o -> o.get().sent()).tags(tags)
                .tag("outcome", "delivered").description(description).register(registry));
        meters.add(FunctionCounter.builder("kameleoon.tracking.lines", outbox, o -> o.get().retried()).tags(tags)
                .tag("outcome", "retried").description(description).register(registry));
        meters.add(FunctionCounter.builder("kameleoon.tracking.lines", outbox, o -> o.get().dropped()).tags(tags)
                .tag("outcome", "dropped").description(description).register(registry));
        meters.add(FunctionCounter.builder("kameleoon.tracking.lines", outbox, o -> o.get().parked()).tags(tags)
                .tag("outcome", "parked").description(description).register(registry));
        meters.add(Gauge.builder("kameleoon.outbox.depth", outbox, o -> o.get().depth()).tags(tags)
                .description("tracking lines waiting in the outbox").baseUnit("lines").register(registry));
        meters.add(TimeGauge.builder("kameleoon.outbox.oldest.age", outbox, TimeUnit.MILLISECONDS,
                o -> o.get().oldestAgeMillis()).tags(tags).description("age of the oldest waiting tracking line")
                .register(registry));
    }

    private void delivery(MeterRegistry registry, List<Meter> meters) {
        counter(registry, meters, "kameleoon.tracking.batches", "tracking batches by outcome",
                m -> m.delivery().deliveredBatches(), "outcome", "delivered");
        counter(registry, meters, "kameleoon.tracking.batches", "tracking batches by outcome",
                m -> m.delivery().failedBatches(), "outcome", "failed");
        meters.add(FunctionTimer.builder("kameleoon.delivery.latency", metrics, m -> m.deliveryLatency().count(),
                m -> m.deliveryLatency().totalNanos(), TimeUnit.NANOSECONDS).tags(tags)
                .description("time to deliver (or fail) a tracking batch, retries included").register(registry));
        meters.add(TimeGauge.builder("kameleoon.delivery.latency.max", metrics, TimeUnit.NANOSECONDS,
                m -> m.deliveryLatency().maxNanos()).tags(tags).description("longest tracking batch since start")
                .register(registry));
    }

    private void commits(MeterRegistry registry, List<Meter> meters) {
        counter(registry, meters, "kameleoon.commits", "writes of units of work to the visitor repository",
                m -> m.commits().commits(), "outcome", "success");
        counter(registry, meters, "kameleoon.commits", "writes of units of work to the visitor repository",
                m -> m.commits().failures(), "outcome", "failure");
        meters.add(FunctionCounter.builder("kameleoon.commit.batch.size", metrics, m -> m.commits().committedUnits())
                .tags(tags).baseUnit("units").description("units of work written (their sum over successful commits:"
                        + " divided by kameleoon.commits{outcome=success} it is the mean batch size)")
                .register(registry));
        meters.add(Gauge.builder("kameleoon.commit.batch.size.max", metrics, m -> m.commits().largestBatch())
                .tags(tags).baseUnit("units").description("the largest batch one commit held since start")
                .register(registry));
        meters.add(FunctionTimer.builder("kameleoon.commit.latency", metrics, m -> m.commits().latency().count(),
                m -> m.commits().latency().totalNanos(), TimeUnit.NANOSECONDS).tags(tags)
                .description("time of a write to the visitor repository").register(registry));
        meters.add(TimeGauge.builder("kameleoon.commit.latency.max", metrics, TimeUnit.NANOSECONDS,
                m -> m.commits().latency().maxNanos()).tags(tags).description("longest write since start")
                .register(registry));
    }

    private void counter(MeterRegistry registry, List<Meter> meters, String name, String description,
            ToDoubleFunction<ClientMetrics> value, String... extraTags) {
        meters.add(FunctionCounter.builder(name, metrics, value).tags(tags).tags(extraTags).description(description)
                .register(registry));
    }

    private void syncEvaluations() {
        List<Bound> registries;
        synchronized (this) {
            registries = new ArrayList<>(bound);
        }
        for (Bound each : registries) {
            each.evaluations().sync();
        }
    }

    /** Removes this binder's meters from every registry it was bound to. Idempotent. */
    @Override
    public void close() {
        List<Bound> registries;
        synchronized (this) {
            registries = new ArrayList<>(bound);
            bound.clear();
        }
        for (Bound each : registries) {
            each.evaluations().close();
            each.meters().forEach(each.registry()::remove);
        }
    }
}
