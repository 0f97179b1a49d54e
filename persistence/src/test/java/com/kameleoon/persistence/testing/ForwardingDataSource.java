package com.kameleoon.persistence.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The part of a test data source in front of a real pool that it never changes: logging, login time-out and
 * unwrapping go to the pool. Subclasses decide how connections are handed out.
 */
public abstract class ForwardingDataSource implements DataSource {
    /** The real pool. */
    protected final DataSource pool;

    /**
     * @param pool the real pool
     */
    protected ForwardingDataSource(DataSource pool) {
        this.pool = pool;
    }

    /**
     * Calls a method of a real JDBC object from a proxy's handler, throwing what the method threw.
     *
     * @param target the real object
     * @param method the method called on the proxy
     * @param args its arguments
     * @return what the real method returned
     * @throws Throwable what the real method threw
     */
    protected static Object forward(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
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
        return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return pool.isWrapperFor(type);
    }
}
