package com.kameleoon.internal.datafile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.internal.JsonTreeReader;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.types.Variable;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Types variable values: numbers keep integral literals integral, {@code JSON} text is parsed (null, with a warning,
 * when it is not JSON), other types keep the value as is. Values are immutable. Stateless.
 */
final class VariableParser {
    private final JsonTreeReader reader;

    VariableParser(JsonTreeReader reader) {
        this.reader = reader;
    }

    Variable parse(JsonNode json, String path) {
        String key = JsonFields.requiredString(json, "key", path);
        String type = JsonFields.string(json, "type", path, "STRING");
        JsonNode value = json.get("value");
        return new Variable(key, type, typedValue(type, value, path + " '" + key + "'"));
    }

    private Object typedValue(String type, JsonNode value, String where) {
        if (value == null || value.isNull()) {
            return null;
        }
        if ("JSON".equals(type)) {
            // Null as the official SDKs have it, but said: otherwise a typo in the app's JSON is silent.
            if (!value.isTextual()) {
                KameleoonLogger.warning("variable " + where + " of type JSON is a "
                        + value.getNodeType().name().toLowerCase(Locale.ROOT)
                        + ", not a string of JSON text; its value is null");
                return null;
            }
            try {
                return toJava(reader.readTree(value.textValue()));
            } catch (JsonProcessingException e) {
                KameleoonLogger.warning("variable " + where + " of type JSON does not parse ("
                        + e.getOriginalMessage() + " at column " + e.getLocation().getColumnNr()
                        + "); its value is null");
                return null;
            }
        }
        return toJava(value);
    }

    /**
     * Converts a JSON tree to immutable Java values: objects to maps (keeping order), arrays to lists, integral
     * numbers to {@link Integer} or {@link Long} (a {@link Double} beyond), other numbers to {@link Double}.
     *
     * @param node the tree, may be null
     * @return the value
     */
    static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            if (node.canConvertToInt()) {
                return node.intValue();
            }
            if (node.canConvertToLong()) {
                return node.longValue();
            }
            BigInteger big = node.bigIntegerValue();
            return big.doubleValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                list.add(toJava(element));
            }
            return Collections.unmodifiableList(list);
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                map.put(field.getKey(), toJava(field.getValue()));
            }
            return Collections.unmodifiableMap(map);
        }
        return node.asText();
    }
}
