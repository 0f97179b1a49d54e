package com.kameleoon.internal.targeting.conditions;

import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.NOW;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.condition;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.configuration;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.context;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.data.CustomData;
import com.kameleoon.exceptions.DataFileInvalid;
import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.datafile.DataFileParser;
import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.targeting.ConditionLeaf;
import com.kameleoon.internal.targeting.TargetingContext;
import com.kameleoon.internal.visitor.AssignedVariation;
import com.kameleoon.internal.visitor.RuleType;
import com.kameleoon.internal.visitor.Visitor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Segments of configuration.json: 601 VIP, 602 = SEGMENT 601, 603 self-reference, 604/605 a cycle, ... */
@DisplayName("SEGMENT (docs/evaluation.md#segment)")
class SegmentConditionTest {
    private static final Configuration CONFIGURATION = configuration();

    private static Condition segment(int id) {
        return condition("{\"targetingType\":\"SEGMENT\",\"isInclude\":true,\"segmentId\":\"" + id + "\"}");
    }

    private static Visitor vip() {
        Visitor visitor = visitor();
        visitor.putCustomData(new CustomData(1, "vip"), false);
        return visitor;
    }

    @Test
    @DisplayName("SEGMENT evaluates the referenced segment's tree with the same visitor")
    void evaluatesTheSegment() {
        assertThat(segment(601).check(context(vip(), CONFIGURATION))).isTrue();
        assertThat(segment(601).check(context(visitor(), CONFIGURATION))).isFalse();
        assertThat(segment(601).check(context(null, CONFIGURATION))).isFalse();
    }

    @Test
    @DisplayName("SEGMENT references nest")
    void nested() {
        assertThat(segment(602).check(context(vip(), CONFIGURATION))).isTrue();
        assertThat(segment(602).check(context(visitor(), CONFIGURATION))).isFalse();
    }

    @Test
    @DisplayName("SEGMENT an isInclude false reference inside a segment negates it")
    void excludedReference() {
        assertThat(segment(611).check(context(vip(), CONFIGURATION))).isFalse();
        assertThat(segment(611).check(context(visitor(), CONFIGURATION))).isTrue();
    }

    @Test
    @DisplayName("SEGMENT unknown segment: false")
    void unknownSegment() {
        assertThat(segment(9999).check(context(vip(), CONFIGURATION))).isFalse();
        assertThat(condition("{\"targetingType\":\"SEGMENT\"}").check(context(vip(), CONFIGURATION))).isFalse();
    }

    @Test
    @DisplayName("SEGMENT referenced segment without tree: false (PHP)")
    void segmentWithoutTree() {
        assertThat(CONFIGURATION.segment(606).tree()).isNull();
        assertThat(segment(606).check(context(vip(), CONFIGURATION))).isFalse();
        assertThat(segment(607).check(context(vip(), CONFIGURATION))).isFalse();
    }

    @Test
    @DisplayName("SEGMENT a segment referencing itself is false, without StackOverflowError")
    void selfReference() {
        assertThat(segment(603).check(context(vip(), CONFIGURATION))).isFalse();
    }

    @Test
    @DisplayName("SEGMENT two segments referencing each other are false")
    void mutualCycle() {
        assertThat(segment(604).check(context(vip(), CONFIGURATION))).isFalse();
        assertThat(segment(605).check(context(vip(), CONFIGURATION))).isFalse();
    }

    @Test
    @DisplayName("SEGMENT the nesting depth is restored after a cycle, so the rest of the tree still works")
    void depthIsRestored() {
        assertThat(segment(609).check(context(vip(), CONFIGURATION))).isTrue();
        TargetingContext context = context(vip(), CONFIGURATION);
        assertThat(segment(603).check(context)).isFalse();
        assertThat(segment(602).check(context)).isTrue();
        for (int i = 0; i < TargetingContext.MAX_SEGMENT_DEPTH; i++) {
            assertThat(context.enterSegment(10_000 + i)).isTrue();
        }
        assertThat(context.enterSegment(99_999)).isFalse();
    }

    @Test
    @DisplayName("SEGMENT a segment referenced again after its first evaluation ended is not a cycle")
    void siblingReferencesAreNotACycle() {
        TargetingContext context = context(vip(), CONFIGURATION);
        // 602 -> 601 twice in a row on one context, as two SEGMENT conditions of one tree would.
        assertThat(segment(602).check(context)).isTrue();
        assertThat(segment(602).check(context)).isTrue();
        assertThat(context(vip(), CONFIGURATION).enterSegment(0)).as("segment id 0 on a fresh context").isTrue();
    }

    @Test
    @org.junit.jupiter.api.Timeout(5)
    @DisplayName("SEGMENT a segment referencing itself several times stays linear: re-entry is a no-match")
    void repeatedSelfReferenceIsLinear() {
        assertThat(segment(612).check(context(vip(), CONFIGURATION))).isTrue();
        assertThat(segment(612).check(context(visitor(), CONFIGURATION))).isFalse();
    }

    @Test
    @DisplayName("SEGMENT keeps the current experiment (docs/evaluation.md#data-read-by-conditions)")
    void sameCurrentExperiment() {
        Visitor visitor = visitor();
        visitor.assign(new AssignedVariation(3101, 4101, RuleType.EXPERIMENTATION, NOW), false);
        assertThat(segment(610).check(context(visitor, CONFIGURATION, 3101))).isTrue();
        assertThat(segment(610).check(context(visitor, CONFIGURATION, 3102))).isFalse();
        assertThat(segment(610).check(context(visitor, CONFIGURATION))).isFalse();
    }

    @Test
    @DisplayName("isInclude is applied by the leaf, not by the condition (docs/evaluation.md#evaluating-the-tree)")
    void isIncludeIsAppliedByTheLeaf() {
        Condition excluded = condition("{\"targetingType\":\"SEGMENT\",\"isInclude\":false,\"segmentId\":601}");
        assertThat(excluded.check(context(vip(), CONFIGURATION))).isTrue();
        assertThat(new ConditionLeaf(excluded, false).evaluate(context(vip(), CONFIGURATION))).isFalse();
    }

    @Test
    void withoutConfiguration() {
        assertThat(segment(601).check(context(vip()))).isFalse();
    }

    @Test
    @DisplayName("a condition field of the wrong type makes the datafile invalid, naming the field"
            + " (docs/evaluation.md#condition-lists)")
    void wrongFieldTypeInADataFile() {
        String datafile = "{\"featureFlags\":[],\"segments\":[{\"id\":1,\"conditionsData\":{\"firstLevel\":["
                + "{\"conditions\":[{\"targetingType\":\"CUSTOM_DATUM\",\"customDataIndex\":\"x\"}]}]}}]}";
        assertThatThrownBy(() -> DataFileParser.parse(datafile)).isInstanceOf(DataFileInvalid.class)
                .hasMessageContaining("customDataIndex: expected an integer, got \"x\"");
    }
}
