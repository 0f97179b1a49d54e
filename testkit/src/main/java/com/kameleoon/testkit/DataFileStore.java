package com.kameleoon.testkit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The datafiles served per site code and environment, each with its {@code Last-Modified}. Thread-safe (all
 * methods synchronized; nothing slow happens under the lock).
 */
final class DataFileStore {
    /** HTTP's IMF-fixdate, the RFC 1123 form with a two-digit day: {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** One served datafile. */
    record Entry(String json, Instant lastModified) {
        /** @return the {@code Last-Modified} header value */
        String lastModifiedHeader() {
            return HTTP_DATE.format(lastModified);
        }
    }

    private record Key(String siteCode, String environment) {
    }

    private final Clock clock;
    private final Map<Key, Entry> entries = new HashMap<>();
    /** The last Last-Modified handed out per key, kept after a removal so that re-setting still moves forward. */
    private final Map<Key, Instant> lastIssued = new HashMap<>();

    DataFileStore(Clock clock) {
        this.clock = clock;
    }

    /**
     * Stores a datafile; its Last-Modified is now (whole seconds), or one second after the previous one of the same
     * site and environment if that is not earlier, so that every set is observable by If-Modified-Since.
     */
    synchronized Entry put(String siteCode, String environment, String json) {
        Key key = key(siteCode, environment);
        Instant stamp = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant previous = lastIssued.get(key);
        if (previous != null && !stamp.isAfter(previous)) {
            stamp = previous.plusSeconds(1);
        }
        lastIssued.put(key, stamp);
        Entry entry = new Entry(json, stamp);
        entries.put(key, entry);
        return entry;
    }

    synchronized void remove(String siteCode, String environment) {
        entries.remove(key(siteCode, environment));
    }

    /** @return the exact entry for the site and environment (null = default), or null */
    synchronized Entry get(String siteCode, String environment) {
        return entries.get(key(siteCode, environment));
    }

    /**
     * @return what a request for the site and environment is served: the environment's datafile, else the site's
     *     default one (set with a null environment), else null
     */
    synchronized Entry lookup(String siteCode, String environment) {
        Entry exact = entries.get(key(siteCode, environment));
        return exact != null ? exact : entries.get(key(siteCode, null));
    }

    private static Key key(String siteCode, String environment) {
        Objects.requireNonNull(siteCode, "siteCode");
        return new Key(siteCode, environment == null || environment.isEmpty() ? null : environment);
    }
}
