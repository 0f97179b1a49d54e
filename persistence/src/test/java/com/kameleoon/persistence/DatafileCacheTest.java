package com.kameleoon.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.persistence.internal.SchemaLimits;
import com.kameleoon.persistence.testing.LogCapture;
import com.kameleoon.persistence.testing.Sql;
import com.kameleoon.persistence.testing.TestDatabases;
import com.kameleoon.persistence.testing.Vendor;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DatafileCacheTest {
    private static final TestDatabases DATABASES = new TestDatabases();
    private static final String DATAFILE = "{\"featureFlags\":[],\"dateModified\":1700000000000,\"name\":\"café ☕ 😀\"}";

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void storesAndLoadsTheLastDatafile(Vendor vendor) {
        DatafileCache cache = new DatafileCache(DATABASES.migrated(vendor));
        assertThat(cache.load("site-roundtrip", "production")).isEmpty();

        assertThat(cache.store("site-roundtrip", "production", DATAFILE, "Tue, 14 Nov 2023 22:13:20 GMT")).isTrue();

        CachedDatafile cached = cache.load("site-roundtrip", "production").orElseThrow();
        assertThat(cached.body()).isEqualTo(DATAFILE);
        assertThat(cached.lastModified()).isEqualTo("Tue, 14 Nov 2023 22:13:20 GMT");
        assertThat(Duration.between(cached.updatedAt(), Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aNewerDatafileReplacesTheOldOne(Vendor vendor) throws InterruptedException {
        KameleoonDatabase database = DATABASES.migrated(vendor);
        DatafileCache cache = new DatafileCache(database);
        cache.store("site-upsert", null, "{\"v\":1}", "Mon, 13 Nov 2023 00:00:00 GMT");
        Instant first = cache.load("site-upsert", null).orElseThrow().updatedAt();
        Thread.sleep(20);

        assertThat(cache.store("site-upsert", null, "{\"v\":2}", null)).isTrue();

        CachedDatafile cached = cache.load("site-upsert", null).orElseThrow();
        assertThat(cached.body()).isEqualTo("{\"v\":2}");
        assertThat(cached.lastModified()).isNull();
        assertThat(cached.updatedAt()).isAfter(first);
        assertThat(Sql.integer(database, "SELECT COUNT(*) FROM kameleoon_datafile WHERE site_code = 'site-upsert'"))
                .isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void siteCodesAndEnvironmentsAreSeparateEntries(Vendor vendor) {
        DatafileCache cache = new DatafileCache(DATABASES.migrated(vendor));
        cache.store("site-keys", null, "{\"env\":\"none\"}", null);
        cache.store("site-keys", "staging", "{\"env\":\"staging\"}", null);
        cache.store("SITE-KEYS", "staging", "{\"env\":\"upper\"}", null);

        assertThat(cache.load("site-keys", null).map(CachedDatafile::body)).contains("{\"env\":\"none\"}");
        assertThat(cache.load("site-keys", "").map(CachedDatafile::body)).contains("{\"env\":\"none\"}");
        assertThat(cache.load("site-keys", "staging").map(CachedDatafile::body)).contains("{\"env\":\"staging\"}");
        // Codes compare exactly (MySQL: utf8mb4_bin).
        assertThat(cache.load("SITE-KEYS", "staging").map(CachedDatafile::body)).contains("{\"env\":\"upper\"}");
        assertThat(cache.load("site-keys", "production")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void storesALargeDatafile(Vendor vendor) {
        DatafileCache cache = new DatafileCache(DATABASES.migrated(vendor));
        String body = "{\"pad\":\"" + "é".repeat(1_000_000) + "\"}";

        assertThat(cache.store("site-large", "production", body, null)).isTrue();

        assertThat(cache.load("site-large", "production").map(CachedDatafile::body)).contains(body);
    }

    @Test
    void refusesADatafileAboveTheCapWithAWarning() {
        DatafileCache cache = new DatafileCache(DATABASES.migrated(Vendor.H2));
        String tooLarge = "a".repeat(SchemaLimits.MAX_DATAFILE_BYTES - 1) + "é";

        try (LogCapture log = new LogCapture()) {
            assertThat(cache.store("site-cap", null, tooLarge, null)).isFalse();
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("WARNING")
                    .contains("site-cap").contains("16777217 bytes"));
        }
        assertThat(cache.load("site-cap", null)).isEmpty();

        String atTheCap = "a".repeat(SchemaLimits.MAX_DATAFILE_BYTES);
        assertThat(cache.store("site-cap", null, atTheCap, null)).isTrue();
        assertThat(cache.load("site-cap", null).map(b -> b.body().length())).contains(SchemaLimits.MAX_DATAFILE_BYTES);
    }

    @Test
    void refusesCodesLongerThanTheColumns() {
        DatafileCache cache = new DatafileCache(DATABASES.migrated(Vendor.H2));
        try (LogCapture log = new LogCapture()) {
            assertThat(cache.store("s".repeat(65), null, "{}", null)).isFalse();
            assertThat(cache.store("site", "e".repeat(65), "{}", null)).isFalse();
            assertThat(cache.store("site", null, "{}", "x".repeat(65))).isFalse();
            assertThat(log.lines()).filteredOn(line -> line.startsWith("WARNING")).hasSize(3);
        }
        assertThat(cache.load("s".repeat(65), null)).isEmpty();
        assertThatThrownBy(() -> cache.store(" ", null, "{}", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache.store("site", null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache.load(null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDatabaseFailureIsLoggedNotThrown() {
        KameleoonDatabase database = DATABASES.fresh(Vendor.H2).open(true);
        DatafileCache cache = new DatafileCache(database);
        cache.store("site-down", null, "{}", null);
        database.close();

        try (LogCapture log = new LogCapture()) {
            assertThat(cache.store("site-down", null, "{\"v\":2}", null)).isFalse();
            Optional<CachedDatafile> loaded = cache.load("site-down", null);
            assertThat(loaded).isEmpty();
            assertThat(log.lines()).filteredOn(line -> line.startsWith("WARNING")).hasSize(2);
        }
    }
}
