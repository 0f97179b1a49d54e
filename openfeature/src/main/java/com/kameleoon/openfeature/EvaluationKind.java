package com.kameleoon.openfeature;

import com.kameleoon.types.Variation;
import dev.openfeature.sdk.Value;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One OpenFeature evaluation type and how it reads a Kameleoon variation: booleans say whether the flag is active,
 * strings give the variation key, objects all variables; every type can read a named variable. Immutable.
 *
 * @param <T> the evaluated type
 */
final class EvaluationKind<T> {
    static final EvaluationKind<Boolean> BOOLEAN = new EvaluationKind<>(Variation::isActive,
            VariableValues::asBoolean);
    static final EvaluationKind<String> STRING = new EvaluationKind<>(Variation::getKey, VariableValues::asString);
    static final EvaluationKind<Integer> INTEGER = new EvaluationKind<>(null, VariableValues::asInteger);
    static final EvaluationKind<Long> LONG = new EvaluationKind<>(null, VariableValues::asLong);
    static final EvaluationKind<Double> DOUBLE = new EvaluationKind<>(null, VariableValues::asDouble);
    static final EvaluationKind<Value> OBJECT = new EvaluationKind<>(VariationReader::allVariables,
            (value, what) -> VariableValues.asValue(value));

    private final Function<Variation, T> ofVariation;
    private final BiFunction<Object, String, T> ofVariable;

    private EvaluationKind(Function<Variation, T> ofVariation, BiFunction<Object, String, T> ofVariable) {
        this.ofVariation = ofVariation;
        this.ofVariable = ofVariable;
    }

    /** @return true when the type has a value without a named variable (boolean, string, object) */
    boolean readsVariation() {
        return ofVariation != null;
    }

    T ofVariation(Variation variation) {
        return ofVariation.apply(variation);
    }

    /**
     * @param value a variable's value
     * @param what names the variable in a type-mismatch message
     * @return the value as this type
     * @throws dev.openfeature.sdk.exceptions.TypeMismatchError when it is not one
     */
    T ofVariable(Object value, String what) {
        return ofVariable.apply(value, what);
    }
}
