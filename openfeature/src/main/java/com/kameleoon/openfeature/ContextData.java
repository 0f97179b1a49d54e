package com.kameleoon.openfeature;

import com.kameleoon.data.Browser;
import com.kameleoon.data.BrowserType;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Data;
import com.kameleoon.data.Device;
import com.kameleoon.data.DeviceType;
import com.kameleoon.data.Geolocation;
import com.kameleoon.data.OperatingSystem;
import com.kameleoon.data.OperatingSystemType;
import com.kameleoon.data.PageView;
import com.kameleoon.data.UserAgent;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.Structure;
import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.exceptions.InvalidContextError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the attributes of an evaluation context into Kameleoon visitor data (the table in the module's README):
 * {@code customData}, {@code device}, {@code browser}, {@code operatingSystem}, {@code pageView},
 * {@code geolocation} and {@code userAgent}. Other attributes have no Kameleoon meaning and are left alone; a
 * known attribute with a value Kameleoon cannot take is an {@link InvalidContextError} naming it. Stateless.
 */
final class ContextData {
    static final String CUSTOM_DATA = "customData";
    static final String DEVICE = "device";
    static final String BROWSER = "browser";
    static final String OPERATING_SYSTEM = "operatingSystem";
    static final String PAGE_VIEW = "pageView";
    static final String GEOLOCATION = "geolocation";
    static final String USER_AGENT = "userAgent";

    private static final Data[] NONE = new Data[0];
    private static final Map<String, DeviceType> DEVICE_TYPES = namesOf(DeviceType.class);
    private static final Map<String, BrowserType> BROWSER_TYPES = namesOf(BrowserType.class);
    private static final Map<String, OperatingSystemType> OPERATING_SYSTEM_TYPES = namesOf(OperatingSystemType.class);

    private ContextData() {
    }

    /**
     * @param context the evaluation context, may be null
     * @return the visitor data it carries, empty when none
     * @throws InvalidContextError when a known attribute cannot be mapped
     */
    static Data[] of(EvaluationContext context) {
        if (context == null) {
            return NONE;
        }
        List<Data> data = null;
        Value custom = context.getValue(CUSTOM_DATA);
        if (custom != null && !custom.isNull()) {
            data = add(data, customData(custom, CUSTOM_DATA));
        }
        Value device = context.getValue(DEVICE);
        if (device != null && !device.isNull()) {
            data = add(data, List.of(new Device(enumOf(DEVICE_TYPES, device, DEVICE))));
        }
        Value browser = context.getValue(BROWSER);
        if (browser != null && !browser.isNull()) {
            data = add(data, List.of(browser(browser)));
        }
        Value system = context.getValue(OPERATING_SYSTEM);
        if (system != null && !system.isNull()) {
            data = add(data, List.of(new OperatingSystem(enumOf(OPERATING_SYSTEM_TYPES, system,
                    OPERATING_SYSTEM))));
        }
        Value page = context.getValue(PAGE_VIEW);
        if (page != null && !page.isNull()) {
            data = add(data, List.of(pageView(page)));
        }
        Value geolocation = context.getValue(GEOLOCATION);
        if (geolocation != null && !geolocation.isNull()) {
            data = add(data, List.of(geolocation(geolocation)));
        }
        Value agent = context.getValue(USER_AGENT);
        if (agent != null && !agent.isNull()) {
            data = add(data, List.of(new UserAgent(text(agent, USER_AGENT))));
        }
        return data == null ? NONE : data.toArray(NONE);
    }

    /**
     * @param value a structure of index or name to a value or a list of values
     * @param attribute the attribute's name, for messages
     * @return one custom data per entry
     */
    static List<CustomData> customData(Value value, String attribute) {
        if (!value.isStructure()) {
            throw invalid(attribute, "a structure of custom data index or name to values", value);
        }
        List<CustomData> result = new ArrayList<>();
        for (Map.Entry<String, Value> entry : value.asStructure().asMap().entrySet()) {
            String key = entry.getKey();
            List<String> values = customDataValues(entry.getValue(), attribute + "." + key);
            if (isIndex(key)) {
                result.add(new CustomData(Integer.parseInt(key), values));
            } else {
                result.add(new CustomData(key, values.toArray(new String[0])));
            }
        }
        return result;
    }

    private static List<String> customDataValues(Value value, String attribute) {
        if (value.isList()) {
            List<String> values = new ArrayList<>();
            for (Value item : value.asList()) {
                values.add(scalar(item, attribute));
            }
            return values;
        }
        return List.of(scalar(value, attribute));
    }

    private static String scalar(Value value, String attribute) {
        if (value.isString()) {
            return value.asString();
        }
        if (value.isBoolean()) {
            return value.asBoolean().toString();
        }
        if (value.isNumber()) {
            Object number = value.asObject();
            if (number instanceof Double) {
                // 10.0 is the custom data "10", as a visitor typing it in a form would give it.
                return BigDecimal.valueOf((Double) number).stripTrailingZeros().toPlainString();
            }
            return number.toString();
        }
        throw invalid(attribute, "a string, number or boolean", value);
    }

    private static boolean isIndex(String key) {
        if (key.isEmpty() || key.length() > 9) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) < '0' || key.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Browser browser(Value value) {
        if (value.isStructure()) {
            Structure fields = value.asStructure();
            Value type = fields.getValue("type");
            if (type == null) {
                throw invalid(BROWSER, "a browser name or {type, version}", value);
            }
            BrowserType browserType = enumOf(BROWSER_TYPES, type, BROWSER + ".type");
            Value version = fields.getValue("version");
            if (version == null || version.isNull()) {
                return new Browser(browserType);
            }
            if (!version.isNumber()) {
                throw invalid(BROWSER + ".version", "a number", version);
            }
            return new Browser(browserType, version.asDouble());
        }
        return new Browser(enumOf(BROWSER_TYPES, value, BROWSER));
    }

    private static PageView pageView(Value value) {
        if (value.isString()) {
            return new PageView(value.asString());
        }
        if (!value.isStructure()) {
            throw invalid(PAGE_VIEW, "a URL or {url, title, referrers}", value);
        }
        Structure fields = value.asStructure();
        String url = text(fields.getValue("url"), PAGE_VIEW + ".url");
        Value title = fields.getValue("title");
        Value referrers = fields.getValue("referrers");
        List<Integer> ids = new ArrayList<>();
        if (referrers != null && !referrers.isNull()) {
            if (!referrers.isList()) {
                throw invalid(PAGE_VIEW + ".referrers", "a list of referrer ids", referrers);
            }
            for (Value id : referrers.asList()) {
                if (!id.isNumber()) {
                    throw invalid(PAGE_VIEW + ".referrers", "a list of referrer ids", referrers);
                }
                ids.add(id.asInteger());
            }
        }
        return new PageView(url, title == null || title.isNull() ? null : text(title, PAGE_VIEW + ".title"), ids);
    }

    private static Geolocation geolocation(Value value) {
        if (value.isString()) {
            return new Geolocation(value.asString());
        }
        if (!value.isStructure()) {
            throw invalid(GEOLOCATION, "a country or {country, region, city, postalCode, latitude, longitude}",
                    value);
        }
        Structure fields = value.asStructure();
        Geolocation.Builder builder = Geolocation.builder(text(fields.getValue("country"), GEOLOCATION + ".country"));
        String region = optionalText(fields, "region");
        String city = optionalText(fields, "city");
        String postalCode = optionalText(fields, "postalCode");
        if (region != null) {
            builder.region(region);
        }
        if (city != null) {
            builder.city(city);
        }
        if (postalCode != null) {
            builder.postalCode(postalCode);
        }
        Value latitude = fields.getValue("latitude");
        Value longitude = fields.getValue("longitude");
        if (latitude != null && longitude != null && !latitude.isNull() && !longitude.isNull()) {
            if (!latitude.isNumber() || !longitude.isNumber()) {
                throw invalid(GEOLOCATION + ".latitude/longitude", "numbers", value);
            }
            builder.coordinates(latitude.asDouble(), longitude.asDouble());
        }
        return builder.build();
    }

    private static String optionalText(Structure fields, String name) {
        Value value = fields.getValue(name);
        return value == null || value.isNull() ? null : text(value, GEOLOCATION + "." + name);
    }

    private static String text(Value value, String attribute) {
        if (value == null || !value.isString() || value.asString().isEmpty()) {
            throw invalid(attribute, "a non-empty string", value);
        }
        return value.asString();
    }

    private static <E extends Enum<E>> E enumOf(Map<String, E> names, Value value, String attribute) {
        if (value.isString()) {
            String given = value.asString();
            E exact = names.get(given);
            if (exact != null) {
                return exact;
            }
            E normalised = names.get(given.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
            if (normalised != null) {
                return normalised;
            }
        }
        throw invalid(attribute, "one of " + String.join(", ", names.keySet()), value);
    }

    /** @return the constants by lower-case name, in declaration order, so that most lookups are one map read */
    private static <E extends Enum<E>> Map<String, E> namesOf(Class<E> type) {
        Map<String, E> names = new LinkedHashMap<>();
        for (E constant : type.getEnumConstants()) {
            names.put(constant.name().toLowerCase(Locale.ROOT), constant);
        }
        return Collections.unmodifiableMap(names);
    }

    private static List<Data> add(List<Data> data, List<? extends Data> more) {
        List<Data> result = data == null ? new ArrayList<>(4) : data;
        result.addAll(more);
        return result;
    }

    private static InvalidContextError invalid(String attribute, String expected, Value value) {
        return new InvalidContextError("context attribute '" + attribute + "' must be " + expected + ", not "
                + (value == null ? "missing" : value.toString()));
    }
}
