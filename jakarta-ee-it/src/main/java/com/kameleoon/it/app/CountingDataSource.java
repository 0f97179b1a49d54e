package com.kameleoon.it.app;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource that counts the connections taken for requests: by request threads, by the threads that load
 * visitors for them ({@code kameleoon-load-…}) and by the group committer that writes their units
 * ({@code kameleoon-commit}); not by Kameleoon's other threads, whose relay polls on its own schedule. It proves
 * which requests reach the database.
 */
public final class CountingDataSource implements DataSource {
    private final DataSource delegate;
    private final AtomicLong connections = new AtomicLong();

    /** @param delegate the real DataSource */
    public CountingDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    /** @return connections handed out to request threads so far */
    public long connections() {
        return connections.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        count();
        return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        count();
        return delegate.getConnection(username, password);
    }

    private void count() {
        String thread = Thread.currentThread().getName();
        if (!thread.startsWith("kameleoon") || thread.startsWith("kameleoon-load") || thread.startsWith("kameleoon-commit")) {
            connections.incrementAndGet();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate.isWrapperFor(type);
    }
}
