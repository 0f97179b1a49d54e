package com.kameleoon.sample.it;

import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.types.Variation;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The variation a visitor should get, from an offline client on the sample's own datafile (no network, no
 * tracking): what the shop must show, computed without the shop. Thread-safe; close it.
 */
final class VariationOracle implements AutoCloseable {
    static final String FLAG = "recommended_products";
    static final String COUNT_VARIABLE = "num_recommended_products";
    private static final String SITE_CODE = "sampleshop";

    private final DefaultKameleoonClient client;

    private VariationOracle(DefaultKameleoonClient client) {
        this.client = client;
    }

    /** @return an oracle on {@code sample-datafile.json} of the WAR's classes */
    static VariationOracle ofSampleDatafile() {
        URL datafile = VariationOracle.class.getResource("/sample-datafile.json");
        if (datafile == null) {
            throw new IllegalStateException("sample-datafile.json is not on the test class path");
        }
        try {
            return new VariationOracle(new DefaultKameleoonClient(SITE_CODE,
                    KameleoonClientConfig.builder().dataFile(Path.of(datafile.toURI())).build()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param visitorCode a visitor code
     * @return the visitor's variation of {@code recommended_products}, untracked
     */
    Variation variation(String visitorCode) {
        return client.getVariation(visitorCode, FLAG, false);
    }

    /**
     * @param variation a variation of {@code recommended_products}
     * @return its number of recommended products
     */
    static int recommendedCount(Variation variation) {
        return ((Number) variation.getVariable(COUNT_VARIABLE).getValue()).intValue();
    }

    @Override
    public void close() {
        client.close();
    }
}
