package com.kameleoon.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.persistence.internal.SchemaCheck;
import com.kameleoon.persistence.testing.SchemaInspector;
import com.kameleoon.persistence.testing.TestDatabase;
import com.kameleoon.persistence.testing.TestDatabases;
import com.kameleoon.persistence.testing.Vendor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A store is never built on a database without the Kameleoon tables: the start fails naming what is missing. */
class SchemaCheckTest {
    private static final TestDatabases DATABASES = new TestDatabases();

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aDatabaseWhoseMigrationsWereOffFailsTheStartNamingTheTableAndTheSetting(Vendor vendor) {
        TestDatabase target = DATABASES.fresh(vendor);
        try (KameleoonDatabase database = target.builder().maximumPoolSize(2).migrate(false).build()) {
            assertThatThrownBy(() -> KameleoonPersistence.create(database, "site", 30))
                    .isInstanceOf(PersistenceException.class)
                    .hasMessageContaining("kameleoon_visitor ")
                    .hasMessageContaining("jdbc_migrate=true")
                    .hasMessageContaining("PrintMigrations");
        }
    }

    @Test
    void aTableOfALaterMigrationMissingIsNamed() {
        TestDatabase target = DATABASES.fresh(Vendor.H2);
        try (KameleoonDatabase database = target.builder().maximumPoolSize(2).build()) {
            database.jdbi().useHandle(handle -> handle.execute("DROP TABLE kameleoon_write_mark"));
            assertThatThrownBy(() -> KameleoonPersistence.create(database, "site", 30))
                    .isInstanceOf(PersistenceException.class).hasMessageContaining("kameleoon_write_mark");
        }
    }

    @Test
    void aRemovedColumnIsSeen() {
        TestDatabase target = DATABASES.fresh(Vendor.H2);
        try (KameleoonDatabase database = target.builder().maximumPoolSize(2).build()) {
            database.jdbi().useHandle(handle -> handle.execute("ALTER TABLE kameleoon_outbox DROP COLUMN version"));
            assertThatThrownBy(() -> KameleoonPersistence.create(database, "site", 30))
                    .isInstanceOf(PersistenceException.class).hasMessageContaining("kameleoon_outbox");
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void theCheckCoversEveryTableTheMigrationsCreate(Vendor vendor) {
        KameleoonDatabase database = DATABASES.migrated(vendor);
        assertThat(SchemaInspector.tables(database)).filteredOn(name -> name.startsWith("kameleoon_")
                && !name.equals(KameleoonMigrator.HISTORY_TABLE)).containsExactlyInAnyOrderElementsOf(
                        SchemaCheck.tableNames());
        KameleoonPersistence persistence = KameleoonPersistence.create(database, "site", 30);
        persistence.close();
    }

    @Test
    void anUnreachableDatabaseIsNotCalledAMissingTable() {
        TestDatabase target = DATABASES.fresh(Vendor.H2);
        KameleoonDatabase database = target.builder().maximumPoolSize(2).build();
        database.close();
        assertThatThrownBy(() -> KameleoonPersistence.create(database, "site", 30))
                .isInstanceOf(PersistenceException.class).hasMessageContaining("Cannot read the Kameleoon table")
                .hasMessageNotContaining("missing");
    }
}
