package com.kameleoon.internal.targeting.conditions;

import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.check;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.visitor;
import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.internal.visitor.Visitor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TARGET_PERSONALIZATION (docs/evaluation.md#target_personalization)")
class TargetPersonalizationConditionTest {

    @Test
    @DisplayName("TARGET_PERSONALIZATION: the visitor has that personalization")
    void hasPersonalization() {
        Visitor visitor = visitor();
        visitor.putPersonalization(1234, 5);
        assertThat(check("{\"targetingType\":\"TARGET_PERSONALIZATION\",\"personalizationId\":1234}", visitor))
                .isTrue();
        assertThat(check("{\"targetingType\":\"TARGET_PERSONALIZATION\",\"personalizationId\":\"1234\"}", visitor))
                .isTrue();
        assertThat(check("{\"targetingType\":\"TARGET_PERSONALIZATION\",\"personalizationId\":99}", visitor))
                .isFalse();
        assertThat(check("{\"targetingType\":\"TARGET_PERSONALIZATION\"}", visitor)).isFalse();
    }

    @Test
    @DisplayName("TARGET_PERSONALIZATION without personalizations or visitor object: false"
            + " (docs/evaluation.md#data-read-by-conditions)")
    void none() {
        assertThat(check("{\"targetingType\":\"TARGET_PERSONALIZATION\",\"personalizationId\":1}", visitor()))
                .isFalse();
        assertThat(check("{\"targetingType\":\"TARGET_PERSONALIZATION\",\"personalizationId\":1}", null)).isFalse();
    }
}
