package com.kameleoon.persistence;

import com.kameleoon.persistence.internal.MigrationScripts;
import com.kameleoon.persistence.internal.SqlDialect;
import java.io.PrintStream;

/**
 * Prints the SQL of the Kameleoon migrations, for teams that run their own migrations:
 * <pre>
 * java -cp kameleoon-persistence.jar:kameleoon-migrations.jar \
 *     com.kameleoon.persistence.PrintMigrations postgresql &gt; kameleoon.sql
 * </pre>
 * (the two jars are enough). The output is {@link KameleoonMigrator#printSql}'s. The argument is {@code h2}, {@code postgresql} or {@code mysql} ({@code mariadb} is an alias). Exit code 2 on
 * a bad argument.
 */
public final class PrintMigrations {
    private PrintMigrations() {
    }

    /**
     * Entry point.
     *
     * @param args one vendor name
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Prints the SQL of one vendor.
     *
     * @param args one vendor name
     * @param out where the SQL goes
     * @param err where the usage goes
     * @return the exit status: 0, or 2 on a bad argument
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args == null || args.length != 1) {
            err.println("usage: PrintMigrations h2|postgresql|mysql|mariadb");
            return 2;
        }
        SqlDialect dialect;
        try {
            dialect = SqlDialect.fromName(args[0]);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("usage: PrintMigrations h2|postgresql|mysql|mariadb");
            return 2;
        }
        // Not through KameleoonMigrator: this command needs no Flyway on the class path.
        out.print(MigrationScripts.print(dialect, PrintMigrations.class.getClassLoader()));
        out.flush();
        return 0;
    }
}
