package io.eventsourcing.sample;

import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.context.annotation.Profile;

/** Searches every table of the application's schema in its JDBC database, as the database's metadata lists them. */
@Profile("!cassandra")
record JdbcStoredText(DataSource dataSource) implements StoredText {

    @Override
    public Set<String> placesOf(String text) {
        Set<String> places = new TreeSet<>();
        try (Connection connection = dataSource.getConnection()) {
            String quote = connection.getMetaData().getIdentifierQuoteString();
            for (String table : tables(connection)) {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT * FROM " + quote + table + quote)) {
                    while (rows.next()) {
                        for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                            if (StoredText.holds(bytes(rows.getObject(column)), text)) {
                                places.add((table + "." + rows.getMetaData().getColumnName(column))
                                        .toLowerCase(Locale.ROOT));
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot search the database", e);
        }
        return places;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        DatabaseMetaData metadata = connection.getMetaData();
        try (ResultSet rows = metadata.getTables(connection.getCatalog(), connection.getSchema(), "%",
                new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    /** A column's value as it is stored: the bytes of binary data, the text of anything else. */
    private static byte[] bytes(Object value) throws SQLException {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof Blob blob) {
            return blob.getBytes(1, Math.toIntExact(blob.length()));
        }
        String text = value instanceof Clob clob ? clob.getSubString(1, Math.toIntExact(clob.length()))
                : String.valueOf(value);
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
