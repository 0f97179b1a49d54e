package com.kameleoon.it.app;

import com.kameleoon.jakarta.KameleoonJakarta;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Declared in web.xml, so it runs before the fragment's listener: when the context parameter
 * {@code it.counting_h2_file} names a file, Kameleoon gets an H2 DataSource that counts the connections it hands
 * out (through {@link KameleoonJakarta#useDataSource}), which {@link DbConnectionsServlet} reports.
 */
public class TestSetupListener implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        String file = context.getInitParameter("it.counting_h2_file");
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
