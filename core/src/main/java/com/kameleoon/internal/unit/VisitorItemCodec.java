package com.kameleoon.internal.unit;

import com.kameleoon.spi.ItemKey;
import com.kameleoon.spi.VisitorItem;

import com.kameleoon.internal.JsonMappers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kameleoon.data.ApplicationVersion;
import com.kameleoon.data.Browser;
import com.kameleoon.data.BrowserType;
import com.kameleoon.data.Conversion;
import com.kameleoon.data.Cookie;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Device;
import com.kameleoon.data.DeviceType;
import com.kameleoon.data.Geolocation;
import com.kameleoon.data.OperatingSystem;
import com.kameleoon.data.OperatingSystemType;
import com.kameleoon.data.PageView;
import com.kameleoon.data.UserAgent;
import com.kameleoon.internal.visitor.AssignedVariation;
import com.kameleoon.internal.visitor.ForcedVariation;
import com.kameleoon.internal.visitor.PageViewEntry;
import com.kameleoon.internal.visitor.RuleType;
import com.kameleoon.internal.visitor.TrackedItem;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.internal.visitor.VisitorVisits;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link Visitor} into item rows and back. Each kind of datum has its own rows, so that two nodes
 * changing different items of one visitor never overwrite each other: CD custom data (key: index), PV page
 * view (key: SHA-256 of the URL; counter: views), CV conversion (key: drawn once), AS assignment (key:
 * experiment id), SEG targeted segment, FV forced variation, PER personalization, and single items DEV, BRW,
 * OS, GEO, VIS, CK, AV, UA, UID, MAP, SIM, KCS, CBS. Payloads are compact JSON. Stateless, except for the
 * conversion keys, which a {@link ConversionKeys} instance per loaded visitor remembers.
 */
public final class VisitorItemCodec {
    private static final ObjectMapper MAPPER = JsonMappers.create();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private VisitorItemCodec() {
    }

    /** Keys of a visitor's conversions (a list without identity of its own), kept from load to save. */
    public static final class ConversionKeys {
        private final Map<TrackedItem<Conversion>, String> keys = new IdentityHashMap<>();

        String keyOf(TrackedItem<Conversion> item) {
            // Random 128 bits: conversions added on two nodes at once must never share a key.
            return keys.computeIfAbsent(item, i -> {
                java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
                return HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
            });
        }

        void remember(TrackedItem<Conversion> item, String key) {
            keys.put(item, key);
        }
    }

    /**
     * Encodes every item of a visitor (its monitor held).
     *
     * @param visitor the visitor
     * @param conversionKeys the keys of its loaded conversions
     * @return the rows, in a stable order
     */
    public static List<VisitorItem> encode(Visitor visitor, ConversionKeys conversionKeys) {
        List<VisitorItem> rows = new ArrayList<>();
        visitor.customDataItems().forEach((index, item) -> {
            ObjectNode json = NODES.objectNode();
            ArrayNode values = json.putArray("v");
            item.value().getValues().forEach(values::add);
            json.put("o", item.value().isOverwrite());
            rows.add(new VisitorItem("CD", Integer.toString(index), JsonMappers.write(json), item.isSent(), 0));
        });
        for (PageViewEntry entry : visitor.pageViews().values()) {
            PageView page = entry.pageView();
            ObjectNode json = NODES.objectNode().put("u", page.url()).put("ts", entry.lastTimestamp());
            if (page.title() != null) {
                json.put("t", page.title());
            }
            if (page.referrers() != null) {
                ArrayNode referrers = json.putArray("r");
                page.referrers().forEach(referrers::add);
            }
            rows.add(new VisitorItem("PV", sha256(page.url()), JsonMappers.write(json), entry.item().isSent(),
                    entry.count()));
        }
        for (TrackedItem<Conversion> item : visitor.conversions()) {
            Conversion c = item.value();
            ObjectNode json = NODES.objectNode().put("g", c.goalId()).put("r", c.revenue()).put("n", c.negative());
            if (c.metadata() != null) {
                ArrayNode metadata = json.putArray("m");
                for (CustomData m : c.metadata()) {
                    ArrayNode values = metadata.addObject().put("i", m.getIndex()).putArray("v");
                    m.getValues().forEach(values::add);
                }
            }
            rows.add(new VisitorItem("CV", conversionKeys.keyOf(item), JsonMappers.write(json), item.isSent(), 0));
        }
        visitor.assignments().forEach((experimentId, item) -> {
            AssignedVariation a = item.value();
            ObjectNode json = NODES.objectNode().put("v", a.variationId()).put("t", a.ruleType().name())
                    .put("ts", a.assignmentTime());
            rows.add(new VisitorItem("AS", Integer.toString(experimentId), JsonMappers.write(json), item.isSent(), 0));
        });
        visitor.targetedSegments().forEach((segmentId, item) ->
                rows.add(new VisitorItem("SEG", Integer.toString(segmentId), "{}", item.isSent(), 0)));
        visitor.forcedExperiments().forEach((experimentId, forced) -> rows.add(new VisitorItem("FV",
                Integer.toString(experimentId), JsonMappers.write(NODES.objectNode()
                        .put("k", forced.variationKey()).put("f", forced.forceTargeting())), true, 0)));
        visitor.personalizations().forEach((id, variation) -> rows.add(new VisitorItem("PER", Integer.toString(id),
                JsonMappers.write(NODES.objectNode().put("v", variation)), true, 0)));
        single(rows, "DEV", visitor.deviceItem(), d -> NODES.objectNode().put("t", d.type().name()));
        single(rows, "BRW", visitor.browserItem(), b -> {
            ObjectNode json = NODES.objectNode().put("t", b.type().name());
            return Double.isNaN(b.version()) ? json : json.put("v", b.version());
        });
        single(rows, "OS", visitor.operatingSystemItem(), o -> NODES.objectNode().put("t", o.type().name()));
        single(rows, "GEO", visitor.geolocationItem(), VisitorItemCodec::geolocation);
        single(rows, "VIS", visitor.visitsItem(), VisitorItemCodec::visits);
        if (visitor.cookie() != null) {
            ObjectNode json = NODES.objectNode();
            visitor.cookie().cookies().forEach(json::put);
            rows.add(new VisitorItem("CK", "", JsonMappers.write(json), true, 0));
        }
        if (visitor.applicationVersion() != null) {
            rows.add(text("AV", visitor.applicationVersion().version()));
        }
        if (visitor.userAgent() != null) {
            rows.add(text("UA", visitor.userAgent().value()));
        }
        if (visitor.isUniqueIdentifier()) {
            rows.add(new VisitorItem("UID", "", "{\"v\":true}", true, 0));
        }
        if (visitor.mappingIdentifier() != null) {
            rows.add(text("MAP", visitor.mappingIdentifier()));
        }
        if (visitor.hasSimulated()) {
            ObjectNode json = NODES.objectNode();
            visitor.simulatedVariations().forEach((feature, forced) -> {
                ObjectNode entry = json.putObject(feature).put("e", forced.experimentId());
                if (forced.variationId() != null) {
                    entry.put("i", forced.variationId());
                }
                if (forced.variationKey() != null) {
                    entry.put("k", forced.variationKey());
                }
            });
            rows.add(new VisitorItem("SIM", "", JsonMappers.write(json), true, 0));
        }
        if (visitor.kcsHeat() != null) {
            rows.add(new VisitorItem("KCS", "", JsonMappers.write(MAPPER.valueToTree(visitor.kcsHeat())), true, 0));
        }
        if (visitor.cbScores() != null) {
            rows.add(new VisitorItem("CBS", "", JsonMappers.write(MAPPER.valueToTree(visitor.cbScores())), true, 0));
        }
        return rows;
    }

    private static VisitorItem text(String kind, String value) {
        return new VisitorItem(kind, "", JsonMappers.write(NODES.objectNode().put("v", value)), true, 0);
    }

    private interface Json<T> {
        ObjectNode of(T value);
    }

    private static <T> void single(List<VisitorItem> rows, String kind, TrackedItem<T> item, Json<T> json) {
        if (item != null) {
            rows.add(new VisitorItem(kind, "", JsonMappers.write(json.of(item.value())), item.isSent(), 0));
        }
    }

    private static ObjectNode geolocation(Geolocation g) {
        ObjectNode json = NODES.objectNode().put("c", g.country());
        if (g.region() != null) {
            json.put("r", g.region());
        }
        if (g.city() != null) {
            json.put("ci", g.city());
        }
        if (g.postalCode() != null) {
            json.put("p", g.postalCode());
        }
        if (g.latitude() != null) {
            json.put("la", g.latitude());
        }
        if (g.longitude() != null) {
            json.put("lo", g.longitude());
        }
        return json;
    }

    private static ObjectNode visits(VisitorVisits v) {
        ObjectNode json = NODES.objectNode().put("n", v.visitNumber()).put("s", v.timeSincePreviousVisit());
        ArrayNode list = json.putArray("p");
        for (VisitorVisits.Visit visit : v.previousVisits()) {
            list.addArray().add(visit.timeStarted()).add(visit.timeLastEvent());
        }
        return json;
    }

    /**
     * Rebuilds a visitor from its rows (the monitor of the new visitor need not be held: nobody sees it yet).
     * A row that cannot be read is skipped and reported, never fatal.
     *
     * @param visitor an empty visitor
     * @param rows its rows
     * @param conversionKeys receives the keys of the restored conversions
     * @return how many rows were unreadable
     */
    public static int decode(Visitor visitor, List<VisitorItem> rows, ConversionKeys conversionKeys) {
        int unreadable = 0;
        for (VisitorItem row : rows) {
            try {
                apply(visitor, row, MAPPER.readTree(row.payload()), conversionKeys);
            } catch (Exception e) {
                unreadable++;
            }
        }
        return unreadable;
    }

    private static void apply(Visitor v, VisitorItem row, JsonNode json, ConversionKeys keys) {
        switch (row.kind()) {
            case "CD":
                v.putCustomData(new CustomData(Integer.parseInt(row.key()), strings(json.get("v")))
                        .withOverwrite(json.path("o").asBoolean(true)), row.sent());
                break;
            case "PV": {
                List<Integer> referrers = null;
                if (json.has("r")) {
                    referrers = new ArrayList<>();
                    for (JsonNode r : json.get("r")) {
                        referrers.add(r.asInt());
                    }
                }
                v.mergePageView(new PageView(json.get("u").asText(), json.hasNonNull("t") ? json.get("t").asText() : null,
                        referrers), row.counter(), json.path("ts").asLong(), row.sent());
                break;
            }
            case "CV": {
                List<CustomData> metadata = null;
                if (json.has("m")) {
                    metadata = new ArrayList<>();
                    for (JsonNode m : json.get("m")) {
                        metadata.add(new CustomData(m.get("i").asInt(), strings(m.get("v"))));
                    }
                }
                v.addConversion(new Conversion(json.get("g").asInt(), json.path("r").asDouble(),
                        json.path("n").asBoolean(), metadata), row.sent());
                keys.remember(v.conversions().get(v.conversions().size() - 1), row.key());
                break;
            }
            case "AS":
                v.assign(new AssignedVariation(Integer.parseInt(row.key()), json.get("v").asInt(),
                        RuleType.valueOf(json.get("t").asText()), json.path("ts").asLong()), row.sent());
                break;
            case "SEG":
                v.addTargetedSegment(Integer.parseInt(row.key()), row.sent());
                break;
            case "FV":
                v.setForcedExperiment(Integer.parseInt(row.key()), new ForcedVariation(Integer.parseInt(row.key()),
                        json.get("k").asText(), null, json.path("f").asBoolean(true), false));
                break;
            case "PER":
                v.putPersonalization(Integer.parseInt(row.key()), json.get("v").asInt());
                break;
            case "DEV":
                v.setDevice(new Device(DeviceType.valueOf(json.get("t").asText())), row.sent());
                break;
            case "BRW":
                v.setBrowser(new Browser(BrowserType.valueOf(json.get("t").asText()),
                        json.has("v") ? json.get("v").asDouble() : Double.NaN), row.sent());
                break;
            case "OS":
                v.setOperatingSystem(new OperatingSystem(OperatingSystemType.valueOf(json.get("t").asText())), row.sent());
                break;
            case "GEO":
                v.setGeolocation(new Geolocation(json.get("c").asText(), optional(json, "r"), optional(json, "ci"),
                        optional(json, "p"), json.has("la") ? json.get("la").asDouble() : null,
                        json.has("lo") ? json.get("lo").asDouble() : null), row.sent());
                break;
            case "VIS": {
                List<VisitorVisits.Visit> visits = new ArrayList<>();
                for (JsonNode visit : json.path("p")) {
                    visits.add(new VisitorVisits.Visit(visit.get(0).asLong(), visit.get(1).asLong()));
                }
                v.setVisits(new VisitorVisits(visits, json.path("n").asInt(), json.path("s").asLong()), row.sent());
                break;
            }
            case "CK": {
                Map<String, String> cookies = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    cookies.put(e.getKey(), e.getValue().asText());
                }
                v.setCookie(new Cookie(cookies));
                break;
            }
            case "AV":
                v.setApplicationVersion(new ApplicationVersion(json.get("v").asText()));
                break;
            case "UA":
                v.setUserAgent(new UserAgent(json.get("v").asText()));
                break;
            case "UID":
                v.setUniqueIdentifier(json.path("v").asBoolean());
                break;
            case "MAP":
                v.setMappingIdentifier(json.get("v").asText());
                break;
            case "SIM": {
                Map<String, ForcedVariation> simulated = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode f = e.getValue();
                    simulated.put(e.getKey(), new ForcedVariation(f.get("e").asInt(), optional(f, "k"),
                            f.has("i") ? f.get("i").asInt() : null, true, true));
                }
                v.setSimulated(simulated);
                break;
            }
            case "KCS":
                v.setKcsHeat(MAPPER.convertValue(json, new com.fasterxml.jackson.core.type.TypeReference<
                        Map<Integer, Map<Integer, Double>>>() { }));
                break;
            case "CBS":
                v.setCbScores(MAPPER.convertValue(json, new com.fasterxml.jackson.core.type.TypeReference<
                        Map<Integer, List<List<Integer>>>>() { }));
                break;
            default:
                throw new IllegalArgumentException("unknown item kind " + row.kind());
        }
    }

    private static String optional(JsonNode json, String field) {
        return json.hasNonNull(field) ? json.get(field).asText() : null;
    }

    private static String[] strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(value -> values.add(value.asText()));
        }
        return values.toArray(new String[0]);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
