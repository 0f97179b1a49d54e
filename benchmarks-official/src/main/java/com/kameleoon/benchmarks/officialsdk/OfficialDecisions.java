package com.kameleoon.benchmarks.officialsdk;

import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.KameleoonClientFactory;
import com.kameleoon.targeting.condition.TargetingConditionType;
import java.io.BufferedWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.json.Json;
import javax.json.JsonArray;
import javax.json.JsonObject;
import javax.json.JsonReader;
import javax.json.JsonValue;

/**
 * The official SDK's decisions for the agreement check: {@code OfficialDecisions <fixtures directory> <out file>
 * <datafile name>…} writes one line {@code decision <datafile> <visitor> <flag> <variation key>} per datafile,
 * visitor of {@code visitors.tsv} and flag of the datafile ({@code getFeatureVariationKey}; an exception is
 * written as {@code !<its simple name>}), and one line {@code condition <type> supported|unsupported} per
 * targeting condition type found in the datafiles, as this SDK's own {@link TargetingConditionType#fromString}
 * maps it (an unknown type becomes {@code UNKNOWN}, which the official SDK evaluates as true). A datafile that
 * the SDK cannot load is written as {@code unloaded <datafile> <reason>}, not a failure.
 *
 * <p>Version 4.5.0 has no untracked {@code getFeatureVariationKey}: its calls queue tracking, which goes to
 * {@link LocalKameleoonServer} and is discarded. Each visitor gets its data with {@code addData} first.
 */
public final class OfficialDecisions {
    private OfficialDecisions() {
    }

    /**
     * @param args see the class comment
     * @throws Exception when the fixtures cannot be read or the output written
     */
    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        List<String> visitors = Files.readAllLines(directory.resolve("visitors.tsv"), StandardCharsets.UTF_8);
        KameleoonClientConfig config = OfficialClients.config();
        Set<String> conditionTypes = new TreeSet<>();
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            for (int d = 2; d < args.length; d++) {
                String name = args[d];
                JsonObject datafile = read(directory.resolve(name + ".json"));
                collectConditionTypes(datafile, conditionTypes);
                List<String> flags = new ArrayList<>();
                for (JsonValue flag : datafile.getJsonArray("featureFlags")) {
                    flags.add(flag.asJsonObject().getString("featureKey"));
                }
                KameleoonClient client;
                try {
                    client = OfficialClients.startReady(name, config);
                } catch (Exception e) {
                    out.write("unloaded\t" + name + "\t" + e + "\n");
                    continue;
                }
                for (String line : visitors) {
                    VisitorLine visitor = VisitorLine.parse(line);
                    client.addData(visitor.code(), visitor.data());
                    for (String flag : flags) {
                        out.write("decision\t" + name + "\t" + visitor.code() + "\t" + flag + "\t"
                                + decide(client, visitor.code(), flag) + "\n");
                    }
                }
                KameleoonClientFactory.forget(name);
            }
            for (String type : conditionTypes) {
                out.write("condition\t" + type + "\t" + (supported(type) ? "supported" : "unsupported") + "\n");
            }
        }
        System.exit(0);
    }

    private static String decide(KameleoonClient client, String code, String flag) {
        try {
            return client.getFeatureVariationKey(code, flag);
        } catch (Exception e) {
            return "!" + e.getClass().getSimpleName();
        }
    }

    private static boolean supported(String type) {
        try {
            return TargetingConditionType.fromString(type) != TargetingConditionType.UNKNOWN;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static JsonObject read(Path file) throws Exception {
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    private static void collectConditionTypes(JsonValue node, Set<String> types) {
        if (node.getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject object = node.asJsonObject();
            JsonValue type = object.get("targetingType");
            if (type != null && type.getValueType() == JsonValue.ValueType.STRING) {
                types.add(object.getString("targetingType"));
            }
            object.values().forEach(value -> collectConditionTypes(value, types));
        } else if (node.getValueType() == JsonValue.ValueType.ARRAY) {
            ((JsonArray) node).forEach(value -> collectConditionTypes(value, types));
        }
    }
}
