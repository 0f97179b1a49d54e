package com.kameleoon.it.app;

import com.kameleoon.jakarta.KameleoonJakarta;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Declared in web.xml, so it runs before the fragment's listener: when the context parameter
 * {@code it.counting_h2_file} (or, without it, the system property of that name) names a file, Kameleoon gets an
 * H2 DataSource that counts the connections it hands out (through {@link KameleoonJakarta#useDataSource}), which
 * {@link DbConnectionsServlet} reports.
 */
public class TestSetupListener implements ServletContextListener {
    private static final String COUNTING_H2_FILE = "it.counting_h2_file";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        String file = context.getInitParameter(COUNTING_H2_FILE);
        if (file == null || file.isBlank()) {
            // Payara Micro deploys one WAR from its command line, with no per-context parameters to set.
            file = System.getProperty(COUNTING_H2_FILE);
        }
        if (file != null && !file.isBlank()) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:file:" + file + ";DB_CLOSE_DELAY=10");
            h2.setUser("sa");
            CountingDataSource counting = new CountingDataSource(h2);
            context.setAttribute(CountingDataSource.class.getName(), counting);
            KameleoonJakarta.useDataSource(context, counting);
        }
    }
}
