package com.kameleoon.openfeature;

import com.kameleoon.ConfigurationFetch;
import com.kameleoon.KameleoonClient;
import com.kameleoon.data.Data;
import com.kameleoon.exceptions.FeatureEnvironmentDisabled;
import com.kameleoon.exceptions.FeatureNotFound;
import com.kameleoon.exceptions.KameleoonException;
import com.kameleoon.exceptions.VisitorCodeInvalid;
import com.kameleoon.types.Variation;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.EventProvider;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.ProviderEventDetails;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.TrackingEventDetails;
import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.exceptions.FlagNotFoundError;
import dev.openfeature.sdk.exceptions.GeneralError;
import dev.openfeature.sdk.exceptions.InvalidContextError;
import dev.openfeature.sdk.exceptions.ProviderNotReadyError;
import dev.openfeature.sdk.exceptions.TargetingKeyMissingError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An OpenFeature provider over a {@link KameleoonClient}, so that code written against the OpenFeature API gets
 * Kameleoon's decisions: the same buckets, the same exposure lines, in the same unit of work as the request.
 *
 * <pre>{@code
 * OpenFeatureAPI api = OpenFeatureAPI.getInstance();
 * api.setProviderAndWait(new KameleoonProvider(kameleoonClient));
 * Client features = api.getClient();
 * EvaluationContext visitor = new ImmutableContext(visitorCode, Map.of("device", new Value("phone")));
 * boolean on = features.getBooleanValue("new_checkout", false, visitor);        // flag active
 * String variation = features.getStringValue("new_checkout", "off", visitor);  // variation key
 * int discount = features.getIntegerValue("new_checkout:discount", 0, visitor); // a variable
 * features.track("123", visitor, new MutableTrackingEventDetails(49.9));         // conversion of goal 123
 * }</pre>
 *
 * <h2>Mapping</h2>
 * <ul>
 *   <li>The targeting key is the visitor code; without one an evaluation fails with
 *       {@code TARGETING_KEY_MISSING}, with one Kameleoon cannot take (longer than 255 characters) with
 *       {@code INVALID_CONTEXT}. Inside a request handled by the Kameleoon filter, pass the request's visitor
 *       code: the evaluation then joins the request's unit of work and is stored by its one commit.</li>
 *   <li>A boolean evaluation says whether the flag is active (its variation is not {@code off}); a string
 *       evaluation gives the variation key. Any type can read a variable instead: {@code "flag:variable"} as the
 *       flag key, or the flag key plus a {@code variableKey} context attribute. Integer, long and double
 *       evaluations without a named variable read the variation's only variable; an object evaluation without one
 *       gives all the variation's variables as a structure.</li>
 *   <li>Reasons: {@code TARGETING_MATCH} when a rule assigned the variation (experiment and variation ids in the
 *       flag metadata as {@code experimentId} and {@code variationId}), {@code DEFAULT} when the flag's default
 *       variation is served (or the served variation lacks the named variable), {@code DISABLED} with the caller's
 *       default value when the flag is off in the client's environment, {@code ERROR} with
 *       {@code FLAG_NOT_FOUND}, {@code TYPE_MISMATCH}, {@code TARGETING_KEY_MISSING}, {@code INVALID_CONTEXT},
 *       {@code PROVIDER_NOT_READY} or {@code GENERAL}. The variant is the variation key.</li>
 *   <li>Context attributes {@code customData}, {@code device}, {@code browser}, {@code operatingSystem},
 *       {@code pageView}, {@code geolocation} and {@code userAgent} are added to the visitor before the
 *       evaluation, so targeting sees them; other attributes are ignored.</li>
 *   <li>{@link #track} records a conversion: the event name is the goal id, the details' value the revenue, a
 *       {@code negative} boolean field and a {@code metadata} structure (like {@code customData}) are read
 *       too.</li>
 * </ul>
 *
 * <h2>Events and life cycle</h2>
 * {@code initialize} waits (bounded by {@link KameleoonProviderOptions#initializationTimeout()}) for the client's
 * first datafile; OpenFeature then reports READY. Every later datafile update emits CONFIGURATION_CHANGED, naming
 * the flags of the new datafile and of the previous one (so removed flags too); a failed
 * refresh emits STALE (evaluation goes on with the last datafile), the next good one READY. {@code shutdown} stops
 * the events but does not close the client, which belongs to the application. Thread-safe.
 */
public final class KameleoonProvider extends EventProvider {
    /** The provider's name in OpenFeature's metadata. */
    public static final String NAME = "Kameleoon";

    private static final Metadata METADATA = () -> NAME;

    private final KameleoonClient client;
    private final KameleoonProviderOptions options;
    private final ProviderHealth health = new ProviderHealth();
    private final FlagMetadata metadata = new FlagMetadata();
    private final AtomicBoolean listening = new AtomicBoolean();
    /** The flags of the datafile last seen, so that an update can name the flags it removed. */
    private final AtomicReference<List<String>> knownFlags = new AtomicReference<>(List.of());
    private volatile boolean active;

    /**
     * A provider with the default options.
     *
     * @param client the application's client; the provider never closes it
     */
    public KameleoonProvider(KameleoonClient client) {
        this(client, KameleoonProviderOptions.defaults());
    }

    /**
     * @param client the application's client; the provider never closes it
     * @param options how OpenFeature is mapped
     */
    public KameleoonProvider(KameleoonClient client, KameleoonProviderOptions options) {
        this.client = Objects.requireNonNull(client, "client");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Metadata getMetadata() {
        return METADATA;
    }

    /**
     * Waits for the client's first datafile.
     *
     * @param context the global evaluation context (not used: Kameleoon data belongs to visitors)
     * @throws GeneralError when no datafile arrived within the initialization timeout
     */
    @Override
    public void initialize(EvaluationContext context) throws Exception {
        active = true;
        if (listening.compareAndSet(false, true)) {
            // The client cannot unregister listeners: after shutdown they see active == false and do nothing.
            client.onConfigurationFetch(this::afterFetch);
            client.onUpdateConfiguration(this::afterUpdate);
        }
        knownFlags.set(List.copyOf(client.getFeatureList()));
        if (!client.isReady() && !awaitFirstDataFile()) {
            health.initializationFailed();
            throw new GeneralError("no Kameleoon datafile within " + options.initializationTimeout()
                    + "; the provider becomes ready when one arrives");
        }
        health.initialized();
    }

    private boolean awaitFirstDataFile() throws InterruptedException {
        try {
            client.waitInit().get(options.initializationTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return client.isReady();
        }
        return client.isReady();
    }

    /** Stops the provider's events; the client stays open. */
    @Override
    public void shutdown() {
        active = false;
        super.shutdown();
    }

    private void afterFetch(ConfigurationFetch fetch) {
        if (!active) {
            return;
        }
        if (fetch.succeeded()) {
            // Runs after the datafile's update handlers, and also after the first load, which has none.
            knownFlags.set(List.copyOf(client.getFeatureList()));
        }
        switch (health.after(fetch, client.isReady())) {
            case READY:
                emitProviderReady(ProviderEventDetails.builder().message("Kameleoon configuration fetched").build());
                break;
            case STALE:
                emitProviderStale(ProviderEventDetails.builder().message("Kameleoon configuration could not be "
                        + "refreshed (" + fetch.failure() + "); evaluating with the last one").build());
                break;
            default:
                break;
        }
    }

    private void afterUpdate() {
        if (!active) {
            return;
        }
        // Kameleoon's update does not say which flags changed: every flag of the new datafile is reported, and every
        // flag of the previous one, which the update may have removed.
        metadata.clear();
        List<String> flags = List.copyOf(client.getFeatureList());
        Set<String> changed = new LinkedHashSet<>(flags);
        changed.addAll(knownFlags.getAndSet(flags));
        emitProviderConfigurationChanged(ProviderEventDetails.builder()
                .flagsChanged(new ArrayList<>(changed))
                .message("Kameleoon configuration updated").build());
    }

    @Override
    public ProviderEvaluation<Boolean> getBooleanEvaluation(String key, Boolean defaultValue,
            EvaluationContext context) {
        return evaluate(key, defaultValue, context, EvaluationKind.BOOLEAN);
    }

    @Override
    public ProviderEvaluation<String> getStringEvaluation(String key, String defaultValue,
            EvaluationContext context) {
        return evaluate(key, defaultValue, context, EvaluationKind.STRING);
    }

    @Override
    public ProviderEvaluation<Integer> getIntegerEvaluation(String key, Integer defaultValue,
            EvaluationContext context) {
        return evaluate(key, defaultValue, context, EvaluationKind.INTEGER);
    }

    @Override
    public ProviderEvaluation<Long> getLongEvaluation(String key, Long defaultValue, EvaluationContext context) {
        return evaluate(key, defaultValue, context, EvaluationKind.LONG);
    }

    @Override
    public ProviderEvaluation<Double> getDoubleEvaluation(String key, Double defaultValue,
            EvaluationContext context) {
        return evaluate(key, defaultValue, context, EvaluationKind.DOUBLE);
    }

    @Override
    public ProviderEvaluation<Value> getObjectEvaluation(String key, Value defaultValue, EvaluationContext context) {
        return evaluate(key, defaultValue, context, EvaluationKind.OBJECT);
    }

    private <T> ProviderEvaluation<T> evaluate(String key, T defaultValue, EvaluationContext context, EvaluationKind<T> kind) {
        if (!client.isReady()) {
            throw new ProviderNotReadyError("no Kameleoon datafile is loaded yet");
        }
        String visitorCode = visitorCode(context);
        FlagAddress address = FlagAddress.of(key, context, options.variableKeyAttribute());
        addContextData(visitorCode, context);
        Variation variation;
        try {
            variation = client.getVariation(visitorCode, address.flagKey(), options.trackExposure());
        } catch (FeatureNotFound e) {
            throw new FlagNotFoundError("flag '" + address.flagKey() + "' is not in the Kameleoon datafile");
        } catch (FeatureEnvironmentDisabled e) {
            return ProviderEvaluation.<T>builder().value(defaultValue).reason(Reason.DISABLED.name())
                    .build();
        } catch (VisitorCodeInvalid e) {
            throw new InvalidContextError(e.getMessage());
        } catch (KameleoonException e) {
            throw new GeneralError(e.getMessage());
        }
        return new VariationReader<>(client, address, variation, kind, metadata).read(defaultValue);
    }

    private static String visitorCode(EvaluationContext context) {
        String code = context == null ? null : context.getTargetingKey();
        if (code == null || code.isEmpty()) {
            throw new TargetingKeyMissingError("the targeting key (the Kameleoon visitor code) is missing");
        }
        return code;
    }

    private void addContextData(String visitorCode, EvaluationContext context) {
        if (!options.addContextData()) {
            return;
        }
        Data[] data = ContextData.of(context);
        if (data.length > 0) {
            try {
                client.addData(visitorCode, data);
            } catch (VisitorCodeInvalid e) {
                throw new InvalidContextError(e.getMessage());
            }
        }
    }

    /**
     * Records a Kameleoon conversion.
     *
     * @param eventName the goal id, in decimal
     * @param context carries the visitor code as targeting key, and visitor data as for evaluations
     * @param details optional: the revenue as value, {@code negative} (boolean) and {@code metadata} (a structure of
     *        custom data index or name to values)
     * @throws IllegalArgumentException when the event name is not a goal id
     * @throws TargetingKeyMissingError when the context has no targeting key
     */
    @Override
    public void track(String eventName, EvaluationContext context, TrackingEventDetails details) {
        ConversionEvent conversion = ConversionEvent.of(eventName, details);
        String visitorCode = visitorCode(context);
        addContextData(visitorCode, context);
        client.trackConversion(visitorCode, conversion.goalId(), conversion.revenue(), conversion.negative(),
                conversion.metadata());
    }

    @Override
    public String toString() {
        return "KameleoonProvider{" + options + "}";
    }
}
