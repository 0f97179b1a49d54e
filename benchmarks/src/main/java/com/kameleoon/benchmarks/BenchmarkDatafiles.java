package com.kameleoon.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The datafiles the benchmarks run on: the conformance example (8 flags, 7 enabled), packed into the jar so
 * that the shaded jar runs on a fresh clone, and a variant of it with exactly 10 enabled flags. Stateless.
 */
public final class BenchmarkDatafiles {
    /** Resource name of the example datafile (a copy of core's conformance example). */
    public static final String EXAMPLE_RESOURCE = "/example-datafile.json";

    /**
     * Flags of the example copied into the 10-enabled-flag variant: the 3-way experiment with variables of
     * every type, the experiment targeted by a nested segment, and the 50 % delivery.
     */
    static final List<String> CLONED_SHAPES = List.of("pricing_page", "search_algorithm", "new_checkout");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BenchmarkDatafiles() {
    }

    /** @return the example datafile text */
    public static String example() {
        try (InputStream in = BenchmarkDatafiles.class.getResourceAsStream(EXAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + EXAMPLE_RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The example with exactly 10 enabled flags: {@link #exampleWithEnabledFlags(int)} with 10.
     *
     * @return the datafile text
     */
    public static String exampleWithTenEnabledFlags() {
        return exampleWithEnabledFlags(10);
    }

    /**
     * The example with copies of {@link #CLONED_SHAPES} appended, in turn, until {@code enabled} flags are
     * environment-enabled ({@code legacy_dashboard} stays disabled): copy {@code N} has its key suffixed
     * {@code _copyN} and every id shifted by {@code N * 10000}, so that no experiment, rule or variation id
     * collides.
     *
     * @param enabled how many enabled flags, at least the example's 7
     * @return the datafile text
     */
    public static String exampleWithEnabledFlags(int enabled) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(example());
            ArrayNode flags = (ArrayNode) root.get("featureFlags");
            int copies = enabled - enabledFlagCount(root);
            if (copies < 0) {
                throw new IllegalArgumentException("the example already has " + enabledFlagCount(root) + " enabled flags");
            }
            for (int copy = 1; copy <= copies; copy++) {
                String key = CLONED_SHAPES.get((copy - 1) % CLONED_SHAPES.size());
                ObjectNode clone = flagByKey(flags, key).deepCopy();
                clone.put("featureKey", key + "_copy" + copy);
                shiftIds(clone, copy * 10_000);
                flags.add(clone);
            }
            int built = enabledFlagCount(root);
            if (built != enabled) {
                throw new IllegalStateException("expected " + enabled + " enabled flags, built " + built);
            }
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("example datafile is not valid JSON", e);
        }
    }

    /**
     * @param root a datafile
     * @return how many of its flags are environment-enabled
     */
    public static int enabledFlagCount(JsonNode root) {
        int enabled = 0;
        for (JsonNode flag : root.get("featureFlags")) {
            enabled += flag.path("environmentEnabled").asBoolean(false) ? 1 : 0;
        }
        return enabled;
    }

    /**
     * Writes a datafile to a temporary file, for {@code KameleoonClientConfig.builder().dataFile(path)}.
     *
     * @param json the datafile text
     * @return the file; the caller deletes it
     */
    public static Path writeTemporary(String json) {
        try {
            Path file = Files.createTempFile("kameleoon-bench-", ".json");
            Files.writeString(file, json, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param file a file from {@link #writeTemporary(String)}, or null */
    public static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover temporary file is harmless.
        }
    }

    private static ObjectNode flagByKey(ArrayNode flags, String key) {
        for (JsonNode flag : flags) {
            if (key.equals(flag.path("featureKey").asText())) {
                return (ObjectNode) flag;
            }
        }
        throw new IllegalStateException("example datafile has no flag " + key);
    }

    private static void shiftIds(ObjectNode flag, int offset) {
        shift(flag, "id", offset);
        for (JsonNode rule : flag.path("rules")) {
            shift((ObjectNode) rule, "id", offset);
            shift((ObjectNode) rule, "experimentId", offset);
            for (JsonNode entry : rule.path("variationByExposition")) {
                shift((ObjectNode) entry, "variationId", offset);
            }
        }
    }

    private static void shift(ObjectNode node, String field, int offset) {
        JsonNode value = node.get(field);
        if (value != null && value.isInt()) {
            node.put(field, value.intValue() + offset);
        }
    }
}
