package com.kameleoon.persistence;

import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.persistence.internal.DriverTimeouts;
import com.kameleoon.persistence.internal.JdbcUrls;
import com.kameleoon.persistence.internal.MigrationDataSource;
import com.kameleoon.persistence.internal.PoolThreadFactory;
import com.kameleoon.persistence.internal.SqlDialect;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The database of the Kameleoon SDK: a connection pool (or the application's data source), its
 * {@link SqlDialect}, a {@link Jdbi} over it, and the Kameleoon tables migrated at start.
 *
 * <p>Exactly one source, chosen on the {@link Builder}:
 * <ul>
 * <li>a JDBC URL and credentials: a HikariCP pool named {@value #DEFAULT_POOL_NAME} is created with an explicit
 * driver class (inferred from the URL prefix when not given, since {@code DriverManager} does not see drivers in
 * a WAR's {@code WEB-INF/lib}); {@link #close()} closes it and stops its threads;</li>
 * <li>an existing {@link DataSource}, or a JNDI name looked up through {@link InitialContext}: used as it is and
 * never closed by us;</li>
 * <li>nothing: an embedded H2 file database at {@link #DEFAULT_H2_FILE} ({@code ${java.io.tmpdir}/kameleoon/kameleoon},
 * or {@link Builder#h2File(Path)}), pooled like a URL. An H2 file is opened by one JVM at a time; clusters use
 * PostgreSQL or MySQL 8 / MariaDB.</li>
 * </ul>
 *
 * <p>A pool created here bounds every wait on the database, so that a dead or partitioned database fails a call
 * within about a second or two instead of holding a request thread: waiting for a pooled connection
 * ({@link Builder#connectionTimeout}, default 1 s), a TCP connect ({@link Builder#connectTimeout}, default 1 s)
 * and every read on an open connection ({@link Builder#socketTimeout}, default 2 s), set as driver properties in
 * each driver's names and units (PostgreSQL, MariaDB and MySQL; embedded H2 has no network). A given or JNDI data
 * source is used as it is: its pool (the container's) should set such timeouts itself. Schema migrations at start
 * read with {@link #MIGRATION_SOCKET_TIMEOUT} instead, since they may legitimately wait longer.
 *
 * <p>Thread-safe; {@link #close()} is idempotent. {@link #toString()} never shows a password.
 *
 * <pre>{@code
 * try (KameleoonDatabase db = KameleoonDatabase.builder()
 *         .jdbcUrl("jdbc:postgresql://db:5432/shop").username("shop").password(secret)
 *         .build()) {
 *     DatafileCache cache = new DatafileCache(db);
 * }
 * }</pre>
 */
public final class KameleoonDatabase implements AutoCloseable {
    /** The embedded default: {@code ${java.io.tmpdir}/kameleoon/kameleoon} (H2 adds {@code .mv.db}). */
    public static final Path DEFAULT_H2_FILE = Path.of(System.getProperty("java.io.tmpdir"), "kameleoon", "kameleoon");

    /**
     * Settings appended to the embedded H2 URL: H2's regular mode; the database closes when the pool closes its
     * last connection (no {@code DB_CLOSE_DELAY}, so undeploying releases the file) and not in a JVM shutdown
     * hook (so shutdown work can still flush through the pool); the session zone is UTC.
     */
    public static final String H2_URL_SETTINGS = ";DB_CLOSE_ON_EXIT=FALSE;TIME ZONE=UTC";

    /** Pool name (the pool's threads are named after it: {@code kameleoon-pool-1}, ...). */
    public static final String DEFAULT_POOL_NAME = "kameleoon";

    /** Default maximum pool size. */
    public static final int DEFAULT_MAXIMUM_POOL_SIZE = 10;

    /**
     * Default wait for a connection from the pool: short, so that a request finds out at once that the database
     * is gone (a healthy pool hands out a connection in microseconds).
     */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(1);

    /** The shortest wait for a pooled connection that HikariCP accepts. */
    public static final Duration MINIMUM_CONNECTION_TIMEOUT = Duration.ofMillis(250);

    /**
     * Default longest wait for a read on an open connection. Above the SDK's own statements (short primary-key
     * reads and writes), below what a request can afford on a dead database.
     */
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(2);

    /** Default longest wait for a TCP connection to the database server: a reachable server answers in ms. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(1);

    /**
     * The read timeout of connections while the schema is migrated at start: Flyway waits for its lock (MySQL's
     * {@code GET_LOCK} blocks up to 10 s while another node migrates) and DDL may wait for table locks or rewrite
     * a large table, all of which the request-sized {@link #DEFAULT_SOCKET_TIMEOUT} would cut short. Still bounded,
     * so that a database that dies in the middle of a migration fails the start instead of hanging it.
     */
    public static final Duration MIGRATION_SOCKET_TIMEOUT = Duration.ofMinutes(10);

    /** HikariCP's default aliveness-check bound, kept when the connection timeout is longer. */
    private static final Duration MAXIMUM_VALIDATION_TIMEOUT = Duration.ofSeconds(5);

    private static final String MASK = "****";
    private static final Duration POOL_THREADS_END_BOUND = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final HikariDataSource ownedPool;
    private final PoolThreadFactory poolThreads;
    private final SqlDialect dialect;
    private final boolean skipLocked;
    private final Jdbi jdbi;
    private final String description;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KameleoonDatabase(DataSource dataSource, HikariDataSource ownedPool, PoolThreadFactory poolThreads,
            SqlDialect dialect, boolean skipLocked, String description) {
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.poolThreads = poolThreads;
        this.dialect = dialect;
        this.skipLocked = skipLocked;
        this.jdbi = Jdbi.create(dataSource);
        this.description = description;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder with the defaults (embedded H2, migrate on)
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the JDBC URL of an embedded H2 file database with {@link #H2_URL_SETTINGS}, on H2's {@code retry:}
     * file system: an interrupted thread (a relay or writer stopped at close while H2 writes in it) makes the JDK
     * close the file channel, which on the plain {@code file:} system fails that write and can close the whole
     * database under every other user of the pool; {@code retry:} reopens the channel and carries on.
     *
     * @param file the database file without H2's {@code .mv.db} suffix
     * @return the URL
     */
    public static String h2Url(Path file) {
        return "jdbc:h2:retry:" + file.toAbsolutePath().normalize() + H2_URL_SETTINGS;
    }

    /**
     * Returns the data source: the pool created here, or the one given or looked up.
     *
     * @return the data source
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Returns a Jdbi over {@link #dataSource()}.
     *
     * @return the Jdbi (thread-safe)
     */
    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Returns the dialect detected at start.
     *
     * @return the dialect
     */
    public SqlDialect dialect() {
        return dialect;
    }

    /**
     * Tells whether the server supports {@code FOR UPDATE SKIP LOCKED} (read once at start).
     *
     * @return true when claims may skip locked rows
     */
    public boolean supportsSkipLocked() {
        return skipLocked;
    }

    /**
     * Tells whether {@link #close()} was called.
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Closes the pool created here (stopping its threads and, for embedded H2, closing the file); a data source
     * that was given or looked up is left open. Idempotent.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownedPool != null) {
            closePool(ownedPool, poolThreads);
        }
    }

    /** Closes a pool created here and waits (bounded) until its threads have really ended, not just finished. */
    private static void closePool(HikariDataSource pool, PoolThreadFactory threads) {
        pool.close();
        if (!threads.awaitEnd(POOL_THREADS_END_BOUND)) {
            KameleoonLogger.warning("Threads of the Kameleoon pool " + pool.getPoolName() + " still run after "
                    + POOL_THREADS_END_BOUND.toSeconds() + " s");
        }
    }

    /**
     * A form of a JDBC URL that is safe to log or show: the values of password-like properties and the password of
     * credentials before the host are replaced by {@code ****}.
     *
     * @param jdbcUrl the URL, or {@code null}
     * @return the masked URL, or {@code null}
     */
    public static String maskedUrl(String jdbcUrl) {
        return JdbcUrls.mask(jdbcUrl);
    }

    @Override
    public String toString() {
        return "KameleoonDatabase[" + description + ", dialect=" + dialect + (closed.get() ? ", closed" : "") + ']';
    }

    /**
     * Builds a {@link KameleoonDatabase}. Not thread-safe; {@link #build()} may be called more than once.
     */
    public static final class Builder {
        private String jdbcUrl;
        private String username;
        private String password;
        private String driverClassName;
        private Path h2File;
        private DataSource dataSource;
        private String jndiName;
        private int maximumPoolSize = DEFAULT_MAXIMUM_POOL_SIZE;
        private int minimumIdle = -1;
        private Duration connectionTimeout = DEFAULT_CONNECTION_TIMEOUT;
        private Duration socketTimeout = DEFAULT_SOCKET_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private String poolName = DEFAULT_POOL_NAME;
        private boolean migrate = true;
        private final Map<String, String> dataSourceProperties = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Connects through a pool to this URL ({@code jdbc:h2:}, {@code jdbc:postgresql:}, {@code jdbc:mariadb:},
         * {@code jdbc:mysql:}).
         *
         * @param url the JDBC URL; {@code null} clears it
         * @return this builder
         */
        public Builder jdbcUrl(String url) {
            this.jdbcUrl = url;
            return this;
        }

        /**
         * Sets the user of {@link #jdbcUrl} or {@link #h2File} ({@code sa} by default for H2).
         *
         * @param user the user name
         * @return this builder
         */
        public Builder username(String user) {
            this.username = user;
            return this;
        }

        /**
         * Sets the password of {@link #jdbcUrl} or {@link #h2File}; never logged.
         *
         * @param secret the password
         * @return this builder
         */
        public Builder password(String secret) {
            this.password = secret;
            return this;
        }

        /**
         * Sets the driver class explicitly; by default it is inferred from the URL prefix.
         *
         * @param className the {@link java.sql.Driver} class name
         * @return this builder
         */
        public Builder driverClassName(String className) {
            this.driverClassName = className;
            return this;
        }

        /**
         * Uses an embedded H2 file database at this path (H2 adds {@code .mv.db}); parent folders are created.
         * Without any source, {@link #DEFAULT_H2_FILE} is used.
         *
         * @param file the database file
         * @return this builder
         */
        public Builder h2File(Path file) {
            this.h2File = file;
            return this;
        }

        /**
         * Uses the application's data source; it is not closed by {@link KameleoonDatabase#close()}.
         *
         * @param source the data source
         * @return this builder
         */
        public Builder dataSource(DataSource source) {
            this.dataSource = source;
            return this;
        }

        /**
         * Looks the data source up in JNDI at {@link #build()} (e.g. {@code java:comp/env/jdbc/kameleoon}); it is
         * not closed by {@link KameleoonDatabase#close()}.
         *
         * @param name the JNDI name
         * @return this builder
         */
        public Builder jndiName(String name) {
            this.jndiName = name;
            return this;
        }

        /**
         * Sets the pool's maximum size (pools created here only).
         *
         * @param size at least 1; default {@value #DEFAULT_MAXIMUM_POOL_SIZE}
         * @return this builder
         */
        public Builder maximumPoolSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("maximumPoolSize must be at least 1, was " + size);
            }
            this.maximumPoolSize = size;
            return this;
        }

        /**
         * Sets how many idle connections the pool keeps (pools created here only). By default the pool has a fixed
         * size ({@link #maximumPoolSize}), as HikariCP recommends; a smaller value saves server connections on
         * nodes that are mostly idle.
         *
         * @param idle between 0 and the maximum pool size
         * @return this builder
         */
        public Builder minimumIdle(int idle) {
            if (idle < 0) {
                throw new IllegalArgumentException("minimumIdle must not be negative, was " + idle);
            }
            this.minimumIdle = idle;
            return this;
        }

        /**
         * Sets how long a caller waits for a pooled connection (pools created here only). A connection idle for more
         * than half a second is checked before it is handed out; that check waits at most this long too (capped at
         * HikariCP's default of 5 s), so on a dead database a caller waits about this long, at most twice.
         *
         * @param timeout at least {@link #MINIMUM_CONNECTION_TIMEOUT} (250 ms); {@code null} means
         *     {@link #DEFAULT_CONNECTION_TIMEOUT} (1 s)
         * @return this builder
         * @throws IllegalArgumentException when shorter than 250 ms
         */
        public Builder connectionTimeout(Duration timeout) {
            this.connectionTimeout = timeout == null ? DEFAULT_CONNECTION_TIMEOUT
                    : atLeast("connectionTimeout", timeout, MINIMUM_CONNECTION_TIMEOUT);
            return this;
        }

        /**
         * Sets the longest wait for a read on an open connection (pools created here only): a statement whose
         * answer does not come in time fails, and the driver closes its connection. Bounds what a request thread
         * waits on a database that died or became unreachable while a connection was open. Set as the driver
         * property {@code socketTimeout}: whole seconds for PostgreSQL (rounded up), milliseconds for MariaDB and
         * MySQL; nothing for H2. A {@code socketTimeout} in the URL or given with {@link #dataSourceProperty} wins.
         * Schema migrations read with {@link #MIGRATION_SOCKET_TIMEOUT} instead.
         *
         * @param timeout positive; {@code null} means {@link #DEFAULT_SOCKET_TIMEOUT} (2 s)
         * @return this builder
         * @throws IllegalArgumentException when zero or negative
         */
        public Builder socketTimeout(Duration timeout) {
            this.socketTimeout = timeout == null ? DEFAULT_SOCKET_TIMEOUT : positive("socketTimeout", timeout);
            return this;
        }

        /**
         * Sets the longest wait for a TCP connection to the database server (pools created here only). Set as the
         * driver property {@code connectTimeout}: whole seconds for PostgreSQL (rounded up; {@code loginTimeout},
         * the whole connection set-up, is set to connect + socket timeout), milliseconds for MariaDB and MySQL;
         * nothing for H2. A value in the URL or given with {@link #dataSourceProperty} wins. New connections are
         * made by the pool's own thread, so a request waits {@link #connectionTimeout} at most, not this.
         *
         * @param timeout positive; {@code null} means {@link #DEFAULT_CONNECT_TIMEOUT} (1 s)
         * @return this builder
         * @throws IllegalArgumentException when zero or negative
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout == null ? DEFAULT_CONNECT_TIMEOUT : positive("connectTimeout", timeout);
            return this;
        }

        /**
         * Names the pool (pools created here only); its threads are named after it ({@code <name>-pool-<n>}).
         *
         * @param name the pool name; {@code null} means {@value #DEFAULT_POOL_NAME}
         * @return this builder
         */
        public Builder poolName(String name) {
            this.poolName = name == null || name.isBlank() ? DEFAULT_POOL_NAME : name;
            return this;
        }

        /**
         * Adds a driver property (pools created here only), e.g. {@code sslMode} for MariaDB. Wins over the
         * properties that {@link #socketTimeout} and {@link #connectTimeout} set.
         *
         * @param key the property name
         * @param value the value
         * @return this builder
         */
        public Builder dataSourceProperty(String key, String value) {
            dataSourceProperties.put(Objects.requireNonNull(key, "key"), value);
            return this;
        }

        /**
         * Tells whether to migrate the Kameleoon tables at {@link #build()} (default true). Teams that run their
         * own migrations turn it off and apply {@link KameleoonMigrator#printSql}'s SQL.
         *
         * @param enabled false to skip migrations
         * @return this builder
         */
        public Builder migrate(boolean enabled) {
            this.migrate = enabled;
            return this;
        }

        /**
         * Opens the database: creates or looks up the data source, detects the dialect and migrates.
         *
         * @return the open database
         * @throws IllegalStateException when more than one source is set, or credentials are set without a URL
         * @throws PersistenceException when the database cannot be reached or migrated
         */
        public KameleoonDatabase build() {
            int sources = (jdbcUrl != null ? 1 : 0) + (h2File != null ? 1 : 0) + (dataSource != null ? 1 : 0)
                    + (jndiName != null ? 1 : 0);
            if (sources > 1) {
                throw new IllegalStateException("Set only one of jdbcUrl, h2File, dataSource and jndiName");
            }
            if ((dataSource != null || jndiName != null) && (username != null || password != null
                    || driverClassName != null)) {
                throw new IllegalStateException("username, password and driverClassName apply to jdbcUrl and "
                        + "h2File only, not to a given or JNDI data source");
            }
            if (dataSource != null) {
                return open(dataSource, null, null, "dataSource=" + dataSource.getClass().getName());
            }
            if (jndiName != null) {
                return open(lookup(jndiName), null, null, "jndiName=" + jndiName);
            }
            String url = jdbcUrl;
            String user = username;
            if (url == null) {
                Path file = h2File == null ? DEFAULT_H2_FILE : h2File;
                createParent(file);
                url = h2Url(file);
                user = user == null ? "sa" : user;
            }
            PoolThreadFactory threads = new PoolThreadFactory(poolName);
            HikariDataSource pool = createPool(url, user, threads);
            return open(pool, pool, threads, "url=" + JdbcUrls.mask(url) + ", user=" + user + ", password="
                    + (password == null ? "null" : MASK) + ", pool=" + poolName);
        }

        private HikariDataSource createPool(String url, String user, PoolThreadFactory threads) {
            String driver = driverClassName != null ? driverClassName : JdbcUrls.driverClassName(url);
            try {
                HikariConfig config = new HikariConfig();
                config.setPoolName(poolName);
                // Our factory, so that close() can wait for the pool's threads to end (see PoolThreadFactory).
                config.setThreadFactory(threads);
                // Every SDK transaction runs at READ COMMITTED; set once on the pool, not per transaction.
                config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
                config.setJdbcUrl(url);
                config.setDriverClassName(driver);
                config.setUsername(user);
                config.setPassword(password);
                config.setMaximumPoolSize(maximumPoolSize);
                config.setMinimumIdle(minimumIdle < 0 ? maximumPoolSize : Math.min(minimumIdle, maximumPoolSize));
                config.setConnectionTimeout(connectionTimeout.toMillis());
                // Checking an idle connection must not outlast the wait for a connection.
                config.setValidationTimeout(min(connectionTimeout, MAXIMUM_VALIDATION_TIMEOUT).toMillis());
                DriverTimeouts.properties(url, socketTimeout, connectTimeout).forEach(config::addDataSourceProperty);
                dataSourceProperties.forEach(config::addDataSourceProperty);
                return new HikariDataSource(config);
            } catch (RuntimeException e) {
                throw new PersistenceException("Cannot open the Kameleoon database at " + JdbcUrls.mask(url)
                        + " as " + user + ": " + safeMessage(e), e);
            }
        }

        private KameleoonDatabase open(DataSource source, HikariDataSource owned, PoolThreadFactory threads,
                String description) {
            try {
                SqlDialect dialect;
                boolean skipLocked;
                try (Connection connection = source.getConnection()) {
                    dialect = SqlDialect.detect(connection);
                    skipLocked = dialect.supportsSkipLocked(connection);
                } catch (SQLException | IllegalArgumentException e) {
                    throw new PersistenceException("Cannot use the Kameleoon database (" + description + "): "
                            + safeMessage(e), e);
                }
                if (migrate) {
                    // A pool created here reads with a short timeout; migrations get a longer one (see there).
                    KameleoonMigrator.migrate(owned == null ? source
                            : new MigrationDataSource(owned, MIGRATION_SOCKET_TIMEOUT), dialect);
                } else {
                    KameleoonLogger.info("Kameleoon schema migration skipped (migrate=false)");
                }
                return new KameleoonDatabase(source, owned, threads, dialect, skipLocked, description);
            } catch (RuntimeException e) {
                if (owned != null) {
                    closePool(owned, threads);
                }
                throw e;
            }
        }

        private static Duration positive(String method, Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException(method + " must be positive, was " + timeout);
            }
            return timeout;
        }

        private static Duration atLeast(String method, Duration timeout, Duration minimum) {
            if (timeout.compareTo(minimum) < 0) {
                throw new IllegalArgumentException(method + " must be at least " + minimum.toMillis() + " ms, was "
                        + timeout);
            }
            return timeout;
        }

        private static Duration min(Duration a, Duration b) {
            return a.compareTo(b) <= 0 ? a : b;
        }

        private static DataSource lookup(String name) {
            InitialContext context = null;
            try {
                context = new InitialContext();
                Object found = context.lookup(name);
                if (!(found instanceof DataSource)) {
                    throw new PersistenceException("JNDI name " + name + " is not a javax.sql.DataSource but "
                            + (found == null ? "null" : found.getClass().getName()));
                }
                return (DataSource) found;
            } catch (NamingException e) {
                throw new PersistenceException("Cannot look up the Kameleoon data source " + name + ": "
                        + e.getMessage(), e);
            } finally {
                if (context != null) {
                    try {
                        context.close();
                    } catch (NamingException e) {
                        KameleoonLogger.debug(() -> "Closing the JNDI context failed: " + e.getMessage());
                    }
                }
            }
        }

        private static void createParent(Path file) {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                try {
                    Files.createDirectories(parent);
                } catch (IOException e) {
                    throw new PersistenceException("Cannot create the folder of the embedded database " + parent, e);
                }
            }
        }

        private String safeMessage(Exception e) {
            String message = String.valueOf(e.getMessage());
            if (password != null && !password.isEmpty()) {
                message = message.replace(password, MASK);
            }
            return JdbcUrls.mask(message);
        }
    }
}
