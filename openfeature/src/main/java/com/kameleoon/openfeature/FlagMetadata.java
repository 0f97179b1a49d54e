package com.kameleoon.openfeature;

import com.kameleoon.types.Variation;
import dev.openfeature.sdk.ImmutableMetadata;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The flag metadata of served variations ({@code experimentId}, {@code variationId}), built once per pair of ids and
 * shared: {@link ImmutableMetadata} is immutable, and building it on every evaluation was the provider's largest
 * cost. The pairs come from the datafile, so the cache is as small as the datafile's rules; {@link #clear()} after an
 * update drops the pairs it no longer has. Thread-safe.
 */
final class FlagMetadata {
    private final Map<Long, ImmutableMetadata> byIds = new ConcurrentHashMap<>();

    /**
     * @param variation the served variation
     * @return its metadata, empty for a default variation
     */
    ImmutableMetadata of(Variation variation) {
        Integer experimentId = variation.getExperimentId();
        if (experimentId == null) {
            return ImmutableMetadata.EMPTY;
        }
        Integer variationId = variation.getId();
        long key = ((long) experimentId << 32) | (variationId == null ? 0xFFFFFFFFL : variationId & 0xFFFFFFFFL);
        ImmutableMetadata known = byIds.get(key);
        return known != null ? known : byIds.computeIfAbsent(key, ids -> build(experimentId, variationId));
    }

    void clear() {
        byIds.clear();
    }

    private static ImmutableMetadata build(Integer experimentId, Integer variationId) {
        ImmutableMetadata.ImmutableMetadataBuilder builder = ImmutableMetadata.builder()
                .addInteger("experimentId", experimentId);
        if (variationId != null) {
            builder.addInteger("variationId", variationId);
        }
        return builder.build();
    }
}
