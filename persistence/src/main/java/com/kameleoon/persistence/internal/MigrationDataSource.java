package com.kameleoon.persistence.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The SDK's pool as Flyway sees it at start-up: the same connections, but each one's read timeout raised to a
 * migration bound while Flyway holds it. The pool's short read timeout is right for request threads and wrong for
 * migrations, which legitimately wait longer on one statement: MySQL's migration lock is
 * {@code SELECT GET_LOCK(?, 10)}, up to 10 s while another node migrates, and DDL may wait for a table lock or
 * rewrite a large table. The timeout is set through JDBC's {@link Connection#setNetworkTimeout}, which HikariCP
 * puts back to the pool's value when the connection is returned, so no connection leaves a migration with it.
 *
 * <p>A connection whose read timeout is already longer (or none) keeps it; a driver without network timeouts
 * (embedded H2) is left as it is. Thread-safe, as the pool is.
 */
public final class MigrationDataSource implements DataSource {
    /** Runs the driver's timeout change on the calling thread: the connection is idle, nothing to wait for. */
    private static final Executor SAME_THREAD = Runnable::run;

    private final DataSource pool;
    private final int readTimeoutMillis;

    /**
     * @param pool the pool created by the SDK (HikariCP, which resets network timeouts on return)
     * @param readTimeout the read timeout during migrations
     */
    public MigrationDataSource(DataSource pool, Duration readTimeout) {
        this.pool = pool;
        this.readTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis());
    }

    @Override
    public Connection getConnection() throws SQLException {
        return raised(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return raised(pool.getConnection(username, password));
    }

    private Connection raised(Connection connection) throws SQLException {
        try {
            int current = connection.getNetworkTimeout();
            if (current > 0 && current < readTimeoutMillis) {
                connection.setNetworkTimeout(SAME_THREAD, readTimeoutMillis);
            }
            return connection;
        } catch (SQLFeatureNotSupportedException e) {
            return connection; // no network timeout to raise
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
