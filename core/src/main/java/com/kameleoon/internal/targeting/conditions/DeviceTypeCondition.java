package com.kameleoon.internal.targeting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.data.Device;
import com.kameleoon.data.DeviceType;
import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.targeting.TargetingContext;
import com.kameleoon.internal.visitor.Visitor;

/**
 * {@code DEVICE_TYPE} (docs/evaluation.md#device_type): the visitor's device type is {@code device} ({@code PHONE},
 * {@code TABLET}, {@code DESKTOP}; case-sensitive). Immutable and thread-safe.
 *
 * @param device the expected type, null when the datafile names none or an unknown one (never matches)
 */
public record DeviceTypeCondition(DeviceType device) implements Condition {
    /** The {@code targetingType}. */
    public static final String TYPE = "DEVICE_TYPE";

    /**
     * Parses {@code device}.
     *
     * @param json the condition object
     * @return the condition
     */
    public static DeviceTypeCondition fromJson(JsonNode json) {
        String name = JsonFields.text(json, "device", null);
        for (DeviceType type : DeviceType.values()) {
            if (type.name().equals(name)) {
                return new DeviceTypeCondition(type);
            }
        }
        return new DeviceTypeCondition(null);
    }

    @Override
    public boolean check(TargetingContext context) {
        Visitor visitor = context.visitor();
        Device device = visitor == null ? null : visitor.device();
        return device != null && this.device != null && device.type() == this.device;
    }
}
