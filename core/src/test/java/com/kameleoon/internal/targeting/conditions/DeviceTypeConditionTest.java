package com.kameleoon.internal.targeting.conditions;

import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.check;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.visitor;
import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.data.Device;
import com.kameleoon.data.DeviceType;
import com.kameleoon.internal.visitor.Visitor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("DEVICE_TYPE (docs/evaluation.md#device_type)")
class DeviceTypeConditionTest {

    private static String json(String device) {
        return "{\"targetingType\":\"DEVICE_TYPE\",\"device\":\"" + device + "\"}";
    }

    private static Visitor on(DeviceType type) {
        Visitor visitor = visitor();
        visitor.setDevice(new Device(type), false);
        return visitor;
    }

    @ParameterizedTest
    @EnumSource(DeviceType.class)
    @DisplayName("DEVICE_TYPE equal type matches, others do not")
    void matchesItsTypeOnly(DeviceType type) {
        for (DeviceType other : DeviceType.values()) {
            assertThat(check(json(type.name()), on(other))).as(other.name()).isEqualTo(other == type);
        }
    }

    @Test
    @DisplayName("DEVICE_TYPE is case-sensitive; unknown names never match")
    void caseSensitive() {
        assertThat(check(json("desktop"), on(DeviceType.DESKTOP))).isFalse();
        assertThat(check(json("WATCH"), on(DeviceType.DESKTOP))).isFalse();
        assertThat(check("{\"targetingType\":\"DEVICE_TYPE\"}", on(DeviceType.DESKTOP))).isFalse();
    }

    @Test
    @DisplayName("DEVICE_TYPE without device or visitor object: false (docs/evaluation.md#data-read-by-conditions)")
    void noDevice() {
        assertThat(check(json("DESKTOP"), visitor())).isFalse();
        assertThat(check(json("DESKTOP"), null)).isFalse();
    }
}
