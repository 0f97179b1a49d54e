package com.kameleoon.benchmarks;

import com.kameleoon.benchmarks.EvaluationBenchmark.Cursor;
import com.kameleoon.data.Browser;
import com.kameleoon.data.BrowserType;
import com.kameleoon.data.Device;
import com.kameleoon.data.DeviceType;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;
import com.kameleoon.openfeature.KameleoonProvider;
import com.kameleoon.openfeature.KameleoonProviderOptions;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ImmutableStructure;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of asking through OpenFeature ({@code kameleoon-openfeature}'s {@link KameleoonProvider}) instead of
 * the Kameleoon client directly (issue 15; see BENCHMARKS.md). Every benchmark evaluates {@value #FLAG} on the
 * conformance example datafile for a <b>warm</b> visitor, one of {@value EvaluationBenchmark#WARM_VISITORS} codes
 * used in turn (each given a Device and a Browser and evaluated for every flag in setup, as in
 * {@link EvaluationBenchmark}), on one client that both paths share:
 *
 * <ul>
 *   <li>{@code isFeatureActive*}: the client directly, {@code isFeatureActive(code, flag)} (tracked, the default)
 *       and {@code isFeatureActive(code, flag, false)};</li>
 *   <li>{@code openFeature*}: an OpenFeature {@link Client} whose provider is a {@link KameleoonProvider} over the
 *       same client, default options (exposure tracked) or {@code trackExposure(false)}; the visitor's
 *       {@link ImmutableContext} (targeting key only, or with {@code device} and {@code browser} attributes) is
 *       built once per visitor in setup, as an application would keep it for a request.</li>
 * </ul>
 *
 * <p>Tracked calls queue the visitor's line in the in-memory outbox; no Data API is configured, so the outbox
 * keeps its 100,000 lines and drops the oldest: memory stays bounded, and the figure is the request thread's cost.
 *
 * <p>OpenFeature's API is a process-wide singleton: each provider is bound to its own domain, and nothing else in
 * the fork uses it. Single-threaded: the client is shared ({@link Scope#Benchmark}), the cursors are per thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OpenFeatureBenchmark {
    /** The 3-way experiment of the example (no segment): every warm visitor is in experiment 3002. */
    public static final String FLAG = EvaluationBenchmark.PRICING_PAGE;

    private static final String TRACKED = "kameleoon-bench-tracked";
    private static final String UNTRACKED = "kameleoon-bench-untracked";

    /** The example datafile's client, its warm visitors, and an OpenFeature client per provider option. */
    @State(Scope.Benchmark)
    public static class Clients {
        DefaultKameleoonClient client;
        String[] codes;
        /** Per visitor: a context with the targeting key only. */
        EvaluationContext[] contexts;
        /** Per visitor: the targeting key plus {@code device} and {@code browser} attributes. */
        EvaluationContext[] contextsWithData;
        /** Default provider options: exposure tracked, context data added. */
        Client tracked;
        /** {@code trackExposure(false)}. */
        Client untracked;
        /** The provider behind {@link #untracked}, for the diagnostic that calls it without OpenFeature's client. */
        KameleoonProvider untrackedProvider;
        private Path file;

        @Setup(Level.Trial)
        public void setUp() {
            KameleoonLogger.setLogLevel(LogLevel.ERROR);
            file = BenchmarkDatafiles.writeTemporary(BenchmarkDatafiles.example());
            client = EvaluationBenchmark.newClient(file);
            codes = EvaluationBenchmark.visitorCodes(EvaluationBenchmark.WARM_VISITORS, EvaluationBenchmark.SEED);
            contexts = new EvaluationContext[codes.length];
            contextsWithData = new EvaluationContext[codes.length];
            for (int i = 0; i < codes.length; i++) {
                String code = codes[i];
                client.addData(code, false, new Device(DeviceType.DESKTOP), new Browser(BrowserType.CHROME, 120));
                client.getVariations(code, false, false);
                contexts[i] = new ImmutableContext(code);
                contextsWithData[i] = new ImmutableContext(code, Map.of(
                        "device", new Value("desktop"),
                        "browser", new Value(new ImmutableStructure(Map.of(
                                "type", new Value("chrome"), "version", new Value(120))))));
            }
            OpenFeatureAPI api = OpenFeatureAPI.getInstance();
            api.setProviderAndWait(TRACKED, new KameleoonProvider(client));
            untrackedProvider = new KameleoonProvider(client,
                    KameleoonProviderOptions.builder().trackExposure(false).build());
            api.setProviderAndWait(UNTRACKED, untrackedProvider);
            tracked = api.getClient(TRACKED);
            untracked = api.getClient(UNTRACKED);
            check();
        }

        /** Fails the trial when the two paths disagree, or OpenFeature answers with its default or an error. */
        private void check() {
            int active = 0;
            for (int i = 0; i < codes.length; i++) {
                boolean direct = client.isFeatureActive(codes[i], FLAG, false);
                active += direct ? 1 : 0;
                for (EvaluationContext context : new EvaluationContext[] {contexts[i], contextsWithData[i]}) {
                    FlagEvaluationDetails<Boolean> details = untracked.getBooleanDetails(FLAG, !direct, context);
                    if (details.getValue() != direct || details.getErrorCode() != null
                            || !Reason.TARGETING_MATCH.name().equals(details.getReason())) {
                        throw new IllegalStateException("visitor " + codes[i] + ": isFeatureActive " + direct
                                + " but OpenFeature gave " + details);
                    }
                }
            }
            // Every warm visitor is in experiment 3002 (control or a variant): the flag is active for all.
            if (active != codes.length) {
                throw new IllegalStateException(active + " of " + codes.length + " warm visitors active, "
                        + "expected all");
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            OpenFeatureAPI.getInstance().shutdown();
            client.close();
            BenchmarkDatafiles.delete(file);
        }
    }

    // ---- tracked (the default of both APIs) --------------------------------------------------------------

    /** Baseline: {@code isFeatureActive(code, flag)}, tracked. */
    @Benchmark
    public boolean isFeatureActiveTracked(Clients state, Cursor cursor) {
        return state.client.isFeatureActive(cursor.next(state.codes), FLAG);
    }

    /** {@code getBooleanValue(flag, false, context)} with default provider options (exposure tracked). */
    @Benchmark
    public boolean openFeatureBooleanValueTracked(Clients state, Cursor cursor) {
        return state.tracked.getBooleanValue(FLAG, false, cursor.next(state.contexts));
    }

    // ---- untracked ----------------------------------------------------------------------------------------

    /** Baseline: {@code isFeatureActive(code, flag, false)}. */
    @Benchmark
    public boolean isFeatureActiveUntracked(Clients state, Cursor cursor) {
        return state.client.isFeatureActive(cursor.next(state.codes), FLAG, false);
    }

    /** {@code getBooleanValue} with {@code trackExposure(false)}. */
    @Benchmark
    public boolean openFeatureBooleanValueUntracked(Clients state, Cursor cursor) {
        return state.untracked.getBooleanValue(FLAG, false, cursor.next(state.contexts));
    }

    /** {@code getBooleanDetails} with {@code trackExposure(false)}: the details object is returned, not dropped. */
    @Benchmark
    public FlagEvaluationDetails<Boolean> openFeatureBooleanDetailsUntracked(Clients state, Cursor cursor) {
        return state.untracked.getBooleanDetails(FLAG, false, cursor.next(state.contexts));
    }

    /**
     * Diagnostic: the provider alone, {@code getBooleanEvaluation} called directly without OpenFeature's client
     * (no hooks, no layered context, no details object), {@code trackExposure(false)}: splits the overhead between
     * the provider and OpenFeature's client.
     */
    @Benchmark
    public ProviderEvaluation<Boolean> providerBooleanEvaluationUntracked(Clients state, Cursor cursor) {
        return state.untrackedProvider.getBooleanEvaluation(FLAG, false,
                cursor.next(state.contexts));
    }

    // ---- with context data (untracked) ---------------------------------------------------------------------

    /**
     * Baseline for the mapped context: what the provider does with it by hand, {@code addData(code, device,
     * browser)} (tracked data, as the provider adds it whatever {@code trackExposure}) then untracked.
     */
    @Benchmark
    public boolean isFeatureActiveUntrackedWithData(Clients state, Cursor cursor) {
        String code = cursor.next(state.codes);
        state.client.addData(code, new Device(DeviceType.DESKTOP), new Browser(BrowserType.CHROME, 120));
        return state.client.isFeatureActive(code, FLAG, false);
    }

    /** {@code getBooleanValue} with {@code trackExposure(false)}, the context carrying device and browser. */
    @Benchmark
    public boolean openFeatureBooleanValueUntrackedWithData(Clients state, Cursor cursor) {
        return state.untracked.getBooleanValue(FLAG, false,
                cursor.next(state.contextsWithData));
    }
}
