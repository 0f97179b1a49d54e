package com.kameleoon.internal.remote;

import com.kameleoon.data.Browser;
import com.kameleoon.data.Conversion;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Device;
import com.kameleoon.data.Geolocation;
import com.kameleoon.data.OperatingSystem;
import com.kameleoon.data.PageView;
import com.kameleoon.internal.visitor.AssignedVariation;
import com.kameleoon.internal.visitor.VisitorVisits;
import java.util.List;
import java.util.Map;

/**
 * What one {@code /visit/visitor} answer holds, already reduced as docs/wire-format.md#visitor-data-answer says (newest
 * first, first seen wins). Immutable.
 *
 * @param customData one per index
 * @param pageViews one per URL, with its count and newest time
 * @param conversions every conversion event
 * @param experiments one per experiment id
 * @param personalizations personalization id to variation id
 * @param geolocation the latest geolocation, or null
 * @param device the device, or null (only when asked for)
 * @param browser the browser, or null (only when asked for)
 * @param operatingSystem the operating system, or null (only when asked for)
 * @param visits previous visits, or null when there were none
 * @param kcs key moment id to goal id to score, or null
 * @param cbs experiment id to variation-id groups by descending score, or null
 * @param visitorCode the latest visit's visitor code, or null
 */
public record RemoteVisitorData(List<CustomData> customData, List<RemotePageView> pageViews,
        List<Conversion> conversions, List<AssignedVariation> experiments, Map<Integer, Integer> personalizations,
        Geolocation geolocation, Device device, Browser browser, OperatingSystem operatingSystem, VisitorVisits visits,
        Map<Integer, Map<Integer, Double>> kcs, Map<Integer, List<List<Integer>>> cbs, String visitorCode) {

    /**
     * A page view with how often and when it was last seen.
     *
     * @param pageView the page
     * @param count its views
     * @param lastTimestamp epoch milliseconds of the newest view
     */
    public record RemotePageView(PageView pageView, int count, long lastTimestamp) {
    }
}
