package com.kameleoon.internal.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.data.Browser;
import com.kameleoon.data.BrowserType;
import com.kameleoon.data.Conversion;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Device;
import com.kameleoon.data.DeviceType;
import com.kameleoon.data.Geolocation;
import com.kameleoon.data.OperatingSystem;
import com.kameleoon.data.OperatingSystemType;
import com.kameleoon.data.PageView;
import com.kameleoon.internal.visitor.AssignedVariation;
import com.kameleoon.internal.visitor.RuleType;
import com.kameleoon.internal.visitor.VisitorVisits;
import com.kameleoon.types.RemoteVisitorDataFilter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a {@code /visit/visitor} answer (docs/wire-format.md#visitor-data-answer): the current visit, then previous
 * visits (most recent first); inside each event list the newest event first; the first value seen wins. Unlike PHP,
 * Chrome and Windows (index 0) are recognised. Stateless; throws {@link IllegalArgumentException} for a body that is
 * not a JSON object.
 */
public final class RemoteVisitorDataParser {
    private RemoteVisitorDataParser() {
    }

    /**
     * @param root the answer
     * @param filter what was asked for (device, browser and OS are kept only when asked for)
     * @return the reduced data
     */
    public static RemoteVisitorData parse(JsonNode root, RemoteVisitorDataFilter filter) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("visitor data answer is not a JSON object");
        }
        List<JsonNode> visits = new ArrayList<>();
        if (root.path("currentVisit").isObject()) {
            visits.add(root.get("currentVisit"));
        }
        int previousOffset = visits.size();
        JsonNode previous = root.path("previousVisits");
        if (previous.isArray()) {
            previous.forEach(visits::add);
        }

        Map<Integer, CustomData> customData = new LinkedHashMap<>();
        Map<String, int[]> pageCounts = new LinkedHashMap<>();
        Map<String, PageView> pages = new LinkedHashMap<>();
        Map<String, Long> pageTimes = new LinkedHashMap<>();
        List<Conversion> conversions = new ArrayList<>();
        Map<Integer, AssignedVariation> experiments = new LinkedHashMap<>();
        Map<Integer, Integer> personalizations = new LinkedHashMap<>();
        Geolocation geolocation = null;
        Device device = null;
        Browser browser = null;
        OperatingSystem os = null;
        Integer visitNumber = null;
        String visitorCode = null;

        for (int offset = 0; offset < visits.size(); offset++) {
            JsonNode visit = visits.get(offset);
            if (visitorCode == null && !visit.path("visitorCode").asText("").isEmpty()) {
                visitorCode = visit.get("visitorCode").asText();
            }
            for (JsonNode event : newestFirst(visit.path("customDataEvents"))) {
                JsonNode data = event.path("data");
                int index = data.path("index").asInt(-1);
                if (index >= 0 && !customData.containsKey(index)) {
                    List<String> values = new ArrayList<>();
                    data.path("valuesCountMap").fieldNames().forEachRemaining(values::add);
                    customData.put(index, new CustomData(index, values.toArray(new String[0])));
                }
            }
            for (JsonNode event : newestFirst(visit.path("pageEvents"))) {
                String href = event.path("data").path("href").asText("");
                if (href.isEmpty()) {
                    continue;
                }
                pageCounts.computeIfAbsent(href, h -> new int[1])[0]++;
                if (!pages.containsKey(href)) {
                    JsonNode title = event.path("data").get("title");
                    pages.put(href, new PageView(href, title == null || title.isNull() ? null : title.asText(), null));
                    pageTimes.put(href, event.path("time").asLong(0));
                }
            }
            for (JsonNode event : newestFirst(visit.path("experimentEvents"))) {
                JsonNode data = event.path("data");
                int id = data.path("id").asInt(0);
                if (data.has("id") && data.has("variationId") && !experiments.containsKey(id)) {
                    experiments.put(id, new AssignedVariation(id, data.path("variationId").asInt(), RuleType.UNKNOWN,
                            event.path("time").asLong(0)));
                }
            }
            for (JsonNode event : newestFirst(visit.path("personalizationEvents"))) {
                JsonNode data = event.path("data");
                if (data.has("id") && data.has("variationId")) {
                    personalizations.putIfAbsent(data.get("id").asInt(), data.get("variationId").asInt());
                }
            }
            for (JsonNode event : newestFirst(visit.path("conversionEvents"))) {
                JsonNode data = event.path("data");
                if (data.has("goalId")) {
                    conversions.add(new Conversion(data.get("goalId").asInt(), data.path("revenue").asDouble(0),
                            data.path("negative").asBoolean(false)));
                }
            }
            JsonNode geoEvents = visit.path("geolocationEvents");
            if (geolocation == null && geoEvents.isArray() && geoEvents.size() > 0) {
                JsonNode data = geoEvents.get(geoEvents.size() - 1).path("data");
                if (data.hasNonNull("country")) {
                    geolocation = new Geolocation(data.get("country").asText(), text(data, "region"), text(data, "city"),
                            null, null, null);
                }
            }
            JsonNode staticData = visit.path("staticDataEvent").path("data");
            if (staticData.isObject()) {
                if (visitNumber == null && staticData.has("visitNumber")) {
                    visitNumber = staticData.get("visitNumber").asInt() + offset;
                }
                if (device == null && filter.isDevice()) {
                    device = enumValue(DeviceType.class, text(staticData, "deviceType")) == null ? null
                            : new Device(enumValue(DeviceType.class, text(staticData, "deviceType")));
                }
                if (browser == null && filter.isBrowser() && staticData.hasNonNull("browser")) {
                    BrowserType type = enumValue(BrowserType.class, text(staticData, "browser"));
                    browser = new Browser(type == null ? BrowserType.OTHER : type,
                            staticData.hasNonNull("browserVersion") ? staticData.get("browserVersion").asDouble()
                                    : Double.NaN);
                }
                if (os == null && filter.isOperatingSystem()) {
                    OperatingSystemType type = enumValue(OperatingSystemType.class, text(staticData, "os"));
                    os = type == null ? null : new OperatingSystem(type);
                }
            }
        }

        List<RemoteVisitorData.RemotePageView> pageViews = new ArrayList<>();
        pages.forEach((href, page) -> pageViews.add(
                new RemoteVisitorData.RemotePageView(page, pageCounts.get(href)[0], pageTimes.get(href))));
        VisitorVisits visitorVisits = null;
        if (visits.size() > previousOffset) {
            List<VisitorVisits.Visit> list = new ArrayList<>();
            for (int i = previousOffset; i < visits.size(); i++) {
                long started = visits.get(i).path("timeStarted").asLong(0);
                list.add(new VisitorVisits.Visit(started, visits.get(i).path("timeLastEvent").asLong(started)));
            }
            visitorVisits = new VisitorVisits(list, visitNumber == null ? 0 : visitNumber);
        }
        return new RemoteVisitorData(List.copyOf(customData.values()), pageViews, conversions,
                List.copyOf(experiments.values()), personalizations, geolocation, device, browser, os, visitorVisits,
                kcs(root.get("kcs")), cbs(root.get("cbs")), visitorCode);
    }

    private static List<JsonNode> newestFirst(JsonNode events) {
        List<JsonNode> list = new ArrayList<>();
        if (events.isArray()) {
            for (int i = events.size() - 1; i >= 0; i--) {
                list.add(events.get(i));
            }
        }
        return list;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        if (name == null) {
            return null;
        }
        String normalized = "IE".equalsIgnoreCase(name) ? "INTERNET_EXPLORER" : name.toUpperCase(java.util.Locale.ROOT);
        try {
            return Enum.valueOf(type, normalized);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<Integer, Map<Integer, Double>> kcs(JsonNode json) {
        if (json == null || !json.isObject()) {
            return null;
        }
        Map<Integer, Map<Integer, Double>> result = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> moments = json.fields();
        while (moments.hasNext()) {
            Map.Entry<String, JsonNode> moment = moments.next();
            Integer momentId = integer(moment.getKey());
            if (momentId == null || !moment.getValue().isObject()) {
                continue;
            }
            Map<Integer, Double> goals = new LinkedHashMap<>();
            moment.getValue().fields().forEachRemaining(goal -> {
                Integer goalId = integer(goal.getKey());
                if (goalId != null && goal.getValue().isNumber()) {
                    goals.put(goalId, goal.getValue().asDouble());
                }
            });
            result.put(momentId, goals);
        }
        return result;
    }

    private static Map<Integer, List<List<Integer>>> cbs(JsonNode json) {
        if (json == null || !json.isObject()) {
            return null;
        }
        Map<Integer, List<List<Integer>>> result = new LinkedHashMap<>();
        json.fields().forEachRemaining(experiment -> {
            Integer experimentId = integer(experiment.getKey());
            if (experimentId == null || !experiment.getValue().isObject()) {
                return;
            }
            TreeMap<Double, List<Integer>> byScore = new TreeMap<>(java.util.Comparator.reverseOrder());
            experiment.getValue().fields().forEachRemaining(variation -> {
                Integer variationId = integer(variation.getKey());
                if (variationId != null && variation.getValue().isNumber()) {
                    byScore.computeIfAbsent(variation.getValue().asDouble(), s -> new ArrayList<>()).add(variationId);
                }
            });
            List<List<Integer>> groups = new ArrayList<>();
            byScore.values().forEach(group -> {
                group.sort(null);
                groups.add(List.copyOf(group));
            });
            result.put(experimentId, List.copyOf(groups));
        });
        return result;
    }

    private static Integer integer(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
