package com.kameleoon.internal.visitor;

import com.kameleoon.data.ApplicationVersion;
import com.kameleoon.data.Browser;
import com.kameleoon.data.Conversion;
import com.kameleoon.data.Cookie;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Device;
import com.kameleoon.data.Geolocation;
import com.kameleoon.data.OperatingSystem;
import com.kameleoon.data.PageView;
import com.kameleoon.data.UserAgent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the SDK keeps about one visitor: data, assignments, consent, forced and simulated variations.
 *
 * <p>Thread-safety: every method must be called while holding the visitor's monitor
 * ({@code synchronized (visitor)}); evaluation takes it for one flag at a time, so that several request
 * threads working on the same visitor see consistent state and lose no update. {@link #lastAccess()} and
 * {@link #touch(long)} are the exceptions: they are lock-free so that stores can expire visitors.
 *
 * <p>Custom data, page views and assignments, most of a typical visitor, are kept packed (one array each) and
 * decoded when read: the snapshots their getters return do not follow later changes, and their items are marked
 * sent through this class.
 */
public final class Visitor {
    /** Distinct page URLs kept per visitor; beyond, the least recently viewed URL is forgotten. */
    public static final int MAX_PAGE_URLS = 500;
    /** Conversions kept per visitor; beyond, the oldest (already sent, when possible) is forgotten. */
    public static final int MAX_CONVERSIONS = 1_000;

    private final long timeStarted;
    private volatile long lastAccess;

    private LegalConsent consent = LegalConsent.UNKNOWN;
    // Packed (PackedCustomData, PackedPageViews, PackedAssignments), null until the first item: these are most of
    // a typical visitor, and one array each costs a fraction of a map of objects.
    private byte[] customData;
    private byte[] pageViews;
    private ArrayList<TrackedItem<Conversion>> conversions;
    private long[] assignments;
    private LinkedHashMap<Integer, TrackedItem<Integer>> targetedSegments;
    private HashMap<Integer, ForcedVariation> forcedExperiments;
    private Map<String, ForcedVariation> simulated = Map.of();
    private HashMap<Integer, Integer> personalizations;
    private TrackedItem<Device> device;
    private TrackedItem<Browser> browser;
    private TrackedItem<OperatingSystem> operatingSystem;
    private TrackedItem<Geolocation> geolocation;
    private TrackedItem<VisitorVisits> visits;
    private Cookie cookie;
    private ApplicationVersion applicationVersion;
    private UserAgent userAgent;
    private boolean uniqueIdentifier;
    private String mappingIdentifier;
    private Map<Integer, Map<Integer, Double>> kcsHeat;
    private Map<Integer, List<List<Integer>>> cbScores;

    // Memoized buckets: hashing dominates a warm evaluation, and a visitor's buckets never change for a given
    // bucketing code and rule. Keys are the configuration's suffix strings, compared by identity, so a new
    // configuration simply misses; the code they were computed for is kept alongside.
    private static final int BUCKET_CACHE_MAX = 128;
    private String bucketCode;
    private String[] bucketSuffixes;
    private double[] bucketValues;
    private int bucketNext;
    private int bucketCount;

    /**
     * Creates an empty visitor.
     *
     * @param now epoch milliseconds: the start of the current visit
     */
    public Visitor(long now) {
        this.timeStarted = now;
        this.lastAccess = now;
    }

    // Collections are created on first use: most visitors hold a few kinds of data, and an empty
    // collection costs more than the data of a typical visitor.
    private ArrayList<TrackedItem<Conversion>> conversionList() {
        if (conversions == null) {
            conversions = new ArrayList<>();
        }
        return conversions;
    }

    /** @return epoch milliseconds when this visitor object (the current visit) was created */
    public long timeStarted() {
        return timeStarted;
    }

    /** @return epoch milliseconds of the last access; lock-free */
    public long lastAccess() {
        return lastAccess;
    }

    /** @param now epoch milliseconds; lock-free */
    public void touch(long now) {
        lastAccess = now;
    }

    /**
     * Returns a bucket computed earlier for this visitor.
     *
     * @param code the bucketing code
     * @param suffix the hashed suffix, as held by the configuration (compared by identity)
     * @return the bucket, or NaN when not memoized
     */
    public double memoizedBucket(String code, String suffix) {
        if (bucketSuffixes == null || !code.equals(bucketCode)) {
            return Double.NaN;
        }
        String[] suffixes = bucketSuffixes;
        for (int i = 0, n = bucketCount; i < n; i++) {
            if (suffixes[i] == suffix) {
                return bucketValues[i];
            }
        }
        return Double.NaN;
    }

    /**
     * Memoizes a bucket. The memo grows with the configuration's rules up to 128 entries, then the oldest
     * entry makes room.
     *
     * @param code the bucketing code
     * @param suffix the hashed suffix, as held by the configuration
     * @param bucket the bucket
     */
    public void memoizeBucket(String code, String suffix, double bucket) {
        if (bucketSuffixes == null || !code.equals(bucketCode)) {
            bucketSuffixes = new String[8];
            bucketValues = new double[8];
            bucketCode = code;
            bucketCount = 0;
            bucketNext = 0;
        }
        if (bucketCount == bucketSuffixes.length && bucketCount < BUCKET_CACHE_MAX) {
            bucketSuffixes = java.util.Arrays.copyOf(bucketSuffixes, bucketCount * 2);
            bucketValues = java.util.Arrays.copyOf(bucketValues, bucketCount * 2);
        }
        if (bucketCount < bucketSuffixes.length) {
            bucketSuffixes[bucketCount] = suffix;
            bucketValues[bucketCount++] = bucket;
        } else {
            bucketSuffixes[bucketNext] = suffix;
            bucketValues[bucketNext] = bucket;
            bucketNext = (bucketNext + 1) % bucketCount;
        }
    }

    // ---- consent, identity ------------------------------------------------------------------------

    /** @return the legal consent */
    public LegalConsent consent() {
        return consent;
    }

    /** @param value the new consent */
    public void setConsent(LegalConsent value) {
        consent = value;
    }

    /** @return true when the code is a user id ({@code UniqueIdentifier(true)}) */
    public boolean isUniqueIdentifier() {
        return uniqueIdentifier;
    }

    /** @param value the unique-identifier flag */
    public void setUniqueIdentifier(boolean value) {
        uniqueIdentifier = value;
    }

    /** @return the mapping identifier used for bucketing, or null */
    public String mappingIdentifier() {
        return mappingIdentifier;
    }

    /** @param value the mapping identifier */
    public void setMappingIdentifier(String value) {
        mappingIdentifier = value;
    }

    // ---- custom data --------------------------------------------------------------------------------

    /**
     * @param index a custom-data index
     * @return the stored custom data at that index (a new object equal to the stored one), or null
     */
    public CustomData customData(int index) {
        return PackedCustomData.get(customData, index);
    }

    /**
     * @return custom data by index, insertion order: a snapshot whose items are read-only copies (mark them
     *         with {@link #markCustomDataSent(int)})
     */
    public Map<Integer, TrackedItem<CustomData>> customDataItems() {
        return PackedCustomData.items(customData);
    }

    /**
     * Stores custom data, replacing any at the same index.
     *
     * @param data the data, with its index resolved
     * @param sent true when it must never be tracked
     */
    public void putCustomData(CustomData data, boolean sent) {
        customData = PackedCustomData.put(customData, data, sent);
    }

    /** @param index the index of custom data handed over to Kameleoon */
    public void markCustomDataSent(int index) {
        PackedCustomData.markSent(customData, index);
    }

    // ---- page views ---------------------------------------------------------------------------------

    /**
     * @return page views by URL, first-insertion order: a snapshot whose items are read-only copies (mark them
     *         with {@link #markPageViewsSent()})
     */
    public Map<String, PageViewEntry> pageViews() {
        return PackedPageViews.entries(pageViews, timeStarted);
    }

    /** @return how many distinct URLs are held */
    public int pageViewCount() {
        return PackedPageViews.size(pageViews);
    }

    /**
     * Records a page view: the URL's entry is replaced and its count incremented.
     *
     * @param pageView the page view
     * @param sent true when it must never be tracked
     * @param now epoch milliseconds of the view
     */
    public void addPageView(PageView pageView, boolean sent, long now) {
        pageViews = PackedPageViews.add(pageViews, timeStarted, pageView, sent, now);
    }

    /**
     * Merges a page view loaded from remote data: counts add up and the newest timestamp is kept; a new URL
     * is appended.
     *
     * @param pageView the page view
     * @param count how many times it was viewed
     * @param lastTimestamp epoch milliseconds of its newest view
     * @param sent true when it must never be tracked
     */
    public void mergePageView(PageView pageView, int count, long lastTimestamp, boolean sent) {
        pageViews = PackedPageViews.merge(pageViews, timeStarted, pageView, count, lastTimestamp, sent);
    }

    /** Marks every page view handed over to Kameleoon. */
    public void markPageViewsSent() {
        PackedPageViews.markAllSent(pageViews);
    }

    // ---- conversions --------------------------------------------------------------------------------

    /** @return conversions in order, live view */
    public List<TrackedItem<Conversion>> conversions() {
        return conversions == null ? List.of() : Collections.unmodifiableList(conversions);
    }

    /**
     * Appends a conversion.
     *
     * @param conversion the conversion
     * @param sent true when it must never be tracked
     */
    public void addConversion(Conversion conversion, boolean sent) {
        ArrayList<TrackedItem<Conversion>> conversions = conversionList();
        if (conversions.size() >= MAX_CONVERSIONS) {
            int victim = 0;
            for (int i = 0; i < conversions.size(); i++) {
                if (conversions.get(i).isSent()) {
                    victim = i;
                    break;
                }
            }
            conversions.remove(victim);
        }
        conversions.add(new TrackedItem<>(conversion, sent));
    }

    // ---- single items -------------------------------------------------------------------------------

    /** @return the device, or null */
    public Device device() {
        return device == null ? null : device.value();
    }

    /** @return the device with its tracking state, or null */
    public TrackedItem<Device> deviceItem() {
        return device;
    }

    /**
     * @param value the device
     * @param sent true when it must never be tracked
     */
    public void setDevice(Device value, boolean sent) {
        device = new TrackedItem<>(value, sent);
    }

    /** @return the browser, or null */
    public Browser browser() {
        return browser == null ? null : browser.value();
    }

    /** @return the browser with its tracking state, or null */
    public TrackedItem<Browser> browserItem() {
        return browser;
    }

    /**
     * @param value the browser
     * @param sent true when it must never be tracked
     */
    public void setBrowser(Browser value, boolean sent) {
        browser = new TrackedItem<>(value, sent);
    }

    /** @return the operating system, or null */
    public OperatingSystem operatingSystem() {
        return operatingSystem == null ? null : operatingSystem.value();
    }

    /** @return the operating system with its tracking state, or null */
    public TrackedItem<OperatingSystem> operatingSystemItem() {
        return operatingSystem;
    }

    /**
     * @param value the operating system
     * @param sent true when it must never be tracked
     */
    public void setOperatingSystem(OperatingSystem value, boolean sent) {
        operatingSystem = new TrackedItem<>(value, sent);
    }

    /** @return the geolocation, or null */
    public Geolocation geolocation() {
        return geolocation == null ? null : geolocation.value();
    }

    /** @return the geolocation with its tracking state, or null */
    public TrackedItem<Geolocation> geolocationItem() {
        return geolocation;
    }

    /**
     * @param value the geolocation
     * @param sent true when it must never be tracked
     */
    public void setGeolocation(Geolocation value, boolean sent) {
        geolocation = new TrackedItem<>(value, sent);
    }

    /** @return previous visits, {@link VisitorVisits#EMPTY} when unknown */
    public VisitorVisits visits() {
        return visits == null ? VisitorVisits.EMPTY : visits.value();
    }

    /** @return the visits with their tracking state, or null */
    public TrackedItem<VisitorVisits> visitsItem() {
        return visits;
    }

    /**
     * @param value previous visits
     * @param sent true when they must never be tracked
     */
    public void setVisits(VisitorVisits value, boolean sent) {
        visits = new TrackedItem<>(value, sent);
    }

    /** @return the cookies, or null */
    public Cookie cookie() {
        return cookie;
    }

    /** @param value the cookies */
    public void setCookie(Cookie value) {
        cookie = value;
    }

    /** @return the application version, or null */
    public ApplicationVersion applicationVersion() {
        return applicationVersion;
    }

    /** @param value the application version */
    public void setApplicationVersion(ApplicationVersion value) {
        applicationVersion = value;
    }

    /** @return the user agent, or null */
    public UserAgent userAgent() {
        return userAgent;
    }

    /** @param value the user agent */
    public void setUserAgent(UserAgent value) {
        userAgent = value;
    }

    // ---- assignments, segments, personalizations, scores ------------------------------------------

    /**
     * @return assignments by experiment id, in the order they were first saved: a snapshot whose items are
     *         read-only copies (mark them with {@link #markAssignmentSent(int)})
     */
    public Map<Integer, TrackedItem<AssignedVariation>> assignments() {
        return PackedAssignments.items(assignments);
    }

    /** @return how many experiments are assigned */
    public int assignmentCount() {
        return PackedAssignments.size(assignments);
    }

    /**
     * @param i a position, from 0 to {@link #assignmentCount()} excluded
     * @return the assignment at that position, in the order they were first saved
     */
    public AssignedVariation assignmentAt(int i) {
        return PackedAssignments.at(assignments, i);
    }

    /**
     * @param experimentId an experiment id
     * @return the assignment, or null
     */
    public AssignedVariation assignment(int experimentId) {
        return PackedAssignments.get(assignments, experimentId);
    }

    /**
     * Saves an assignment, replacing any for the same experiment.
     *
     * @param assignment the assignment
     * @param sent true when it must not be tracked
     */
    public void assign(AssignedVariation assignment, boolean sent) {
        assignments = PackedAssignments.put(assignments, assignment, sent);
    }

    /** @param experimentId the experiment whose assignment was handed over to Kameleoon */
    public void markAssignmentSent(int experimentId) {
        PackedAssignments.markSent(assignments, experimentId);
    }

    /** @return true when some custom data is not yet tracked (read without decoding the custom data) */
    public boolean hasUnsentCustomData() {
        return PackedCustomData.hasUnsent(customData);
    }

    /** @return true when some page view is not yet tracked (read without decoding the page views) */
    public boolean hasUnsentPageViews() {
        return PackedPageViews.hasUnsent(pageViews);
    }

    /**
     * @param i a position, from 0 to {@link #assignmentCount()} excluded
     * @return true when that assignment is tracked (read without decoding it)
     */
    public boolean assignmentSentAt(int i) {
        return PackedAssignments.sentAt(assignments, i);
    }

    /** @return true when some custom data, page view or assignment was not handed over yet */
    public boolean hasUnsentPackedData() {
        return PackedCustomData.hasUnsent(customData) || PackedPageViews.hasUnsent(pageViews)
                || PackedAssignments.hasUnsent(assignments);
    }

    /** @return targeted segment ids with their tracking state, live view */
    public Map<Integer, TrackedItem<Integer>> targetedSegments() {
        return targetedSegments == null ? Map.of() : Collections.unmodifiableMap(targetedSegments);
    }

    /** @param segmentId a segment the visitor matched in {@code evaluateAudiences} */
    public void addTargetedSegment(int segmentId) {
        addTargetedSegment(segmentId, false);
    }

    /**
     * @param segmentId a segment the visitor matched
     * @param sent true when it must not be tracked (restored as already tracked)
     */
    public void addTargetedSegment(int segmentId, boolean sent) {
        if (targetedSegments == null) {
            targetedSegments = new LinkedHashMap<>();
        }
        targetedSegments.put(segmentId, new TrackedItem<>(segmentId, sent));
    }

    /** @return personalization id to variation id, live view */
    public Map<Integer, Integer> personalizations() {
        return personalizations == null ? Map.of() : Collections.unmodifiableMap(personalizations);
    }

    /**
     * @param personalizationId the personalization
     * @param variationId its variation
     */
    public void putPersonalization(int personalizationId, int variationId) {
        if (personalizations == null) {
            personalizations = new HashMap<>();
        }
        personalizations.put(personalizationId, variationId);
    }

    /** @return KCS heat: key moment id to goal id to score, or null */
    public Map<Integer, Map<Integer, Double>> kcsHeat() {
        return kcsHeat;
    }

    /** @param value KCS heat */
    public void setKcsHeat(Map<Integer, Map<Integer, Double>> value) {
        kcsHeat = value;
    }

    /** @return contextual-bandit scores: experiment id to variation-id groups by score descending, or null */
    public Map<Integer, List<List<Integer>>> cbScores() {
        return cbScores;
    }

    /** @param value contextual-bandit scores */
    public void setCbScores(Map<Integer, List<List<Integer>>> value) {
        cbScores = value;
    }

    // ---- forced and simulated variations ----------------------------------------------------------

    /**
     * @param experimentId an experiment id
     * @return the forced variation, or null
     */
    public ForcedVariation forcedExperiment(int experimentId) {
        return forcedExperiments == null ? null : forcedExperiments.get(experimentId);
    }

    /**
     * @param experimentId an experiment id
     * @param forced the forced variation, or null to remove
     */
    public void setForcedExperiment(int experimentId, ForcedVariation forced) {
        if (forced == null) {
            if (forcedExperiments != null) {
                forcedExperiments.remove(experimentId);
            }
        } else {
            if (forcedExperiments == null) {
                forcedExperiments = new HashMap<>();
            }
            forcedExperiments.put(experimentId, forced);
        }
    }

    /** @return forced variations by experiment id, live view */
    public Map<Integer, ForcedVariation> forcedExperiments() {
        return forcedExperiments == null ? Map.of() : Collections.unmodifiableMap(forcedExperiments);
    }

    /** @return simulated variations by feature key */
    public Map<String, ForcedVariation> simulatedVariations() {
        return simulated;
    }

    /**
     * @param featureKey a feature key
     * @return the simulated variation, or null
     */
    public ForcedVariation simulated(String featureKey) {
        return simulated.isEmpty() ? null : simulated.get(featureKey);
    }

    /** @return true when any simulated variation is set */
    public boolean hasSimulated() {
        return !simulated.isEmpty();
    }

    /** @param values the simulated variations, replacing the previous set */
    public void setSimulated(Map<String, ForcedVariation> values) {
        simulated = values.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** @return all conversions' goal ids, for tests and debugging */
    public Collection<Integer> conversionGoals() {
        List<Integer> goals = new ArrayList<>();
        for (TrackedItem<Conversion> item : conversions()) {
            goals.add(item.value().goalId());
        }
        return goals;
    }
}
