package com.kameleoon.persistence.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * A data source in front of a real pool that a test can take down and bring back, as a network partition would:
 * while {@link #down()}, getting a connection fails as a pool does when it cannot reach the server (a
 * {@link SQLTransientConnectionException}, SQLState 08001). Can also report an older server version, so that a
 * {@code KameleoonDatabase} built on it takes the code paths of servers without {@code SKIP LOCKED}; and can run
 * an action right before a given statement is prepared. A hand-written stub, not a mock. Thread-safe.
 */
public final class SwitchableDataSource extends ForwardingDataSource {
    private final String reportedVersion;
    private volatile boolean down;
    private final AtomicReference<Hook> hook = new AtomicReference<>();

    /** An action run before a statement holding a piece of SQL is prepared: once, or every time. */
    private record Hook(String sqlFragment, Runnable action, boolean everyTime) {
    }

    /**
     * @param pool the real pool
     */
    public SwitchableDataSource(DataSource pool) {
        this(pool, null);
    }

    private SwitchableDataSource(DataSource pool, String reportedVersion) {
        super(pool);
        this.reportedVersion = reportedVersion;
    }

    /**
     * Returns a data source whose connections' metadata report another server version.
     *
     * @param pool the real pool
     * @param version the version {@link DatabaseMetaData#getDatabaseProductVersion()} answers
     * @return the data source
     */
    public static SwitchableDataSource reportingVersion(DataSource pool, String version) {
        return new SwitchableDataSource(pool, version);
    }

    /**
     * Runs an action once, on the thread that prepares it, right before the next statement whose SQL contains a
     * fragment is prepared: to make another node act at an exact point of a transaction.
     *
     * @param sqlFragment a piece of the statement's SQL as the driver gets it (named parameters became {@code ?})
     * @param action what happens then
     */
    public void beforePreparing(String sqlFragment, Runnable action) {
        hook.set(new Hook(sqlFragment, action, false));
    }

    /**
     * Runs an action, on the thread that prepares it, right before every later statement whose SQL contains a
     * fragment is prepared: to make each such statement take time on a clock the test controls.
     *
     * @param sqlFragment a piece of the statement's SQL as the driver gets it (named parameters became {@code ?})
     * @param action what happens then
     */
    public void beforeEachPreparing(String sqlFragment, Runnable action) {
        hook.set(new Hook(sqlFragment, action, true));
    }

    /** Makes every later connection request fail. */
    public void down() {
        down = true;
    }

    /** Hands out connections again. */
    public void up() {
        down = false;
    }

    @Override
    public Connection getConnection() throws SQLException {
        check();
        return wrap(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        check();
        return wrap(pool.getConnection(username, password));
    }

    private void check() throws SQLException {
        if (down) {
            throw new SQLTransientConnectionException("database unreachable (injected)", "08001");
        }
    }

    private Connection wrap(Connection real) {
        InvocationHandler connection = (proxy, method, args) -> {
            Hook armed = hook.get();
            if (armed != null && method.getName().startsWith("prepare") && args != null && args[0] instanceof String
                    && ((String) args[0]).contains(armed.sqlFragment())
                    && (armed.everyTime() || hook.compareAndSet(armed, null))) {
                armed.action().run();
            }
            Object result = forward(real, method, args);
            return method.getName().equals("getMetaData") && reportedVersion != null
                    ? olderMetaData((DatabaseMetaData) result) : result;
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                connection);
    }

    private DatabaseMetaData olderMetaData(DatabaseMetaData real) {
        InvocationHandler metaData = (proxy, method, args) -> method.getName().equals("getDatabaseProductVersion")
                ? reportedVersion : forward(real, method, args);
        return (DatabaseMetaData) Proxy.newProxyInstance(DatabaseMetaData.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, metaData);
    }
}
