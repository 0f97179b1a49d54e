package com.kameleoon.persistence.testing;

import com.kameleoon.persistence.KameleoonDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/** Reads tables, columns and indexes of the current schema through JDBC metadata; names in lower case. */
public final class SchemaInspector {
    private SchemaInspector() {
    }

    /**
     * Lists the tables of the connection's current schema.
     *
     * @param database the database
     * @return the table names, lower case
     */
    public static Set<String> tables(KameleoonDatabase database) {
        return tables(database.dataSource());
    }

    /**
     * Lists the tables of the connection's current schema.
     *
     * @param dataSource the data source
     * @return the table names, lower case
     */
    public static Set<String> tables(DataSource dataSource) {
        Set<String> names = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet rs = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(),
                        "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    /**
     * Lists the columns of a table.
     *
     * @param database the database
     * @param table the table name, any case
     * @return the column names, lower case
     */
    public static Set<String> columns(KameleoonDatabase database, String table) {
        Set<String> names = new TreeSet<>();
        try (Connection connection = database.dataSource().getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            try (ResultSet rs = metaData.getColumns(connection.getCatalog(), connection.getSchema(),
                    identifier(metaData, table), "%")) {
                while (rs.next()) {
                    names.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    /**
     * Lists the indexes of a table (primary keys included).
     *
     * @param database the database
     * @param table the table name, any case
     * @return the index names, lower case
     */
    public static Set<String> indexes(KameleoonDatabase database, String table) {
        Set<String> names = new TreeSet<>();
        try (Connection connection = database.dataSource().getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            try (ResultSet rs = metaData.getIndexInfo(connection.getCatalog(), connection.getSchema(),
                    identifier(metaData, table), false, false)) {
                while (rs.next()) {
                    String name = rs.getString("INDEX_NAME");
                    if (name != null) {
                        names.add(name.toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    private static String identifier(DatabaseMetaData metaData, String name) throws SQLException {
        if (metaData.storesUpperCaseIdentifiers()) {
            return name.toUpperCase(Locale.ROOT);
        }
        if (metaData.storesLowerCaseIdentifiers()) {
            return name.toLowerCase(Locale.ROOT);
        }
        return name;
    }
}
