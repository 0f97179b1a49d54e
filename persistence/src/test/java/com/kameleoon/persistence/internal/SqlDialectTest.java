package com.kameleoon.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.persistence.KameleoonDatabase;
import com.kameleoon.persistence.testing.TestDatabases;
import com.kameleoon.persistence.testing.Vendor;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SqlDialectTest {
    private static final TestDatabases DATABASES = new TestDatabases();

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void detectsTheDialectFromTheConnection(Vendor vendor) throws Exception {
        KameleoonDatabase database = DATABASES.migrated(vendor);
        try (Connection connection = database.dataSource().getConnection()) {
            assertThat(SqlDialect.detect(connection)).isEqualTo(vendor.dialect());
            // The local servers (PostgreSQL 15, MariaDB 10.11, H2 2.5) all have SKIP LOCKED.
            assertThat(vendor.dialect().supportsSkipLocked(connection)).isTrue();
        }
        assertThat(database.dialect()).isEqualTo(vendor.dialect());
        assertThat(database.supportsSkipLocked()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void nowIsTheDatabaseClockInUtc(Vendor vendor) {
        KameleoonDatabase database = DATABASES.migrated(vendor);
        SqlDialect dialect = database.dialect();
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant now = database.jdbi().withHandle(h -> h.createQuery("SELECT " + dialect.now() + " AS t")
                .map((rs, ctx) -> dialect.readInstant(rs, "t")).one());
        // Same machine, same clock: a wrong time zone would be off by hours.
        assertThat(Duration.between(before, now).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void nowPlusMillisAddsToTheDatabaseClock(Vendor vendor) {
        KameleoonDatabase database = DATABASES.migrated(vendor);
        SqlDialect dialect = database.dialect();
        for (long millis : new long[] {90_000L, -45_500L, 1L}) {
            Instant later = database.jdbi().withHandle(h -> h.createQuery("SELECT "
                            + dialect.nowPlusMillis(":ms") + " AS t")
                    .bind("ms", millis)
                    .map((rs, ctx) -> dialect.readInstant(rs, "t")).one());
            Instant now = database.jdbi().withHandle(h -> h.createQuery("SELECT " + dialect.now() + " AS t")
                    .map((rs, ctx) -> dialect.readInstant(rs, "t")).one());
            // The second query runs a little after the first: later - now is millis minus that gap.
            long difference = Duration.between(now, later).toMillis();
            assertThat(difference).as("%s + %d ms", vendor, millis).isBetween(millis - 3_000, millis + 1);
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void nowPlusMillisWorksWithPositionalParametersInDml(Vendor vendor) {
        KameleoonDatabase database = DATABASES.migrated(vendor);
        SqlDialect dialect = database.dialect();
        database.jdbi().useHandle(h -> h.execute("UPDATE kameleoon_lease SET owner = ?, expires_at = "
                + dialect.nowPlusMillis("?") + " WHERE name = ?", "node-1", 60_000L, "visitor-expiry"));
        Instant expires = database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT expires_at FROM kameleoon_lease WHERE name = 'visitor-expiry'")
                .map((rs, ctx) -> dialect.readInstant(rs, "expires_at")).one());
        assertThat(Duration.between(Instant.now(), expires).toMillis()).isBetween(55_000L, 65_000L);
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void boundInstantsRoundTripThroughTimestampColumns(Vendor vendor) {
        KameleoonDatabase database = DATABASES.migrated(vendor);
        SqlDialect dialect = database.dialect();
        Instant instant = Instant.parse("2031-03-30T01:30:15.123Z");
        database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO kameleoon_lease (name, owner, expires_at)"
                        + " VALUES ('round-trip', NULL, :t)")
                .bind("t", dialect.timestamp(instant)).execute());
        Instant read = database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT expires_at FROM kameleoon_lease WHERE name = 'round-trip'")
                .map((rs, ctx) -> dialect.readInstant(rs, "expires_at")).one());
        assertThat(read).isEqualTo(instant);
        assertThat(dialect.timestamp(null)).isNull();
    }

    @Test
    void expressionsPerVendor() {
        assertThat(SqlDialect.POSTGRESQL.nowPlusMillis("?")).contains("INTERVAL '1 millisecond'");
        assertThat(SqlDialect.MYSQL.nowPlusMillis(":ttl")).contains(":ttl").contains("UTC_TIMESTAMP(3)");
        assertThat(SqlDialect.H2.nowPlusMillis("?")).startsWith("DATEADD(MILLISECOND");
        assertThat(SqlDialect.MYSQL.now()).isEqualTo("UTC_TIMESTAMP(3)");
        assertThat(SqlDialect.H2.migrationFolder()).isEqualTo("h2");
        assertThat(SqlDialect.POSTGRESQL.migrationFolder()).isEqualTo("postgresql");
        assertThat(SqlDialect.MYSQL.migrationFolder()).isEqualTo("mysql");
    }

    @Test
    void versionsAreComparedNumerically() {
        assertThat(SqlDialect.atLeast("2.5.252 (2026-09-23)", 2, 2, 220)).isTrue();
        assertThat(SqlDialect.atLeast("2.2.220 (2023-07-04)", 2, 2, 220)).isTrue();
        assertThat(SqlDialect.atLeast("2.1.214 (2022-06-13)", 2, 2, 220)).isFalse();
        assertThat(SqlDialect.atLeast("10.11.19-MariaDB-0+deb12u1", 10, 6, 0)).isTrue();
        assertThat(SqlDialect.atLeast("10.5.22-MariaDB", 10, 6, 0)).isFalse();
        assertThat(SqlDialect.atLeast("8.0.36", 8, 0, 0)).isTrue();
        assertThat(SqlDialect.atLeast("5.7.44-log", 8, 0, 0)).isFalse();
        assertThat(SqlDialect.atLeast("no version", 1, 0, 0)).isFalse();
        assertThat(SqlDialect.isMariaDb("MySQL", "5.5.5-10.11.6-MariaDB")).isTrue();
        assertThat(SqlDialect.isMariaDb("MySQL", "8.0.36")).isFalse();
    }

    @Test
    void vendorNames() {
        assertThat(SqlDialect.fromName("PostgreSQL")).isEqualTo(SqlDialect.POSTGRESQL);
        assertThat(SqlDialect.fromName("pg")).isEqualTo(SqlDialect.POSTGRESQL);
        assertThat(SqlDialect.fromName("mariadb")).isEqualTo(SqlDialect.MYSQL);
        assertThat(SqlDialect.fromName(" h2 ")).isEqualTo(SqlDialect.H2);
        assertThatThrownBy(() -> SqlDialect.fromName("oracle")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("oracle");
    }
}
