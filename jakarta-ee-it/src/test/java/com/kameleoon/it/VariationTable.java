package com.kameleoon.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Expected variations of one flag, read from a table the official Kameleoon JavaScript SDK wrote
 * ({@code benchmarks/js/oracle.js}, see {@code benchmarks/js/README.md}), so that the container tests never take
 * the expected answer from the SDK they test. The table covers a fixed list of visitor codes; a test draws an
 * unused one with {@link #nextCode()}. Not thread-safe: one per test class instance.
 */
final class VariationTable {
    /** The visitor's legal consent when the flag is evaluated, as the table names it. */
    enum Consent {
        /** {@code setLegalConsent(code, true)}: the consent cookie says yes. */
        GIVEN("given"),
        /** {@code setLegalConsent(code, false)}: the consent cookie says no. */
        REFUSED("refused"),
        /** Never set: no consent cookie. */
        UNKNOWN("unknown");

        private final String field;

        Consent(String field) {
            this.field = field;
        }
    }

    private final String resource;
    private final JsonNode variations;
    private final Iterator<String> unused;

    private VariationTable(String resource, JsonNode variations) {
        this.resource = resource;
        this.variations = variations;
        List<String> codes = new ArrayList<>();
        variations.fieldNames().forEachRemaining(codes::add);
        this.unused = codes.iterator();
    }

    /**
     * @param tableResource the table on the test class path
     * @param datafileResource the datafile the tested application runs on, on the class path
     * @param flagKey the flag the test evaluates
     * @return the table, after checking it was computed on that datafile (same SHA-256) for that flag
     */
    static VariationTable load(String tableResource, String datafileResource, String flagKey) {
        JsonNode table;
        try (InputStream in = open(tableResource)) {
            table = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String datafileHash = sha256(datafileResource);
        if (!datafileHash.equals(table.path("datafileSha256").asText())) {
            throw new IllegalStateException(tableResource + " was computed on another datafile than "
                    + datafileResource + " (SHA-256 " + datafileHash + "); regenerate it: "
                    + table.path("generatedBy").asText());
        }
        if (!flagKey.equals(table.path("flagKey").asText())) {
            throw new IllegalStateException(tableResource + " holds flag " + table.path("flagKey") + ", not "
                    + flagKey);
        }
        return new VariationTable(tableResource, table.path("variations"));
    }

    /** @return a visitor code of the table no earlier call returned */
    String nextCode() {
        if (!unused.hasNext()) {
            throw new IllegalStateException("every visitor code of " + resource + " is taken: add codes to its codes "
                    + "file and regenerate it (benchmarks/js/README.md)");
        }
        return unused.next();
    }

    /**
     * @param code a visitor code of the table
     * @param consent the visitor's consent when the flag is evaluated
     * @return the variation key the official SDK assigns to that visitor (no visitor data)
     */
    String key(String code, Consent consent) {
        JsonNode variation = variations.path(code).path(consent.field);
        if (variation.isMissingNode()) {
            throw new IllegalArgumentException(code + " is not a visitor code of " + resource);
        }
        return variation.path("key").asText();
    }

    /**
     * @param consent a consent state
     * @return every variation key the table assigns under that consent, in table order
     */
    Set<String> keys(Consent consent) {
        Set<String> keys = new LinkedHashSet<>();
        variations.fieldNames().forEachRemaining(code -> keys.add(key(code, consent)));
        return keys;
    }

    private static InputStream open(String resource) {
        InputStream in = VariationTable.class.getResourceAsStream(resource);
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
