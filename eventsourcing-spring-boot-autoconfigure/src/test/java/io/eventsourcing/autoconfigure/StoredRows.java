package io.eventsourcing.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads tables directly, to see what the store wrote. */
final class StoredRows {

    private StoredRows() {
    }

    static int count(DataSource dataSource, String table) {
        return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    /** The topics of the table's items in storage order, from their numbers in the column. */
    static List<String> topics(DataSource dataSource, String table, String topicColumn) {
        return new JdbcTemplate(dataSource).queryForList("SELECT t.topic FROM " + table + " i JOIN " + table
                + "_topics t ON t.id = i." + topicColumn + " ORDER BY i.id", String.class);
    }

    /** The data of the table's items in storage order, each byte a character (ISO-8859-1), to look into. */
    static List<String> data(DataSource dataSource, String table) {
        return new JdbcTemplate(dataSource).query("SELECT data FROM " + table + " ORDER BY id",
                (row, index) -> new String(row.getBytes(1), StandardCharsets.ISO_8859_1));
    }

    /** Whether the database has the table, in whatever case it keeps the name (Flyway quotes its own). */
    static boolean tableExists(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection();
             ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, "%", null)) {
            while (tables.next()) {
                if (table.equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
                    return true;
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
