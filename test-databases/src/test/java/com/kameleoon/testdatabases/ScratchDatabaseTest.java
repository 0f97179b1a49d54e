package com.kameleoon.testdatabases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A scratch database exists, under its prefix, until closed; its URL reaches it; a bad prefix is refused. */
class ScratchDatabaseTest {
    @Test
    void itExistsUntilClosedAndItsUrlReachesIt() throws SQLException {
        DatabaseServer server = TestDatabaseServers.postgresql();
        ScratchDatabase scratch = ScratchDatabase.create(server, "kameleoon_scratch");
        try {
            assertTrue(scratch.name().startsWith("kameleoon_scratch_"), scratch.name());
            assertTrue(exists(server, scratch.name()));
            try (Connection connection = DriverManager.getConnection(scratch.url(), scratch.user(),
                    scratch.password()); ResultSet row = connection.createStatement()
                            .executeQuery("SELECT current_database()")) {
                assertTrue(row.next());
                assertEquals(scratch.name(), row.getString(1));
            }
        } finally {
            scratch.close();
        }
        assertFalse(exists(server, scratch.name()), "dropped by close");
    }

    @Test
    void aPrefixThatIsNotAPlainNameIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ScratchDatabase.create(TestDatabaseServers.postgresql(), "x; DROP DATABASE postgres"));
    }

    private static boolean exists(DatabaseServer server, String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection(server.adminUrl(), server.user(), server.password());
                PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }
}
