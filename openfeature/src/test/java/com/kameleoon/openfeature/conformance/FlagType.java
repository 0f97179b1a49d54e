package com.kameleoon.openfeature.conformance;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.FlagEvaluationOptions;
import dev.openfeature.sdk.Value;
import java.util.Locale;

/** The six evaluation types of OpenFeature's {@link Client}: how a scenario writes a value of each, and the call. */
enum FlagType {
    BOOLEAN {
        @Override
        Object parse(String text) {
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException("not a boolean: " + text);
            }
            return Boolean.valueOf(text);
        }

        @Override
        FlagEvaluationDetails<?> evaluate(Client client, String key, Object defaultValue, EvaluationContext context,
                FlagEvaluationOptions options) {
            return client.getBooleanDetails(key, (Boolean) defaultValue, context, options);
        }
    },
    STRING {
        @Override
        Object parse(String text) {
            return text;
        }

        @Override
        FlagEvaluationDetails<?> evaluate(Client client, String key, Object defaultValue, EvaluationContext context,
                FlagEvaluationOptions options) {
            return client.getStringDetails(key, (String) defaultValue, context, options);
        }
    },
    INTEGER {
        @Override
        Object parse(String text) {
            return Integer.valueOf(text);
        }

        @Override
        FlagEvaluationDetails<?> evaluate(Client client, String key, Object defaultValue, EvaluationContext context,
                FlagEvaluationOptions options) {
            return client.getIntegerDetails(key, (Integer) defaultValue, context, options);
        }
    },
    LONG {
        @Override
        Object parse(String text) {
            return Long.valueOf(text);
        }

        @Override
        FlagEvaluationDetails<?> evaluate(Client client, String key, Object defaultValue, EvaluationContext context,
                FlagEvaluationOptions options) {
            return client.getLongDetails(key, (Long) defaultValue, context, options);
        }
    },
    DOUBLE {
        @Override
        Object parse(String text) {
            return Double.valueOf(text);
        }

        @Override
        FlagEvaluationDetails<?> evaluate(Client client, String key, Object defaultValue, EvaluationContext context,
                FlagEvaluationOptions options) {
            return client.getDoubleDetails(key, (Double) defaultValue, context, options);
        }
    },
    OBJECT {
        @Override
        Object parse(String text) {
            return ValueText.parse(text);
        }

        @Override
        FlagEvaluationDetails<?> evaluate(Client client, String key, Object defaultValue, EvaluationContext context,
                FlagEvaluationOptions options) {
            return client.getObjectDetails(key, (Value) defaultValue, context, options);
        }

        @Override
        String render(Object value) {
            return ValueText.render((Value) value);
        }
    };

    /**
     * @param text "boolean", "string", "integer", "long", "double" or "object"
     * @return the type
     */
    static FlagType of(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }

    /**
     * @param text a value as a scenario writes it
     * @return the value, of this type's Java class
     */
    abstract Object parse(String text);

    abstract FlagEvaluationDetails<?> evaluate(Client client, String key, Object defaultValue,
            EvaluationContext context, FlagEvaluationOptions options);

    /**
     * @param value a value of this type
     * @return its text, equal for equal values
     */
    String render(Object value) {
        return String.valueOf(value);
    }
}
