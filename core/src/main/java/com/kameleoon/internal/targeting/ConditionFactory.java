package com.kameleoon.internal.targeting;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * Turns one condition object of a segment's {@code conditionsData} into a {@link Condition}, by its
 * {@code targetingType}. Unknown types check as true (docs/evaluation.md#unknown-condition-types). Each condition
 * parses its fields here, once: patterns are compiled, numbers, versions and value lists are read, so evaluation does
 * no parsing. Stateless.
 */
public final class ConditionFactory {
    private ConditionFactory() {
    }

    /**
     * Parses a condition.
     *
     * @param json the condition object
     * @return the condition (without its {@code isInclude}, which the caller applies)
     * @throws IllegalArgumentException naming the field when a field has the wrong type
     */
    public static Condition create(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("condition: expected an object, got " + json);
        }
        JsonNode typeNode = json.get("targetingType");
        if (typeNode != null && !typeNode.isNull() && !typeNode.isTextual()) {
            throw new IllegalArgumentException("targetingType: expected a string, got " + typeNode);
        }
        String type = typeNode == null || typeNode.isNull() ? null : typeNode.textValue();
        if (type == null) {
            return new UnknownCondition(null);
        }
        switch (type) {
            case "CUSTOM_DATUM":
                return CustomDatumCondition.fromJson(json);
            case "PAGE_URL":
                return PageUrlCondition.fromJson(json);
            case "PAGE_TITLE":
                return PageTitleCondition.fromJson(json);
            case "PAGE_VIEWS":
                return PageViewsCondition.fromJson(json);
            case "PREVIOUS_PAGE":
                return PreviousPageCondition.fromJson(json);
            case "DEVICE_TYPE":
                return DeviceTypeCondition.fromJson(json);
            case "BROWSER":
                return BrowserCondition.fromJson(json);
            case "OPERATING_SYSTEM":
                return OperatingSystemCondition.fromJson(json);
            case "GEOLOCATION":
                return GeolocationCondition.fromJson(json);
            case "COOKIE":
                return CookieCondition.fromJson(json);
            case "CONVERSIONS":
                return ConversionsCondition.fromJson(json);
            case "SDK_LANGUAGE":
                return SdkLanguageCondition.fromJson(json);
            case "APPLICATION_VERSION":
                return ApplicationVersionCondition.fromJson(json);
            case "VISITOR_CODE":
                return VisitorCodeCondition.fromJson(json);
            case "VISITS":
                return VisitsCondition.fromJson(json);
            case "SAME_DAY_VISITS":
                return SameDayVisitsCondition.fromJson(json);
            case "NEW_VISITORS":
                return NewVisitorsCondition.fromJson(json);
            case "FIRST_VISIT":
                return FirstVisitCondition.fromJson(json);
            case "LAST_VISIT":
                return LastVisitCondition.fromJson(json);
            case "EXCLUSIVE_EXPERIMENT":
                return ExclusiveExperimentCondition.fromJson(json);
            case "TARGET_EXPERIMENT":
                return TargetExperimentCondition.fromJson(json);
            case "TARGET_FEATURE_FLAG":
                return TargetFeatureFlagCondition.fromJson(json);
            case "TARGET_PERSONALIZATION":
                return TargetPersonalizationCondition.fromJson(json);
            case "SEGMENT":
                return SegmentCondition.fromJson(json);
            case "HEAT_SLICE":
                return HeatSliceCondition.fromJson(json);
            default:
                return new UnknownCondition(type);
        }
    }
}
