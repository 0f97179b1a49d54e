package com.kameleoon.internal.targeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kameleoon.internal.targeting.conditions.ApplicationVersionCondition;
import com.kameleoon.internal.targeting.conditions.BrowserCondition;
import com.kameleoon.internal.targeting.conditions.ConversionsCondition;
import com.kameleoon.internal.targeting.conditions.CookieCondition;
import com.kameleoon.internal.targeting.conditions.CustomDatumCondition;
import com.kameleoon.internal.targeting.conditions.DeviceTypeCondition;
import com.kameleoon.internal.targeting.conditions.ExclusiveExperimentCondition;
import com.kameleoon.internal.targeting.conditions.FirstVisitCondition;
import com.kameleoon.internal.targeting.conditions.GeolocationCondition;
import com.kameleoon.internal.targeting.conditions.HeatSliceCondition;
import com.kameleoon.internal.targeting.conditions.LastVisitCondition;
import com.kameleoon.internal.targeting.conditions.NewVisitorsCondition;
import com.kameleoon.internal.targeting.conditions.OperatingSystemCondition;
import com.kameleoon.internal.targeting.conditions.PageTitleCondition;
import com.kameleoon.internal.targeting.conditions.PageUrlCondition;
import com.kameleoon.internal.targeting.conditions.PageViewsCondition;
import com.kameleoon.internal.targeting.conditions.PreviousPageCondition;
import com.kameleoon.internal.targeting.conditions.SameDayVisitsCondition;
import com.kameleoon.internal.targeting.conditions.SdkLanguageCondition;
import com.kameleoon.internal.targeting.conditions.SegmentCondition;
import com.kameleoon.internal.targeting.conditions.TargetExperimentCondition;
import com.kameleoon.internal.targeting.conditions.TargetFeatureFlagCondition;
import com.kameleoon.internal.targeting.conditions.TargetPersonalizationCondition;
import com.kameleoon.internal.targeting.conditions.UnknownCondition;
import com.kameleoon.internal.targeting.conditions.VisitorCodeCondition;
import com.kameleoon.internal.targeting.conditions.VisitsCondition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("condition types: parsing (docs/evaluation.md#condition-types)")
class ConditionFactoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Condition create(String json) throws Exception {
        return ConditionFactory.create(JSON.readTree(json));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "CUSTOM_DATUM, CustomDatumCondition",
        "PAGE_URL, PageUrlCondition",
        "PAGE_TITLE, PageTitleCondition",
        "PAGE_VIEWS, PageViewsCondition",
        "PREVIOUS_PAGE, PreviousPageCondition",
        "DEVICE_TYPE, DeviceTypeCondition",
        "BROWSER, BrowserCondition",
        "OPERATING_SYSTEM, OperatingSystemCondition",
        "GEOLOCATION, GeolocationCondition",
        "COOKIE, CookieCondition",
        "CONVERSIONS, ConversionsCondition",
        "SDK_LANGUAGE, SdkLanguageCondition",
        "APPLICATION_VERSION, ApplicationVersionCondition",
        "VISITOR_CODE, VisitorCodeCondition",
        "VISITS, VisitsCondition",
        "SAME_DAY_VISITS, SameDayVisitsCondition",
        "NEW_VISITORS, NewVisitorsCondition",
        "FIRST_VISIT, FirstVisitCondition",
        "LAST_VISIT, LastVisitCondition",
        "EXCLUSIVE_EXPERIMENT, ExclusiveExperimentCondition",
        "TARGET_EXPERIMENT, TargetExperimentCondition",
        "TARGET_FEATURE_FLAG, TargetFeatureFlagCondition",
        "TARGET_PERSONALIZATION, TargetPersonalizationCondition",
        "SEGMENT, SegmentCondition",
        "HEAT_SLICE, HeatSliceCondition",
        "VISITS_BY_PAGE, UnknownCondition",
        "JS_CODE, UnknownCondition",
    })
    @DisplayName("each targetingType has its own class; missing fields take their defaults")
    void dispatch(String type, String className) throws Exception {
        Condition condition = create("{\"targetingType\":\"" + type + "\",\"isInclude\":true,\"id\":7}");
        assertThat(condition.getClass().getSimpleName()).isEqualTo(className);
    }

    @Test
    void dispatchReturnsTheDocumentedTypes() throws Exception {
        assertThat(create("{\"targetingType\":\"CUSTOM_DATUM\"}")).isInstanceOf(CustomDatumCondition.class);
        assertThat(create("{\"targetingType\":\"PAGE_URL\"}")).isInstanceOf(PageUrlCondition.class);
        assertThat(create("{\"targetingType\":\"PAGE_TITLE\"}")).isInstanceOf(PageTitleCondition.class);
        assertThat(create("{\"targetingType\":\"PAGE_VIEWS\"}")).isInstanceOf(PageViewsCondition.class);
        assertThat(create("{\"targetingType\":\"PREVIOUS_PAGE\"}")).isInstanceOf(PreviousPageCondition.class);
        assertThat(create("{\"targetingType\":\"DEVICE_TYPE\"}")).isInstanceOf(DeviceTypeCondition.class);
        assertThat(create("{\"targetingType\":\"BROWSER\"}")).isInstanceOf(BrowserCondition.class);
        assertThat(create("{\"targetingType\":\"OPERATING_SYSTEM\"}")).isInstanceOf(OperatingSystemCondition.class);
        assertThat(create("{\"targetingType\":\"GEOLOCATION\"}")).isInstanceOf(GeolocationCondition.class);
        assertThat(create("{\"targetingType\":\"COOKIE\"}")).isInstanceOf(CookieCondition.class);
        assertThat(create("{\"targetingType\":\"CONVERSIONS\"}")).isInstanceOf(ConversionsCondition.class);
        assertThat(create("{\"targetingType\":\"SDK_LANGUAGE\"}")).isInstanceOf(SdkLanguageCondition.class);
        assertThat(create("{\"targetingType\":\"APPLICATION_VERSION\"}"))
                .isInstanceOf(ApplicationVersionCondition.class);
        assertThat(create("{\"targetingType\":\"VISITOR_CODE\"}")).isInstanceOf(VisitorCodeCondition.class);
        assertThat(create("{\"targetingType\":\"VISITS\"}")).isInstanceOf(VisitsCondition.class);
        assertThat(create("{\"targetingType\":\"SAME_DAY_VISITS\"}")).isInstanceOf(SameDayVisitsCondition.class);
        assertThat(create("{\"targetingType\":\"NEW_VISITORS\"}")).isInstanceOf(NewVisitorsCondition.class);
        assertThat(create("{\"targetingType\":\"FIRST_VISIT\"}")).isInstanceOf(FirstVisitCondition.class);
        assertThat(create("{\"targetingType\":\"LAST_VISIT\"}")).isInstanceOf(LastVisitCondition.class);
        assertThat(create("{\"targetingType\":\"EXCLUSIVE_EXPERIMENT\"}"))
                .isInstanceOf(ExclusiveExperimentCondition.class);
        assertThat(create("{\"targetingType\":\"TARGET_EXPERIMENT\"}")).isInstanceOf(TargetExperimentCondition.class);
        assertThat(create("{\"targetingType\":\"TARGET_FEATURE_FLAG\"}"))
                .isInstanceOf(TargetFeatureFlagCondition.class);
        assertThat(create("{\"targetingType\":\"TARGET_PERSONALIZATION\"}"))
                .isInstanceOf(TargetPersonalizationCondition.class);
        assertThat(create("{\"targetingType\":\"SEGMENT\"}")).isInstanceOf(SegmentCondition.class);
        assertThat(create("{\"targetingType\":\"HEAT_SLICE\"}")).isInstanceOf(HeatSliceCondition.class);
        assertThat(create("{\"targetingType\":\"ORIGIN\"}")).isInstanceOf(UnknownCondition.class);
    }

    @ParameterizedTest(name = "{0}.{1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "CUSTOM_DATUM | customDataIndex | \"x\" | customDataIndex: expected an integer, got \"x\"",
        "CUSTOM_DATUM | customDataIndex | 1.5 | customDataIndex: expected an integer, got 1.5",
        "CUSTOM_DATUM | customDataIndex | true | customDataIndex: expected an integer, got true",
        "CUSTOM_DATUM | customDataIndex | {} | customDataIndex: expected an integer, got {}",
        "CUSTOM_DATUM | value | [1] | value: expected a string, got [1]",
        "CUSTOM_DATUM | valueMatchType | [\"EXACT\"] | valueMatchType: expected a string, got [\"EXACT\"]",
        "PAGE_VIEWS | pageCount | \"2x\" | pageCount: expected an integer, got \"2x\"",
        "PAGE_URL | url | {\"a\":1} | url: expected a string, got {\"a\":1}",
        "CONVERSIONS | goalId | \"g\" | goalId: expected an integer, got \"g\"",
        "VISITS | visitCount | [] | visitCount: expected an integer, got []",
        "SAME_DAY_VISITS | visitCount | \"\" | visitCount: expected an integer, got \"\"",
        "FIRST_VISIT | countInMillis | 1e400 | countInMillis: expected an integer, got ",
        "TARGET_EXPERIMENT | experimentId | \"e\" | experimentId: expected an integer, got \"e\"",
        "TARGET_FEATURE_FLAG | featureFlagId | \"f\" | featureFlagId: expected an integer, got \"f\"",
        "TARGET_FEATURE_FLAG | ruleId | \"r\" | ruleId: expected an integer, got \"r\"",
        "TARGET_PERSONALIZATION | personalizationId | 3000000000 | personalizationId: expected an integer, got ",
        "SEGMENT | segmentId | \"s\" | segmentId: expected an integer, got \"s\"",
        "HEAT_SLICE | keyMomentId | \"k\" | keyMomentId: expected an integer, got \"k\"",
        "HEAT_SLICE | upperBound | \"high\" | upperBound: expected a number, got \"high\"",
        "GEOLOCATION | country | [\"FR\"] | country: expected a string, got [\"FR\"]",
        "BROWSER | version | {} | version: expected a string, got {}",
    })
    @DisplayName("a field of the wrong JSON type is an IllegalArgumentException naming the field"
            + " (docs/evaluation.md#condition-lists)")
    void wrongFieldType(String type, String field, String value, String message) {
        String json = "{\"targetingType\":\"" + type + "\",\"" + field + "\":" + value + "}";
        assertThatThrownBy(() -> create(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    @DisplayName("string-typed numeric fields are accepted as JSON strings or numbers"
            + " (docs/evaluation.md#condition-lists)")
    void numericFieldsAsTextOrNumber() throws Exception {
        assertThat(create("{\"targetingType\":\"SEGMENT\",\"segmentId\":\"501\"}"))
                .isEqualTo(new SegmentCondition(501));
        assertThat(create("{\"targetingType\":\"SEGMENT\",\"segmentId\":501}")).isEqualTo(new SegmentCondition(501));
        assertThat(create("{\"targetingType\":\"SEGMENT\",\"segmentId\":501.0}"))
                .isEqualTo(new SegmentCondition(501));
        assertThat(create("{\"targetingType\":\"SEGMENT\",\"segmentId\":\"-3\"}"))
                .isEqualTo(new SegmentCondition(-3));
    }

    @Test
    void notAnObjectOrBadType() {
        assertThatThrownBy(() -> ConditionFactory.create(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> create("[1]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("condition:");
        assertThatThrownBy(() -> create("{\"targetingType\":5}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("targetingType: expected a string, got 5");
    }

    @Test
    @DisplayName("a field of the wrong type in an unknown type is ignored: its fields are never read")
    void unknownTypesIgnoreFields() throws Exception {
        JsonNode json = JSON.readTree("{\"targetingType\":\"DAY_OF_WEEK\",\"customDataIndex\":{}}");
        assertThat(ConditionFactory.create(json)).isInstanceOf(UnknownCondition.class);
    }
}
