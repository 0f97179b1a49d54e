package com.kameleoon.jakarta.internal;

import com.kameleoon.KameleoonComponents;
import com.kameleoon.persistence.KameleoonDatabase;
import com.kameleoon.persistence.KameleoonPersistence;
import javax.sql.DataSource;

/**
 * The JDBC repository, outbox and datafile cache of a web application. Kept apart so that the persistence module's
 * classes are only loaded when a database is configured (the module is an optional dependency).
 */
final class JdbcBackend implements AutoCloseable {
    private final KameleoonDatabase database;
    private final KameleoonPersistence persistence;

    private JdbcBackend(KameleoonDatabase database, KameleoonPersistence persistence) {
        this.database = database;
        this.persistence = persistence;
    }

    /**
     * Opens the pool (or uses the given DataSource), migrates the schema when asked, and builds the store.
     *
     * @param settings where the database is
     * @param dataSource a DataSource handed over in code, or null
     * @param siteCode the site code
     * @param sessionDurationMinute visitor lifetime
     * @return the backend
     */
    static JdbcBackend open(JdbcSettings settings, DataSource dataSource, String siteCode,
            int sessionDurationMinute) {
        KameleoonDatabase.Builder builder = KameleoonDatabase.builder().migrate(settings.migrate());
        if (dataSource != null) {
            builder.dataSource(dataSource);
        } else if (settings.jndiName() != null) {
            builder.jndiName(settings.jndiName());
        } else {
            // Null timeouts mean the persistence module's defaults; a container DataSource keeps its own.
            builder.jdbcUrl(settings.url()).username(settings.username()).password(settings.password())
                    .driverClassName(settings.driver()).maximumPoolSize(settings.poolSize())
                    .socketTimeout(settings.socketTimeout()).connectTimeout(settings.connectTimeout())
                    .connectionTimeout(settings.connectionTimeout());
        }
        KameleoonDatabase database = builder.build();
        try {
            return new JdbcBackend(database, KameleoonPersistence.create(database, siteCode, sessionDurationMinute));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    KameleoonComponents components() {
        return persistence.components();
    }

    /** @return the database (its pool's settings are what the configuration asked for) */
    KameleoonDatabase database() {
        return database;
    }

    /** Closes the store's background work, then the pool (after the client is closed). */
    @Override
    public void close() {
        try {
            persistence.close();
        } finally {
            database.close();
        }
    }
}
