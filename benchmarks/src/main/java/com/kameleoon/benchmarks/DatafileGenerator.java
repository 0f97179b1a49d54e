package com.kameleoon.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates a realistic v3 datafile of any size, deterministically from a seed (same seed, same text):
 *
 * <ul>
 *   <li>{@code customData}: 20 definitions (visit and visitor scope, local-only ones, a mapping identifier);</li>
 *   <li>{@code segments}: 2 per 5 flags (at least 10), each a two-level tree of 1–3 groups of 1–4 conditions
 *       drawn from 24 targeting types with AND/OR operators; about a third of them nest an earlier segment
 *       through a {@code SEGMENT} condition, so chains several segments deep appear;</li>
 *   <li>{@code featureFlags}: ~55 % experiments (2–4 variations, sometimes a re-pooled one), ~30 % targeted
 *       deliveries, ~15 % experiment followed by a delivery roll-out; ~60 % of rules are targeted by a segment;
 *       ~10 % disabled in the environment; ~10 % in one of 6 mutually exclusive groups; ~5 % bucketed by a
 *       custom data; 0–6 variables per variation covering BOOLEAN, NUMBER (integral and decimal), STRING,
 *       JSON, JS and CSS;</li>
 *   <li>a project-wide {@code holdout} (5 %).</li>
 * </ul>
 *
 * <p>Ids are derived from positions (flag {@code j}: id {@code 100000 + j}, rule {@code r}: id
 * {@code 200000 + 10 j + r}, experiment {@code 300000 + 10 j + r}, variation {@code 400000 + 100 j + 10 r + v}),
 * so that segments can target flags and experiments defined later in the file. Not thread-safe (one
 * instance per datafile); the static {@link #generate(int, long)} is.
 *
 * <p>From the shaded jar: {@code java -cp benchmarks/target/benchmarks.jar
 * com.kameleoon.benchmarks.DatafileGenerator 200 42 /tmp/datafile-200.json}.
 */
public final class DatafileGenerator {
    /** The seed used by the benchmarks. */
    public static final long DEFAULT_SEED = 42L;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int CUSTOM_DATA = 20;
    private static final int ME_GROUPS = 6;
    private static final String[] VARIABLE_TYPES = {"BOOLEAN", "NUMBER", "STRING", "JSON", "JS", "CSS"};
    private static final String[] AREAS = {
        "checkout", "pricing", "search", "homepage", "onboarding", "cart", "product_page", "recommendations",
        "navigation", "footer", "login", "signup", "billing", "dashboard", "notifications", "profile",
    };
    private static final String[] TOPICS = {
        "redesign", "banner", "copy", "layout", "algorithm", "upsell", "discount", "cta", "badge", "carousel",
    };
    private static final String[] COUNTRIES = {"France", "Germany", "Spain", "Italy", "United States", "Canada"};
    private static final String[] DEVICES = {"PHONE", "TABLET", "DESKTOP"};
    private static final String[] BROWSERS = {"CHROME", "FIREFOX", "SAFARI", "IE", "OPERA"};
    private static final String[] SYSTEMS = {"WINDOWS", "MAC", "IOS", "LINUX", "ANDROID", "WINDOWS_PHONE"};
    private static final String[] STRING_MATCH = {"EXACT", "CONTAINS", "REGULAR_EXPRESSION"};
    private static final String[] NUMBER_MATCH = {"EQUAL", "GREATER", "LOWER"};

    private final Random random;
    private final int flagCount;
    private final int segmentCount;

    private DatafileGenerator(int flagCount, long seed) {
        if (flagCount < 1) {
            throw new IllegalArgumentException("flagCount must be positive");
        }
        this.random = new Random(seed);
        this.flagCount = flagCount;
        this.segmentCount = Math.max(10, flagCount * 2 / 5);
    }

    /**
     * @param flagCount how many feature flags
     * @param seed the random seed
     * @return the datafile text
     */
    public static String generate(int flagCount, long seed) {
        try {
            return MAPPER.writeValueAsString(new DatafileGenerator(flagCount, seed).root());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes a datafile: {@code DatafileGenerator <flags> [seed] [file]} (standard output without a file).
     *
     * @param args flag count, optional seed, optional output file
     * @throws IOException when the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        int flags = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
        String json = generate(flags, seed);
        if (args.length > 2) {
            Files.writeString(Path.of(args[2]), json, StandardCharsets.UTF_8);
        } else {
            System.out.println(json);
        }
    }

    private ObjectNode root() {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode configuration = root.putObject("configuration");
        configuration.put("realTimeUpdate", false);
        configuration.put("consentType", "NOT_REQUIRED");
        configuration.put("consentOptOutBehavior", "PARTIALLY_BLOCK");
        configuration.put("dataApiDomain", "data.kameleoon.io");
        root.put("dateModified", 1_767_225_600_000L);
        customData(root.putArray("customData"));
        ArrayNode segments = root.putArray("segments");
        for (int i = 0; i < segmentCount; i++) {
            segments.add(segment(i));
        }
        ArrayNode flags = root.putArray("featureFlags");
        for (int j = 0; j < flagCount; j++) {
            flags.add(flag(j));
        }
        ObjectNode holdout = root.putObject("holdout");
        holdout.put("experimentId", 999_999);
        ArrayNode entries = holdout.putArray("variationByExposition");
        entries.add(entry("in-holdout", 9_999_991, 0.05));
        entries.add(entry("not-in-holdout", 9_999_992, 0.95));
        return root;
    }

    // ---- custom data -------------------------------------------------------------------------------------

    private static void customData(ArrayNode array) {
        for (int index = 0; index < CUSTOM_DATA; index++) {
            ObjectNode json = array.addObject();
            json.put("id", customDataId(index));
            json.put("index", index);
            json.put("name", "custom_data_" + index);
            json.put("localOnly", index % 7 == 3);
            json.put("scope", index % 3 == 0 ? "VISITOR" : "VISIT");
            json.put("isMappingIdentifier", index == CUSTOM_DATA - 1);
        }
    }

    private static int customDataId(int index) {
        return 9_000 + index;
    }

    // ---- segments ----------------------------------------------------------------------------------------

    private static int segmentId(int i) {
        return 10_000 + i;
    }

    private ObjectNode segment(int i) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("id", segmentId(i));
        json.put("name", "Segment " + i);
        json.put("audienceTracking", random.nextInt(10) == 0);
        ObjectNode data = json.putObject("conditionsData");
        int groups = 1 + random.nextInt(3);
        booleans(data.putArray("firstLevelOrOperators"), groups - 1);
        ArrayNode firstLevel = data.putArray("firstLevel");
        // About a third of the segments (never the first ones) nest an earlier segment.
        int nestedGroup = i >= 3 && random.nextInt(3) == 0 ? random.nextInt(groups) : -1;
        for (int g = 0; g < groups; g++) {
            ObjectNode group = firstLevel.addObject();
            int conditions = 1 + random.nextInt(4);
            booleans(group.putArray("orOperators"), conditions - 1);
            ArrayNode list = group.putArray("conditions");
            for (int c = 0; c < conditions; c++) {
                ObjectNode condition = g == nestedGroup && c == 0 ? segmentReference(i) : condition();
                condition.put("id", 70_000 + i * 100 + g * 10 + c);
                list.add(condition);
            }
        }
        return json;
    }

    private ObjectNode segmentReference(int i) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("targetingType", "SEGMENT");
        json.put("isInclude", random.nextInt(5) != 0);
        // Mostly the segment just before, so that references form chains several segments deep.
        int target = random.nextBoolean() ? i - 1 : random.nextInt(i);
        json.put("segmentId", segmentId(target));
        return json;
    }

    private ObjectNode condition() {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("isInclude", random.nextInt(6) != 0);
        int kind = random.nextInt(100);
        if (kind < 18) {
            customDatum(json);
        } else if (kind < 28) {
            json.put("targetingType", "DEVICE_TYPE");
            json.put("device", pick(DEVICES));
        } else if (kind < 36) {
            json.put("targetingType", "BROWSER");
            json.put("browser", pick(BROWSERS));
            if (random.nextBoolean()) {
                json.put("version", Integer.toString(80 + random.nextInt(50)));
                json.put("versionMatchType", pick(NUMBER_MATCH));
            }
        } else if (kind < 41) {
            json.put("targetingType", "OPERATING_SYSTEM");
            json.put("os", pick(SYSTEMS));
        } else if (kind < 49) {
            json.put("targetingType", "PAGE_URL");
            stringMatch(json, "url", "matchType", "/" + pick(AREAS), "^https:\\/\\/shop\\.example\\.com\\/" + pick(AREAS)
                    + "\\/[0-9]+$");
        } else if (kind < 52) {
            json.put("targetingType", "PAGE_TITLE");
            stringMatch(json, "title", "matchType", pick(TOPICS), "(?i)" + pick(TOPICS) + ".*");
        } else if (kind < 57) {
            json.put("targetingType", "PAGE_VIEWS");
            json.put("pageCount", 1 + random.nextInt(10));
            json.put("matchType", pick(NUMBER_MATCH));
        } else if (kind < 59) {
            json.put("targetingType", "PREVIOUS_PAGE");
            stringMatch(json, "url", "matchType", "/" + pick(AREAS), ".*\\/" + pick(AREAS) + "\\/.*");
        } else if (kind < 65) {
            json.put("targetingType", "GEOLOCATION");
            json.put("country", pick(COUNTRIES));
            if (random.nextInt(3) == 0) {
                json.put("region", "Region " + random.nextInt(20));
                json.put("city", "City " + random.nextInt(100));
            }
        } else if (kind < 69) {
            json.put("targetingType", "COOKIE");
            json.put("name", "cookie_" + random.nextInt(10));
            json.put("nameMatchType", pick(STRING_MATCH).equals("EXACT") ? "EXACT" : "CONTAINS");
            stringMatch(json, "value", "valueMatchType", Integer.toString(random.nextInt(3)), "^[a-f0-9]{8}$");
        } else if (kind < 72) {
            json.put("targetingType", "CONVERSIONS");
            if (random.nextBoolean()) {
                json.put("goalId", 50_000 + random.nextInt(40));
            }
        } else if (kind < 74) {
            json.put("targetingType", "SDK_LANGUAGE");
            json.put("sdkLanguage", random.nextBoolean() ? "JAVA" : "PHP");
            json.put("version", "3." + random.nextInt(10) + ".0");
            json.put("versionMatchType", pick(NUMBER_MATCH));
        } else if (kind < 77) {
            json.put("targetingType", "APPLICATION_VERSION");
            json.put("version", random.nextInt(5) + "." + random.nextInt(20) + "." + random.nextInt(10));
            json.put("versionMatchType", pick(NUMBER_MATCH));
        } else if (kind < 79) {
            json.put("targetingType", "VISITOR_CODE");
            stringMatch(json, "visitorCode", "matchType", "qa-" + random.nextInt(100), "^(bot|qa)-");
        } else if (kind < 82) {
            json.put("targetingType", "VISITS");
            json.put("visitCount", 1 + random.nextInt(10));
            json.put("matchType", pick(NUMBER_MATCH));
        } else if (kind < 84) {
            json.put("targetingType", "SAME_DAY_VISITS");
            json.put("visitCount", 1 + random.nextInt(4));
            json.put("matchType", pick(NUMBER_MATCH));
        } else if (kind < 87) {
            json.put("targetingType", "NEW_VISITORS");
            json.put("visitorType", random.nextBoolean() ? "NEW" : "RETURNING");
        } else if (kind < 89) {
            json.put("targetingType", random.nextBoolean() ? "FIRST_VISIT" : "LAST_VISIT");
            json.put("countInMillis", (1 + random.nextInt(30)) * 86_400_000L);
            json.put("matchType", pick(NUMBER_MATCH));
        } else if (kind < 91) {
            json.put("targetingType", "EXCLUSIVE_EXPERIMENT");
            json.put("campaignType", random.nextBoolean() ? "EXPERIMENT" : "ANY");
        } else if (kind < 94) {
            int flag = random.nextInt(flagCount);
            json.put("targetingType", "TARGET_EXPERIMENT");
            json.put("experimentId", experimentId(flag, 0));
            json.put("variationId", variationId(flag, 0, 1));
            json.put("variationMatchType", random.nextBoolean() ? "EXACT" : "ANY");
        } else if (kind < 97) {
            json.put("targetingType", "TARGET_FEATURE_FLAG");
            json.put("featureFlagId", flagId(random.nextInt(flagCount)));
            if (random.nextBoolean()) {
                json.put("variationKey", "on");
            }
        } else if (kind < 98) {
            json.put("targetingType", "TARGET_PERSONALIZATION");
            json.put("personalizationId", 60_000 + random.nextInt(20));
        } else {
            json.put("targetingType", "HEAT_SLICE");
            json.put("keyMomentId", 80_000 + random.nextInt(5));
            json.put("goalId", 50_000 + random.nextInt(40));
            int lower = random.nextInt(80);
            json.put("lowerBound", lower);
            json.put("upperBound", lower + 20);
        }
        return json;
    }

    private void customDatum(ObjectNode json) {
        json.put("targetingType", "CUSTOM_DATUM");
        json.put("customDataIndex", Integer.toString(random.nextInt(CUSTOM_DATA)));
        int kind = random.nextInt(10);
        if (kind < 3) {
            json.put("valueMatchType", "EXACT");
            json.put("value", pick(new String[] {"vip", "gold", "silver", "b2b", "trial"}));
        } else if (kind < 4) {
            json.put("valueMatchType", "CONTAINS");
            json.put("value", "@example.");
        } else if (kind < 5) {
            json.put("valueMatchType", "REGULAR_EXPRESSION");
            json.put("value", "^[A-Z]{2}-[0-9]{4,}$");
        } else if (kind < 7) {
            json.put("valueMatchType", pick(NUMBER_MATCH));
            json.put("value", Integer.toString(random.nextInt(5000)));
        } else if (kind < 8) {
            json.put("valueMatchType", random.nextBoolean() ? "TRUE" : "FALSE");
        } else if (kind < 9) {
            json.put("valueMatchType", "AMONG_VALUES");
            json.put("value", "[\"fr\",\"de\",\"es\"," + random.nextInt(100) + ",true]");
        } else {
            json.put("valueMatchType", "UNDEFINED");
        }
    }

    private void stringMatch(ObjectNode json, String field, String matchField, String plain, String pattern) {
        String match = pick(STRING_MATCH);
        json.put(field, match.equals("REGULAR_EXPRESSION") ? pattern : plain);
        json.put(matchField, match);
    }

    private void booleans(ArrayNode array, int count) {
        for (int i = 0; i < count; i++) {
            array.add(random.nextBoolean());
        }
    }

    // ---- flags -------------------------------------------------------------------------------------------

    private static int flagId(int j) {
        return 100_000 + j;
    }

    private static int ruleId(int j, int r) {
        return 200_000 + j * 10 + r;
    }

    private static int experimentId(int j, int r) {
        return 300_000 + j * 10 + r;
    }

    private static int variationId(int j, int r, int v) {
        return 400_000 + j * 100 + r * 10 + v;
    }

    private ObjectNode flag(int j) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("id", flagId(j));
        json.put("featureKey", AREAS[j % AREAS.length] + "_" + TOPICS[(j / AREAS.length) % TOPICS.length] + "_" + j);
        json.put("name", "Flag " + j);
        json.put("defaultVariationKey", "off");
        json.put("environmentEnabled", random.nextInt(10) != 0);
        if (random.nextInt(10) == 0) {
            json.put("mutuallyExclusiveGroup", "group_" + random.nextInt(ME_GROUPS));
        } else {
            json.putNull("mutuallyExclusiveGroup");
        }
        if (random.nextInt(20) == 0) {
            json.put("bucketingCustomDataId", customDataId(random.nextInt(CUSTOM_DATA)));
        } else {
            json.putNull("bucketingCustomDataId");
        }
        int kind = random.nextInt(100);
        boolean experiment = kind < 55 || kind >= 85;
        boolean rollout = kind >= 55;
        List<String> keys = new ArrayList<>();
        keys.add("off");
        if (experiment) {
            keys.add("control");
            int variants = 1 + random.nextInt(3);
            for (int v = 0; v < variants; v++) {
                keys.add("variant_" + (char) ('a' + v));
            }
        }
        if (rollout) {
            keys.add("on");
        }
        List<String> schema = variableSchema(j);
        ArrayNode variations = json.putArray("variations");
        for (String key : keys) {
            variations.add(variation(key, schema));
        }
        ArrayNode rules = json.putArray("rules");
        int r = 0;
        if (experiment) {
            rules.add(experimentRule(j, r++, keys.subList(1, keys.size() - (rollout ? 1 : 0))));
        }
        if (rollout) {
            rules.add(deliveryRule(j, r, keys.indexOf("on")));
        }
        return json;
    }

    /** Variable names and types of one flag: its "own" type (so that every type appears) plus 0–5 others. */
    private List<String> variableSchema(int j) {
        List<String> schema = new ArrayList<>();
        if (j % 7 == 6) {
            return schema;
        }
        schema.add(VARIABLE_TYPES[j % VARIABLE_TYPES.length]);
        int more = random.nextInt(6);
        for (int i = 0; i < more; i++) {
            schema.add(pick(VARIABLE_TYPES));
        }
        return schema;
    }

    private ObjectNode variation(String key, List<String> schema) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("key", key);
        json.put("name", key.substring(0, 1).toUpperCase() + key.substring(1).replace('_', ' '));
        ArrayNode variables = json.putArray("variables");
        for (int i = 0; i < schema.size(); i++) {
            String type = schema.get(i);
            ObjectNode variable = variables.addObject();
            variable.put("key", type.toLowerCase() + "_" + i);
            variable.put("type", type);
            switch (type) {
                case "BOOLEAN":
                    variable.put("value", random.nextBoolean());
                    break;
                case "NUMBER":
                    if (random.nextBoolean()) {
                        variable.put("value", random.nextInt(100));
                    } else {
                        variable.put("value", random.nextInt(10_000) / 100.0);
                    }
                    break;
                case "STRING":
                    variable.put("value", "Try our new " + pick(TOPICS) + " on the " + pick(AREAS) + " page");
                    break;
                case "JSON":
                    variable.put("value", "{\"columns\":" + (1 + random.nextInt(4)) + ",\"highlight\":\"" + pick(TOPICS)
                            + "\",\"tiers\":[\"free\",\"team\",\"enterprise\"],\"limits\":{\"seats\":"
                            + random.nextInt(500) + ",\"trial\":" + random.nextBoolean() + "}}");
                    break;
                case "JS":
                    variable.put("value", "window.dataLayer=window.dataLayer||[];window.dataLayer.push({event:'"
                            + key + "_" + i + "'});");
                    break;
                default:
                    variable.put("value", ".banner-" + i + "{background:#" + Integer.toHexString(0x100000
                            + random.nextInt(0xEFFFFF)) + ";padding:" + random.nextInt(24) + "px;}");
                    break;
            }
        }
        return json;
    }

    private ObjectNode experimentRule(int j, int r, List<String> variationKeys) {
        ObjectNode json = rule(j, r, "EXPERIMENTATION", pick(new double[] {0.1, 0.25, 0.5, 1.0, 1.0}));
        if (random.nextInt(7) == 0) {
            json.put("respoolTime", 1_735_689_600L + random.nextInt(1_000_000));
        } else {
            json.putNull("respoolTime");
        }
        ArrayNode entries = json.putArray("variationByExposition");
        double share = 1.0 / variationKeys.size();
        for (int v = 0; v < variationKeys.size(); v++) {
            entries.add(entry(variationKeys.get(v), variationId(j, r, v + 1), share));
        }
        return json;
    }

    private ObjectNode deliveryRule(int j, int r, int onIndex) {
        ObjectNode json = rule(j, r, "TARGETED_DELIVERY", pick(new double[] {0.05, 0.2, 0.5, 1.0}));
        json.putNull("respoolTime");
        json.putArray("variationByExposition").add(entry("on", variationId(j, r, onIndex), 1.0));
        return json;
    }

    private ObjectNode rule(int j, int r, String type, double exposition) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("id", ruleId(j, r));
        json.put("order", r + 1);
        json.put("type", type);
        json.put("exposition", exposition);
        json.put("experimentId", experimentId(j, r));
        if (random.nextInt(10) < 6) {
            json.put("segmentId", segmentId(random.nextInt(segmentCount)));
        } else {
            json.putNull("segmentId");
        }
        return json;
    }

    private static ObjectNode entry(String key, int variationId, double exposition) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("variationKey", key);
        json.put("variationId", variationId);
        json.put("exposition", exposition);
        return json;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private double pick(double[] values) {
        return values[random.nextInt(values.length)];
    }
}
