package com.kameleoon.sample.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The variation a visitor who accepted consent should get, read from a table the official Kameleoon JavaScript SDK
 * computed on the sample's own datafile ({@code oracle/recommended_products-variations.json}, written by
 * {@code benchmarks/js/oracle.js}, see {@code benchmarks/js/README.md}): what the shop must show, computed neither
 * by the shop nor by this project's SDK. Only the table's visitor codes have an answer. Immutable.
 */
public final class VariationOracle {
    static final String FLAG = "recommended_products";
    private static final String COUNT_VARIABLE = "num_recommended_products";
    private static final String TABLE = "/oracle/recommended_products-variations.json";
    private static final String DATAFILE = "/sample-datafile.json";

    private final JsonNode variations;

    private VariationOracle(JsonNode variations) {
        this.variations = variations;
    }

    /**
     * A variation as the official SDK returned it.
     *
     * @param key the variation key
     * @param id the variation id, null for the default variation
     * @param recommendedCount its number of recommended products
     */
    public record Expected(String key, Long id, int recommendedCount) {
    }

    /**
     * @return the table, after checking it was computed on the {@code sample-datafile.json} of the WAR's classes
     */
    public static VariationOracle ofSampleDatafile() {
        JsonNode table;
        try (InputStream in = open(TABLE)) {
            table = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String hash = sha256(DATAFILE);
        if (!hash.equals(table.path("datafileSha256").asText()) || !FLAG.equals(table.path("flagKey").asText())) {
            throw new IllegalStateException(TABLE + " was not computed for " + FLAG + " on this " + DATAFILE
                    + " (SHA-256 " + hash + "); regenerate it: " + table.path("generatedBy").asText());
        }
        return new VariationOracle(table.path("variations"));
    }

    /**
     * @param visitorCode a visitor code of the table
     * @return the visitor's variation of {@code recommended_products} once they accepted consent, no other data
     */
    public Expected variation(String visitorCode) {
        JsonNode variation = variations.path(visitorCode).path("given");
        if (variation.isMissingNode()) {
            throw new IllegalArgumentException(visitorCode + " is not a visitor code of " + TABLE
                    + ": add it to its codes file and regenerate it (benchmarks/js/README.md)");
        }
        Long id = variation.path("id").isNumber() ? variation.path("id").asLong() : null;
        return new Expected(variation.path("key").asText(), id,
                variation.path("variables").path(COUNT_VARIABLE).asInt());
    }

    private static InputStream open(String resource) {
        InputStream in = VariationOracle.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is not on the test class path");
        }
        return in;
    }

    private static String sha256(String resource) {
        try (InputStream in = open(resource)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
