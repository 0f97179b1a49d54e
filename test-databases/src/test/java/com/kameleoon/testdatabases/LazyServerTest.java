package com.kameleoon.testdatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LazyServerTest {
    private static final String PREFIX = "kameleoon.test.lazy";

    @AfterEach
    void clearSettings() {
        System.clearProperty(PREFIX + ".url");
        System.clearProperty(PREFIX + ".user");
        System.clearProperty(PREFIX + ".password");
    }

    @Test
    void aConfiguredUrlWinsAndNothingIsStarted() {
        System.setProperty(PREFIX + ".url", "jdbc:postgresql://127.0.0.1:6543/postgres");
        System.setProperty(PREFIX + ".password", "s3cret");
        AtomicInteger starts = new AtomicInteger();
        LazyServer lazy = new LazyServer("PostgreSQL", PREFIX, "postgres", () -> {
            starts.incrementAndGet();
            throw new AssertionError("must not start");
        });

        DatabaseServer server = lazy.get();

        assertThat(server.embedded()).isFalse();
        assertThat(server.adminUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:6543/postgres");
        assertThat(server.user()).isEqualTo("postgres");
        assertThat(server.password()).isEqualTo("s3cret");
        assertThat(server.toString()).doesNotContain("s3cret").contains("****");
        assertThat(starts).hasValue(0);
    }

    @Test
    void withoutUrlTheEmbeddedServerIsStartedOnce() {
        AtomicInteger starts = new AtomicInteger();
        DatabaseServer embedded = new DatabaseServer("MariaDB", "jdbc:mariadb://127.0.0.1:1234/", "root", "", true);
        LazyServer lazy = new LazyServer("MariaDB", PREFIX, "root", () -> {
            starts.incrementAndGet();
            return embedded;
        });

        assertThat(lazy.get()).isSameAs(embedded);
        assertThat(lazy.get()).isSameAs(embedded);
        assertThat(starts).hasValue(1);
    }

    @Test
    void aFailedStartIsReportedToEveryCallerWithoutRetrying() {
        AtomicInteger starts = new AtomicInteger();
        LazyServer lazy = new LazyServer("PostgreSQL", PREFIX, "postgres", () -> {
            starts.incrementAndGet();
            throw TestDatabaseServers.cannotStart("PostgreSQL", PREFIX, new java.io.IOException("no initdb"));
        });

        assertThatThrownBy(lazy::get).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no initdb").hasMessageContaining(PREFIX + ".url")
                .hasMessageContaining("KAMELEOON_TEST_LAZY_URL");
        assertThatThrownBy(lazy::get).isInstanceOf(IllegalStateException.class).hasMessageContaining("no initdb");
        assertThat(starts).hasValue(1);
    }

    @Test
    void urlOfReplacesTheDatabaseAndKeepsProperties() {
        DatabaseServer server = new DatabaseServer("PostgreSQL",
                "jdbc:postgresql://127.0.0.1:5432/postgres?sslmode=disable", "postgres", "", false);
        assertThat(server.urlOf("kameleoon_test_x"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/kameleoon_test_x?sslmode=disable");
        DatabaseServer maria = new DatabaseServer("MariaDB", "jdbc:mariadb://127.0.0.1:3306/", "root", "", false);
        assertThat(maria.urlOf("db1")).isEqualTo("jdbc:mariadb://127.0.0.1:3306/db1");
    }
}
