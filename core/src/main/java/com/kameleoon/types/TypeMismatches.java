package com.kameleoon.types;

import com.kameleoon.logging.KameleoonLogger;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Warns once per variable and mismatch that a typed read fell back to the caller's default: a datafile update that
 * changes a variable's type would otherwise write the same warning on every page. Bounded, so that a datafile
 * with many keys cannot grow it without end (beyond the bound every mismatch is warned about). Thread-safe.
 */
final class TypeMismatches {
    private static final int MAX_REMEMBERED = 1_000;
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private TypeMismatches() {
    }

    static void warn(String variableKey, String found, Class<?> wanted, Object fallback) {
        String mismatch = variableKey + '\u0000' + found + '\u0000' + wanted.getName();
        if (WARNED.size() >= MAX_REMEMBERED || WARNED.add(mismatch)) {
            KameleoonLogger.warning("variable '" + variableKey + "' is " + found + ", not " + wanted.getSimpleName()
                    + "; using the default " + fallback + " (has its type changed in the Kameleoon app?)");
        }
    }
}
