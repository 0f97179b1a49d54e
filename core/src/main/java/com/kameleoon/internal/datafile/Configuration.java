package com.kameleoon.internal.datafile;

import com.kameleoon.types.DataFile;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A datafile compiled into immutable indexes: what evaluation reads. Built once per datafile by
 * {@link DataFileParser} and swapped atomically; never mutated, so readers need no lock.
 */
public final class Configuration {
    private final List<FlagDef> flags;
    private final Map<String, FlagDef> flagsByKey;
    private final Map<Integer, FlagDef> flagsById;
    private final Map<Integer, SegmentDef> segmentsById;
    private final List<SegmentDef> audienceSegments;
    private final Map<Integer, RuleDef> rulesByExperimentId;
    private final Map<Integer, FlagDef> flagsByExperimentId;
    private final Map<Integer, VariationByExposition> variationsById;
    private final Map<String, List<FlagDef>> meGroups;
    private final CustomDataInfo customData;
    private final Settings settings;
    private final Holdout holdout;
    private final boolean anyTargetedDeliveryRule;
    private final Long dateModified;
    private final DataFile dataFileView;
    private final List<String> featureKeys;

    Configuration(List<FlagDef> flags, Map<String, FlagDef> flagsByKey, Map<Integer, FlagDef> flagsById,
            Map<Integer, SegmentDef> segmentsById, List<SegmentDef> audienceSegments,
            Map<Integer, RuleDef> rulesByExperimentId, Map<Integer, FlagDef> flagsByExperimentId,
            Map<Integer, VariationByExposition> variationsById, Map<String, List<FlagDef>> meGroups,
            CustomDataInfo customData, Settings settings, Holdout holdout, boolean anyTargetedDeliveryRule,
            Long dateModified, DataFile dataFileView, List<String> featureKeys) {
        this.flags = flags;
        this.flagsByKey = flagsByKey;
        this.flagsById = flagsById;
        this.segmentsById = segmentsById;
        this.audienceSegments = audienceSegments;
        this.rulesByExperimentId = rulesByExperimentId;
        this.flagsByExperimentId = flagsByExperimentId;
        this.variationsById = variationsById;
        this.meGroups = meGroups;
        this.customData = customData;
        this.settings = settings;
        this.holdout = holdout;
        this.anyTargetedDeliveryRule = anyTargetedDeliveryRule;
        this.dateModified = dateModified;
        this.dataFileView = dataFileView;
        this.featureKeys = featureKeys;
    }

    /** @return the flags in datafile order (duplicated keys resolved: later definition, first position) */
    public List<FlagDef> flags() {
        return flags;
    }

    /**
     * @param key a feature key
     * @return the flag, or null
     */
    public FlagDef flag(String key) {
        return flagsByKey.get(key);
    }

    /**
     * @param id a flag id
     * @return the flag, or null
     */
    public FlagDef flagById(int id) {
        return flagsById.get(id);
    }

    /**
     * @param id a segment id
     * @return the segment, or null
     */
    public SegmentDef segment(int id) {
        return segmentsById.get(id);
    }

    /** @return segments with {@code audienceTracking}, in datafile order */
    public List<SegmentDef> audienceSegments() {
        return audienceSegments;
    }

    /**
     * @param experimentId an experiment id
     * @return the rule with that experiment id (later definitions win), or null
     */
    public RuleDef ruleByExperimentId(int experimentId) {
        return rulesByExperimentId.get(experimentId);
    }

    /**
     * @param experimentId an experiment id
     * @return the flag owning the rule with that experiment id, or null
     */
    public FlagDef flagByExperimentId(int experimentId) {
        return flagsByExperimentId.get(experimentId);
    }

    /**
     * @param variationId a variation id of any rule
     * @return its entry (later definitions win), or null
     */
    public VariationByExposition variationById(int variationId) {
        return variationsById.get(variationId);
    }

    /**
     * @param name a mutually exclusive group's name
     * @return its flags sorted by id (including disabled ones), or an empty list
     */
    public List<FlagDef> meGroup(String name) {
        List<FlagDef> group = meGroups.get(name);
        return group == null ? Collections.emptyList() : group;
    }

    /** @return the custom-data definitions */
    public CustomDataInfo customData() {
        return customData;
    }

    /** @return the project settings */
    public Settings settings() {
        return settings;
    }

    /** @return the holdout, or null */
    public Holdout holdout() {
        return holdout;
    }

    /** @return true when an environment-enabled flag has a targeted-delivery rule */
    public boolean hasAnyTargetedDeliveryRule() {
        return anyTargetedDeliveryRule;
    }

    /**
     * @return true when the visitor-code cookie may only be written after consent (docs/evaluation.md#project-settings)
     */
    public boolean visitorCodeManagedByConsent() {
        return settings.consentRequired() && !anyTargetedDeliveryRule;
    }

    /** @return the datafile's {@code dateModified}, or null */
    public Long dateModified() {
        return dateModified;
    }

    /** @return the public read-only view */
    public DataFile dataFileView() {
        return dataFileView;
    }

    /** @return all feature keys in datafile order */
    public List<String> featureKeys() {
        return featureKeys;
    }
}
