package com.kameleoon.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.data.ApplicationVersion;
import com.kameleoon.data.Browser;
import com.kameleoon.data.BrowserType;
import com.kameleoon.data.Conversion;
import com.kameleoon.data.Cookie;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Data;
import com.kameleoon.data.Device;
import com.kameleoon.data.DeviceType;
import com.kameleoon.data.Geolocation;
import com.kameleoon.data.OperatingSystem;
import com.kameleoon.data.OperatingSystemType;
import com.kameleoon.data.PageView;
import com.kameleoon.data.UniqueIdentifier;
import com.kameleoon.data.UserAgent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the data items of the conformance cases (README "Data items") into SDK data. */
final class ConformanceData {
    private ConformanceData() {
    }

    static Data[] items(JsonNode array) {
        List<Data> items = new ArrayList<>();
        if (array != null) {
            for (JsonNode item : array) {
                items.add(item(item));
            }
        }
        return items.toArray(new Data[0]);
    }

    static Data item(JsonNode json) {
        String type = json.path("type").asText("CustomData");
        switch (type) {
            case "CustomData":
                return customData(json);
            case "Browser":
                return new Browser(browserType(json.get("browser").asText()),
                        json.hasNonNull("version") ? json.get("version").asDouble() : Double.NaN);
            case "Device":
                return new Device(DeviceType.valueOf(json.get("device").asText()));
            case "OperatingSystem":
                return new OperatingSystem(OperatingSystemType.valueOf(json.get("os").asText()));
            case "PageView":
                return new PageView(json.get("url").asText(), json.hasNonNull("title") ? json.get("title").asText() : null,
                        referrers(json.get("referrers")));
            case "Conversion":
                return new Conversion(json.get("goalId").asInt(), json.path("revenue").asDouble(0),
                        json.path("negative").asBoolean(false), null);
            case "Geolocation":
                return new Geolocation(json.get("country").asText(), text(json, "region"), text(json, "city"),
                        text(json, "postalCode"), json.hasNonNull("latitude") ? json.get("latitude").asDouble() : null,
                        json.hasNonNull("longitude") ? json.get("longitude").asDouble() : null);
            case "Cookie":
                return cookie(json.get("cookies"));
            case "UserAgent":
                return new UserAgent(json.get("value").asText());
            case "ApplicationVersion":
                return new ApplicationVersion(json.get("version").asText());
            case "UniqueIdentifier":
                return new UniqueIdentifier(json.get("value").asBoolean());
            default:
                throw new IllegalArgumentException("unknown data type " + type);
        }
    }

    static CustomData customData(JsonNode json) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : json.path("values")) {
            values.add(value.asText());
        }
        String[] array = values.toArray(new String[0]);
        CustomData data = json.has("name") ? new CustomData(json.get("name").asText(), array)
                : new CustomData(json.get("index").asInt(), array);
        return json.has("overwrite") ? data.withOverwrite(json.get("overwrite").asBoolean()) : data;
    }

    static List<CustomData> metadata(JsonNode array) {
        if (array == null || array.isNull()) {
            return null;
        }
        List<CustomData> list = new ArrayList<>();
        for (JsonNode item : array) {
            list.add(customData(item));
        }
        return list;
    }

    private static BrowserType browserType(String name) {
        return "IE".equals(name) ? BrowserType.INTERNET_EXPLORER : BrowserType.valueOf(name);
    }

    private static String text(JsonNode json, String field) {
        return json.hasNonNull(field) ? json.get(field).asText() : null;
    }

    private static List<Integer> referrers(JsonNode json) {
        if (json == null || json.isNull()) {
            return null;
        }
        List<Integer> list = new ArrayList<>();
        json.forEach(node -> list.add(node.asInt()));
        return list;
    }

    private static Cookie cookie(JsonNode json) {
        if (json.isTextual()) {
            return Cookie.parse(json.asText());
        }
        Map<String, String> map = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            map.put(field.getKey(), field.getValue().asText());
        }
        return new Cookie(map);
    }
}
