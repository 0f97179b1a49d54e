package com.kameleoon.openfeature;

import com.kameleoon.data.CustomData;
import dev.openfeature.sdk.TrackingEventDetails;
import dev.openfeature.sdk.Value;
import java.util.List;

/**
 * An OpenFeature tracking event read as a Kameleoon conversion: the event name is the goal id, the details' value
 * the revenue, their {@code negative} field whether the revenue is a refund and their {@code metadata} field the
 * conversion's custom data. Immutable.
 *
 * @param goalId the goal id
 * @param revenue the revenue, 0 when none
 * @param negative true for a negative (refund) conversion
 * @param metadata the conversion's custom data, empty when none
 */
record ConversionEvent(int goalId, double revenue, boolean negative, List<CustomData> metadata) {
    static final String NEGATIVE = "negative";
    static final String METADATA = "metadata";

    /**
     * @param eventName the goal id, in decimal
     * @param details the details, may be null
     * @return the conversion
     * @throws IllegalArgumentException when the event name is not a goal id or a field has the wrong type
     */
    static ConversionEvent of(String eventName, TrackingEventDetails details) {
        int goalId;
        try {
            goalId = Integer.parseInt(eventName == null ? "" : eventName.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("OpenFeature track: the event name must be a Kameleoon goal id "
                    + "(an integer), not '" + eventName + "'");
        }
        if (details == null) {
            return new ConversionEvent(goalId, 0, false, List.of());
        }
        double revenue = details.getValue().map(Number::doubleValue).orElse(0.0);
        Value negative = details.getValue(NEGATIVE);
        if (negative != null && !negative.isNull() && !negative.isBoolean()) {
            throw new IllegalArgumentException("OpenFeature track: the '" + NEGATIVE + "' field must be a boolean, "
                    + "not " + negative);
        }
        Value metadata = details.getValue(METADATA);
        List<CustomData> customData = metadata == null || metadata.isNull() ? List.of()
                : ContextData.customData(metadata, METADATA);
        return new ConversionEvent(goalId, revenue, negative != null && Boolean.TRUE.equals(negative.asBoolean()),
                customData);
    }
}
