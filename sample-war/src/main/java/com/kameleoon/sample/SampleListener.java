package com.kameleoon.sample;

import com.kameleoon.jakarta.KameleoonJakarta;
import com.kameleoon.persistence.KameleoonDatabase;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the shop's database (one pool for Kameleoon's visitors and outbox and for the collector), creates the
 * collector's table, and hands the pool to Kameleoon before its own listener builds the client. Closes the pool
 * after Kameleoon has closed (listeners are destroyed in reverse order).
 */
public class SampleListener implements ServletContextListener {
    static final String DATABASE = KameleoonDatabase.class.getName();
    static final String SETTINGS = SampleSettings.class.getName();
    static final String COLLECTOR = CollectorStore.class.getName();
    static final String GATE = CollectorGate.class.getName();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        SampleSettings settings = SampleSettings.of(context);
        if (settings.jdbcUrl().startsWith("jdbc:h2:file:")) {
            createParent(Path.of(settings.jdbcUrl().substring("jdbc:h2:file:".length()).split(";", 2)[0]));
        }
        KameleoonDatabase database = KameleoonDatabase.builder().jdbcUrl(settings.jdbcUrl())
                .username(settings.username()).password(settings.password()).maximumPoolSize(16).build();
        CollectorStore collector = new CollectorStore(database.jdbi());
        collector.createTable();
        context.setAttribute(DATABASE, database);
        context.setAttribute(SETTINGS, settings);
        context.setAttribute(COLLECTOR, collector);
        context.setAttribute(GATE, new CollectorGate(settings.collectorSecret(), settings.collectorMaxBodyBytes()));
        KameleoonJakarta.useDataSource(context, database.dataSource());
        context.log("Kameleoon sample shop: " + settings + ", database " + database);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        Object database = event.getServletContext().getAttribute(DATABASE);
        if (database instanceof KameleoonDatabase) {
            ((KameleoonDatabase) database).close();
        }
    }

    private static void createParent(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the folder of " + file, e);
        }
    }
}
