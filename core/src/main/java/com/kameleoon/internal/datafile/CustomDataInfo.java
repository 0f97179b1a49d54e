package com.kameleoon.internal.datafile;

import java.util.Map;
import java.util.Set;

/**
 * The datafile's custom-data definitions, compiled: id and name to index, local-only and visitor-scope
 * indexes, and the mapping-identifier index ({@code -1} when none).
 *
 * @param indexById custom-data id to index
 * @param indexByName custom-data name to index
 * @param localOnly indexes never sent to Kameleoon
 * @param visitorScope indexes with {@code scope: VISITOR}
 * @param mappingIdentifierIndex the index holding the cross-device user id, or -1
 */
public record CustomDataInfo(Map<Integer, Integer> indexById, Map<String, Integer> indexByName,
        Set<Integer> localOnly, Set<Integer> visitorScope, int mappingIdentifierIndex) {
    /** Definitions of a datafile without {@code customData}. */
    public static final CustomDataInfo EMPTY = new CustomDataInfo(Map.of(), Map.of(), Set.of(), Set.of(), -1);

    /**
     * @param index a custom-data index
     * @return true when data at that index is used locally only
     */
    public boolean isLocalOnly(int index) {
        return localOnly.contains(index);
    }

    /**
     * @param index a custom-data index
     * @return true when the index holds the mapping identifier
     */
    public boolean isMappingIdentifier(int index) {
        return index == mappingIdentifierIndex && index >= 0;
    }
}
