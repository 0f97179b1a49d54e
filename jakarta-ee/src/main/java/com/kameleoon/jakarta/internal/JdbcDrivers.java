package com.kameleoon.jakarta.internal;

import com.kameleoon.logging.KameleoonLogger;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;

/**
 * Deregisters, at undeploy, the JDBC drivers that the web application's own class loader registered (an H2 or
 * PostgreSQL driver in {@code WEB-INF/lib} registers itself when first loaded): {@link DriverManager} is
 * JVM-wide and would otherwise keep the application's class loader alive.
 */
final class JdbcDrivers {
    private JdbcDrivers() {
    }

    static void deregisterLoadedBy(ClassLoader loader) {
        if (loader == null || loader == ClassLoader.getSystemClassLoader()
                || loader == ClassLoader.getPlatformClassLoader()) {
            return;
        }
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == loader) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException | SecurityException e) {
                    KameleoonLogger.warning("JDBC driver " + driver.getClass().getName() + " not deregistered: "
                            + e.getMessage());
                }
            }
        }
    }
}
