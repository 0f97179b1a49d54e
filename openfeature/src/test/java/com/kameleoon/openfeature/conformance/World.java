package com.kameleoon.openfeature.conformance;

import com.kameleoon.openfeature.KameleoonProvider;
import com.kameleoon.openfeature.KameleoonProviderOptions;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.EventDetails;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.FlagEvaluationOptions;
import dev.openfeature.sdk.Hook;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderEvent;
import dev.openfeature.sdk.ThreadLocalTransactionContextPropagator;
import dev.openfeature.sdk.TrackingEventDetails;
import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.exceptions.OpenFeatureError;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The state of one scenario: an OpenFeature API of its own ({@link OpenFeatureAPI#createIsolated()}, so that
 * API-level context, hooks and handlers never leak between scenarios), the Kameleoon site and provider, the context
 * entries of each level, the hooks, the last evaluation and the events seen. The step classes reach it through
 * {@link #current()}; {@link Lifecycle} makes a new one for each scenario and closes it after.
 *
 * <p>Sites serving a datafile unchanged are shared by the scenarios (one backend and one client per datafile, closed
 * after the run); a scenario that changes its backend has a site of its own. Each scenario has a visitor of its own,
 * so visitor data added by one never targets another. Scenarios run one at a time, on one thread.
 */
final class World {
    private static final Map<String, KameleoonSite> SHARED_SITES = new ConcurrentHashMap<>();
    private static final AtomicInteger VISITORS = new AtomicInteger();
    private static World current;

    final OpenFeatureAPI api = OpenFeatureAPI.createIsolated();
    final Client features = api.getClient();
    final KameleoonProviderOptions.Builder options = KameleoonProviderOptions.builder();
    final List<String> hookLog = new CopyOnWriteArrayList<>();
    final Map<String, RecordingHook> hooks = new LinkedHashMap<>();
    final List<Hook<?>> invocationHooks = new ArrayList<>();
    final Map<ProviderEvent, List<EventDetails>> events = new ConcurrentHashMap<>();

    private final Map<ContextLevel, Map<String, Value>> entries = new EnumMap<>(ContextLevel.class);
    private final Map<ContextLevel, String> targetingKeys = new EnumMap<>(ContextLevel.class);

    KameleoonSite site;
    private boolean ownSite;
    KameleoonProvider provider;
    String visitorCode = "unnamed-visitor";
    FlagType lastType;
    FlagEvaluationDetails<?> last;
    Exception failure;

    private World() {
        api.setTransactionContextPropagator(new ThreadLocalTransactionContextPropagator());
        targetingKeys.put(ContextLevel.INVOCATION, visitorCode);
    }

    static World current() {
        if (current == null) {
            throw new IllegalStateException("no scenario is running");
        }
        return current;
    }

    static World begin() {
        current = new World();
        return current;
    }

    /** Closes the shared sites, after the last scenario. */
    static void closeSharedSites() {
        SHARED_SITES.values().forEach(KameleoonSite::close);
        SHARED_SITES.clear();
    }

    /** Gives the scenario a visitor of its own, its code the invocation's targeting key until a step moves it. */
    void newVisitor() {
        newVisitor(0);
    }

    /** @param length the length of the visitor code: padded with 'x' to that length (no padding when shorter) */
    void newVisitor(int length) {
        StringBuilder code = new StringBuilder("visitor-").append(VISITORS.incrementAndGet()).append('-')
                .append(Long.toHexString(System.nanoTime()));
        while (code.length() < length) {
            code.append('x');
        }
        visitorCode = code.toString();
        targetingKeys.clear();
        targetingKeys.put(ContextLevel.INVOCATION, visitorCode);
    }

    /** Uses the shared site serving the datafile, waiting (bounded) for its client's first datafile. */
    void useSharedSite(String dataFile) {
        site = SHARED_SITES.computeIfAbsent(dataFile, KameleoonSite::serving);
        try {
            site.client.waitInit().get(Waits.LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the client of " + dataFile + " did not get its datafile", e);
        }
    }

    /** Uses a site of the scenario's own, closed after it. */
    void useOwnSite(String dataFileOrNull) {
        site = KameleoonSite.serving(dataFileOrNull);
        ownSite = true;
    }

    /**
     * Registers a provider over the site's client as the API's default provider.
     *
     * @param wait true for {@code setProviderAndWait} (its failure is kept in {@link #failure})
     */
    void register(boolean wait) {
        provider = new KameleoonProvider(site.client, options.build());
        if (!wait) {
            api.setProvider(provider);
            return;
        }
        try {
            api.setProviderAndWait(provider);
        } catch (OpenFeatureError e) {
            failure = e;
        }
    }

    void moveTargetingKey(ContextLevel level, String code) {
        targetingKeys.clear();
        if (level != null) {
            targetingKeys.put(level, code);
        }
    }

    void setTargetingKey(ContextLevel level, String code) {
        targetingKeys.put(level, code);
    }

    void set(ContextLevel level, String key, Value value) {
        entries.computeIfAbsent(level, ignored -> new LinkedHashMap<>()).put(key, value);
    }

    private EvaluationContext context(ContextLevel level) {
        Map<String, Value> attributes = entries.getOrDefault(level, Map.of());
        String key = targetingKeys.get(level);
        return key == null ? new ImmutableContext(attributes) : new ImmutableContext(key, attributes);
    }

    private boolean hasEntries(ContextLevel level) {
        return entries.containsKey(level) || targetingKeys.containsKey(level);
    }

    /** Sets the API, transaction and client contexts from the scenario's entries. */
    private void applyContexts() {
        api.setEvaluationContext(context(ContextLevel.API));
        api.setTransactionContext(context(ContextLevel.TRANSACTION));
        features.setEvaluationContext(context(ContextLevel.CLIENT));
    }

    /** Evaluates through OpenFeature's client with every level's context, keeping the details. */
    FlagEvaluationDetails<?> evaluate(FlagType type, String flagKey, String defaultText) {
        applyContexts();
        FlagEvaluationOptions.FlagEvaluationOptionsBuilder evaluationOptions = FlagEvaluationOptions.builder();
        invocationHooks.forEach(evaluationOptions::hook);
        if (hasEntries(ContextLevel.BEFORE_HOOK)) {
            evaluationOptions.hook(new RecordingHook("context", new CopyOnWriteArrayList<>(),
                    context(ContextLevel.BEFORE_HOOK), false));
        }
        lastType = type;
        last = type.evaluate(features, flagKey, type.parse(defaultText), context(ContextLevel.INVOCATION),
                evaluationOptions.build());
        return last;
    }

    /** Tracks through OpenFeature's client with every level's context, keeping a failure in {@link #failure}. */
    void track(String eventName, TrackingEventDetails details) {
        applyContexts();
        failure = null;
        try {
            features.track(eventName, context(ContextLevel.INVOCATION), details);
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /** Records the events of that kind the client's handlers get from now on. */
    void listen(ProviderEvent event) {
        List<EventDetails> seen = events.computeIfAbsent(event, ignored -> new CopyOnWriteArrayList<>());
        features.on(event, seen::add);
    }

    List<EventDetails> seen(ProviderEvent event) {
        return events.getOrDefault(event, List.of());
    }

    /** Ends the scenario: the API (and so the provider) is shut down; a site of its own is closed. */
    void close() {
        current = null;
        try {
            api.setTransactionContext(new ImmutableContext());
            api.shutdown();
        } finally {
            if (ownSite) {
                site.close();
            }
        }
    }
}
