package com.kameleoon.persistence.testing;

import com.kameleoon.persistence.KameleoonDatabase;
import java.util.List;

/** One-line queries for assertions. */
public final class Sql {
    private Sql() {
    }

    /**
     * Runs a query of one integer (a count, say).
     *
     * @param database the database
     * @param sql the query
     * @return the integer
     */
    public static int integer(KameleoonDatabase database, String sql) {
        return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    /**
     * Runs a query of one string column.
     *
     * @param database the database
     * @param sql the query
     * @return the values in order
     */
    public static List<String> strings(KameleoonDatabase database, String sql) {
        return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }
}
