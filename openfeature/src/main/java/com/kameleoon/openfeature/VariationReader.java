package com.kameleoon.openfeature;

import com.kameleoon.KameleoonClient;
import com.kameleoon.types.DataFile;
import com.kameleoon.types.FeatureFlag;
import com.kameleoon.types.Variable;
import com.kameleoon.types.Variation;
import dev.openfeature.sdk.ImmutableStructure;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.exceptions.FlagNotFoundError;
import dev.openfeature.sdk.exceptions.GeneralError;
import dev.openfeature.sdk.exceptions.TypeMismatchError;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one evaluation's result from the variation Kameleoon served: the value of the asked type, the reason, the
 * variant (the variation key) and the flag metadata (experiment and variation ids). A variable the flag has but the
 * served variation lacks (commonly the {@code off} variation) gives the caller's default with reason
 * {@code DEFAULT}; a variable no variation of the flag has is {@code FLAG_NOT_FOUND}. Used once, by one thread.
 *
 * @param <T> the evaluated type
 */
final class VariationReader<T> {
    private final KameleoonClient client;
    private final FlagAddress address;
    private final Variation variation;
    private final EvaluationKind<T> kind;
    private final FlagMetadata metadata;

    VariationReader(KameleoonClient client, FlagAddress address, Variation variation, EvaluationKind<T> kind,
            FlagMetadata metadata) {
        this.client = client;
        this.address = address;
        this.variation = variation;
        this.kind = kind;
        this.metadata = metadata;
    }

    ProviderEvaluation<T> read(T defaultValue) {
        String variableKey = address.variableKey();
        if (variableKey == null) {
            if (kind.readsVariation()) {
                return served(kind.ofVariation(variation));
            }
            variableKey = onlyVariable();
            if (variableKey == null) {
                return fallback(defaultValue);
            }
        }
        Variable variable = variation.getVariables().get(variableKey);
        if (variable == null) {
            if (!flagHasVariable(variableKey)) {
                throw new FlagNotFoundError("flag '" + address.flagKey() + "' has no variable '" + variableKey + "'");
            }
            return fallback(defaultValue);
        }
        return served(kind.ofVariable(variable.getValue(), "variable '" + variableKey + "' of flag '"
                + address.flagKey() + "'"));
    }

    /** @return the served variation's only variable, or null when it has none but other variations have some */
    private String onlyVariable() {
        Map<String, Variable> variables = variation.getVariables();
        if (variables.size() == 1) {
            return variables.keySet().iterator().next();
        }
        if (variables.size() > 1) {
            throw new GeneralError("flag '" + address.flagKey() + "' has the variables " + variables.keySet()
                    + ": name one, as '" + address.flagKey() + ":" + variables.keySet().iterator().next()
                    + "' or with the variableKey context attribute");
        }
        FeatureFlag flag = flag();
        boolean anyVariables = flag != null
                && flag.getVariations().values().stream().anyMatch(other -> !other.getVariables().isEmpty());
        if (!anyVariables) {
            throw new TypeMismatchError("flag '" + address.flagKey() + "' has no variables: evaluate it as a "
                    + "boolean (active or not) or a string (the variation key)");
        }
        return null;
    }

    private boolean flagHasVariable(String variableKey) {
        FeatureFlag flag = flag();
        return flag != null && flag.getVariations().values().stream()
                .anyMatch(other -> other.getVariables().containsKey(variableKey));
    }

    private FeatureFlag flag() {
        DataFile dataFile = client.getDataFile();
        return dataFile == null ? null : dataFile.getFeatureFlags().get(address.flagKey());
    }

    private ProviderEvaluation<T> served(T value) {
        return ProviderEvaluation.<T>builder().value(value).variant(variation.getKey())
                .reason(variation.getExperimentId() == null ? Reason.DEFAULT.name() : Reason.TARGETING_MATCH.name())
                .flagMetadata(metadata.of(variation)).build();
    }

    private ProviderEvaluation<T> fallback(T defaultValue) {
        return ProviderEvaluation.<T>builder().value(defaultValue).variant(variation.getKey())
                .reason(Reason.DEFAULT.name()).flagMetadata(metadata.of(variation)).build();
    }

    /**
     * @param variation a variation
     * @return all its variables as one structure, in datafile order
     */
    static Value allVariables(Variation variation) {
        Map<String, Value> fields = new LinkedHashMap<>();
        variation.getVariables().forEach((key, variable) -> fields.put(key, VariableValues.asValue(
                variable.getValue())));
        return new Value(new ImmutableStructure(fields));
    }
}
