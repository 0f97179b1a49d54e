package com.kameleoon.persistence.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.persistence.KameleoonDatabase;
import com.kameleoon.persistence.KameleoonPersistence;
import com.kameleoon.persistence.internal.outbox.JdbcOutbox;
import com.kameleoon.persistence.testing.ForwardingDataSource;
import com.kameleoon.persistence.testing.TestDatabases;
import com.kameleoon.persistence.testing.Vendor;
import com.kameleoon.spi.ItemUpsert;
import com.kameleoon.spi.OutboxLine;
import com.kameleoon.spi.StoreException;
import com.kameleoon.spi.UnitWrite;
import com.kameleoon.spi.VisitorItem;
import com.kameleoon.spi.VisitorRepository;
import com.kameleoon.spi.WriteMark;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A write whose connection breaks during the commit, on every vendor: the JDBC repository reports the outcome as
 * unknown (not as "nothing written"), and the write's mark, stored in the same transaction, tells afterwards
 * whether it was committed. A break before the commit is an ordinary "unavailable". The break is injected between
 * the repository and a real pool of a real database: the commit really runs (or is really rolled back) and only
 * its acknowledgement is replaced by a connection failure, as when a network partition swallows it.
 */
@Timeout(60)
class CutCommitTest {
    private static final TestDatabases DATABASES = new TestDatabases();
    private static final JdbcOutbox.Settings OUTBOX = new JdbcOutbox.Settings(Duration.ofSeconds(30), Duration.ZERO,
            Duration.ZERO, 20, 100_000);

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    /** What the next connection call of interest does. */
    private enum Break { NONE, AFTER_COMMIT, BEFORE_COMMIT, FIRST_STATEMENT }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aBrokenCommitIsReportedUnknownAndItsMarkTellsWhetherItWasStored(Vendor vendor) {
        AtomicReference<Break> next = new AtomicReference<>(Break.NONE);
        String site = "cut-" + UUID.randomUUID().toString().substring(0, 8);
        try (KameleoonDatabase database = KameleoonDatabase.builder()
                .dataSource(new BreakingDataSource(DATABASES.migrated(vendor).dataSource(), next)).build();
                KameleoonPersistence persistence = KameleoonPersistence.create(database, site, 60_000,
                        System::currentTimeMillis, OUTBOX, false)) {
            VisitorRepository repository = persistence.repository();
            WriteMark first = new WriteMark(UUID.randomUUID().toString(), 1);

            next.set(Break.AFTER_COMMIT);
            assertThatThrownBy(() -> repository.write(first, List.of(unit("stored-anyway"))))
                    .isInstanceOfSatisfying(StoreException.class, e -> {
                        assertThat(e.isOutcomeUnknown()).isTrue();
                        assertThat(e.isUnavailable()).isTrue();
                    });
            assertThat(repository.isWritten(first)).as("the commit ran; only its answer was lost").isTrue();
            assertThat(repository.load("stored-anyway")).isNotNull();

            WriteMark second = first.next();
            next.set(Break.BEFORE_COMMIT);
            assertThatThrownBy(() -> repository.write(second, List.of(unit("never-stored"))))
                    .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.isOutcomeUnknown()).isTrue());
            assertThat(repository.isWritten(second)).as("rolled back: the mark stayed at the first write").isFalse();
            assertThat(repository.load("never-stored")).isNull();

            next.set(Break.FIRST_STATEMENT);
            assertThatThrownBy(() -> repository.write(second, List.of(unit("never-sent"))))
                    .isInstanceOfSatisfying(StoreException.class, e -> {
                        assertThat(e.isOutcomeUnknown()).as("nothing reached the commit").isFalse();
                        assertThat(e.isUnavailable()).isTrue();
                    });

            repository.write(second, List.of(unit("after")));
            assertThat(repository.isWritten(second)).isTrue();
            assertThat(repository.isWritten(second.next())).isFalse();
            assertThat(repository.isWritten(new WriteMark(UUID.randomUUID().toString(), 1)))
                    .as("a writer that never wrote").isFalse();
            List<OutboxLine> lines = persistence.outbox().claim(100);
            assertThat(lines).extracting(OutboxLine::visitorCode).containsExactly("stored-anyway", "after");
            persistence.outbox().complete(lines);
        }
    }

    private static UnitWrite unit(String code) {
        return new UnitWrite(code, new UnitWrite.Header(1_000L, "UNKNOWN", false, false),
                List.of(new ItemUpsert(new VisitorItem("CD", "1", "{\"v\":\"x\"}", false, 0), 0)), List.of(),
                List.of(), List.of("eventType=conversion&visitorCode=" + code));
    }

    /** Hands out the pool's connections, with the armed break applied to the next one that reaches it. */
    private static final class BreakingDataSource extends ForwardingDataSource {
        private final AtomicReference<Break> next;

        BreakingDataSource(DataSource pool, AtomicReference<Break> next) {
            super(pool);
            this.next = next;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return wrap(pool.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return wrap(pool.getConnection(username, password));
        }

        private Connection wrap(Connection real) {
            InvocationHandler handler = (proxy, method, args) -> {
                String name = method.getName();
                if (name.equals("commit") && next.get() == Break.AFTER_COMMIT) {
                    next.set(Break.NONE);
                    real.commit();
                    throw lost();
                }
                if (name.equals("commit") && next.get() == Break.BEFORE_COMMIT) {
                    next.set(Break.NONE);
                    real.rollback();
                    throw lost();
                }
                if (name.startsWith("prepare") && next.get() == Break.FIRST_STATEMENT) {
                    next.set(Break.NONE);
                    throw lost();
                }
                Object result = forward(real, method, args);
                if (result instanceof PreparedStatement && real.getAutoCommit() && next.get() != Break.NONE) {
                    // A write that is one statement in auto-commit commits when it runs: break around its run.
                    return breakingRun((PreparedStatement) result);
                }
                return result;
            };
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, handler);
        }

        private PreparedStatement breakingRun(PreparedStatement real) {
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getName().equals("execute") && next.get() == Break.AFTER_COMMIT) {
                    next.set(Break.NONE);
                    real.execute();
                    throw lost();
                }
                if (method.getName().equals("execute") && next.get() == Break.BEFORE_COMMIT) {
                    next.set(Break.NONE);
                    throw lost();
                }
                return forward(real, method, args);
            };
            return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, handler);
        }

        private static SQLException lost() {
            return new SQLNonTransientConnectionException("connection reset (injected)", "08006");
        }
    }
}
