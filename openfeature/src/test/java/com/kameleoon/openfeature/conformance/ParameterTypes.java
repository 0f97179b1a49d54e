package com.kameleoon.openfeature.conformance;

import dev.openfeature.sdk.ProviderEvent;
import io.cucumber.java.ParameterType;

/** The scenarios' own parameter types: {@code {type}}, {@code {level}} and {@code {event}}. */
public class ParameterTypes {

    @ParameterType("boolean|string|integer|long|double|object")
    public FlagType type(String text) {
        return FlagType.of(text);
    }

    @ParameterType("API|transaction|client|invocation|before-hook")
    public ContextLevel level(String text) {
        return ContextLevel.of(text);
    }

    @ParameterType("PROVIDER_READY|PROVIDER_ERROR|PROVIDER_STALE|PROVIDER_CONFIGURATION_CHANGED")
    public ProviderEvent event(String text) {
        return ProviderEvent.valueOf(text);
    }
}
