package com.kameleoon.openfeature.conformance;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.Hook;
import dev.openfeature.sdk.HookContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A hook that writes "name stage" into a log shared by the scenario's hooks (so their order can be read), keeps the
 * evaluation details its after and finally stages were given, the error its error stage was given and the provider
 * name its context carried. Optionally its before stage returns a context, or fails. Thread-safe.
 */
final class RecordingHook implements Hook<Object> {
    private final String name;
    private final List<String> log;
    private final EvaluationContext beforeContext;
    private final boolean failBefore;
    private final Map<String, FlagEvaluationDetails<Object>> details = new ConcurrentHashMap<>();
    private volatile Exception error;
    private volatile String providerName;

    /**
     * @param name the hook's name in the log
     * @param log the scenario's log of hook stages
     * @param beforeContext what the before stage returns, or null for nothing
     * @param failBefore true for a before stage that throws
     */
    RecordingHook(String name, List<String> log, EvaluationContext beforeContext, boolean failBefore) {
        this.name = name;
        this.log = log;
        this.beforeContext = beforeContext;
        this.failBefore = failBefore;
    }

    @Override
    public Optional<EvaluationContext> before(HookContext<Object> context, Map<String, Object> hints) {
        log.add(name + " before");
        providerName = context.getProviderMetadata().getName();
        if (failBefore) {
            throw new IllegalStateException("hook '" + name + "' refuses the evaluation");
        }
        return Optional.ofNullable(beforeContext);
    }

    @Override
    public void after(HookContext<Object> context, FlagEvaluationDetails<Object> evaluation,
            Map<String, Object> hints) {
        log.add(name + " after");
        details.put("after", evaluation);
    }

    @Override
    public void error(HookContext<Object> context, Exception exception, Map<String, Object> hints) {
        log.add(name + " error");
        error = exception;
    }

    @Override
    public void finallyAfter(HookContext<Object> context, FlagEvaluationDetails<Object> evaluation,
            Map<String, Object> hints) {
        log.add(name + " finally");
        details.put("finally", evaluation);
    }

    String name() {
        return name;
    }

    /**
     * @param stage "after" or "finally"
     * @return the details that stage was given, or null when it did not run
     */
    FlagEvaluationDetails<Object> details(String stage) {
        return details.get(stage);
    }

    /** @return the error the error stage was given, or null */
    Exception error() {
        return error;
    }

    /** @return the provider name the before stage saw, or null */
    String providerName() {
        return providerName;
    }
}
