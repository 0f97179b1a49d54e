package com.kameleoon.internal.targeting.conditions;

import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.check;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.visitor;
import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.data.OperatingSystem;
import com.kameleoon.data.OperatingSystemType;
import com.kameleoon.internal.visitor.Visitor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("OPERATING_SYSTEM (docs/evaluation.md#operating_system)")
class OperatingSystemConditionTest {

    private static String json(String os) {
        return "{\"targetingType\":\"OPERATING_SYSTEM\",\"os\":\"" + os + "\"}";
    }

    private static Visitor on(OperatingSystemType type) {
        Visitor visitor = visitor();
        visitor.setOperatingSystem(new OperatingSystem(type), false);
        return visitor;
    }

    @ParameterizedTest
    @EnumSource(OperatingSystemType.class)
    @DisplayName("OPERATING_SYSTEM equal system matches, others do not")
    void matchesItsSystemOnly(OperatingSystemType type) {
        for (OperatingSystemType other : OperatingSystemType.values()) {
            assertThat(check(json(type.name()), on(other))).as(other.name()).isEqualTo(other == type);
        }
    }

    @Test
    @DisplayName("OPERATING_SYSTEM unknown name never matches")
    void unknownName() {
        assertThat(check(json("BEOS"), on(OperatingSystemType.LINUX))).isFalse();
        assertThat(check(json("linux"), on(OperatingSystemType.LINUX))).isFalse();
    }

    @Test
    void noOperatingSystem() {
        assertThat(check(json("LINUX"), visitor())).isFalse();
        assertThat(check(json("LINUX"), null)).isFalse();
    }
}
