package com.kameleoon.persistence.testing;

import com.kameleoon.persistence.KameleoonDatabase;
import java.time.Duration;

/**
 * Lets time pass, at once, for what a database stored. Expiry is decided by the database clock, which a test cannot
 * move; moving the stored expiry times back by a duration leaves the rows where that much time would have left
 * them, without waiting and without racing a short session on a slow host.
 */
public final class StoredTime {
    private StoredTime() {
    }

    /**
     * Moves the expiry time of every visitor of a site back.
     *
     * @param database the database
     * @param siteCode the site
     * @param duration how much time passes for those visitors
     */
    public static void passForVisitors(KameleoonDatabase database, String siteCode, Duration duration) {
        database.jdbi().useHandle(handle -> handle.createUpdate("UPDATE kameleoon_visitor SET expires_at = "
                + plusMillis(database, "expires_at", ":back") + " WHERE site_code = :site")
                .bind("back", -duration.toMillis()).bind("site", siteCode).execute());
    }

    /**
     * Makes every outbox line of a site older: moves its creation time back.
     *
     * @param database the database
     * @param siteCode the site
     * @param duration how much older the lines become
     */
    public static void passForOutboxLines(KameleoonDatabase database, String siteCode, Duration duration) {
        database.jdbi().useHandle(handle -> handle.createUpdate("UPDATE kameleoon_outbox SET created_at = "
                + plusMillis(database, "created_at", ":back") + " WHERE site_code = :site")
                .bind("back", -duration.toMillis()).bind("site", siteCode).execute());
    }

    /** The column plus a number of milliseconds, as the dialect's own "now plus" expression does it. */
    private static String plusMillis(KameleoonDatabase database, String column, String placeholder) {
        switch (database.dialect()) {
            case H2:
                return "DATEADD(MILLISECOND, CAST(" + placeholder + " AS BIGINT), " + column + ")";
            case POSTGRESQL:
                return column + " + (CAST(" + placeholder + " AS BIGINT) * INTERVAL '1 millisecond')";
            case MYSQL:
                return "TIMESTAMPADD(MICROSECOND, CAST(" + placeholder + " AS SIGNED) * 1000, " + column + ")";
            default:
                throw new AssertionError(database.dialect());
        }
    }
}
