package io.eventsourcing.sample;

import io.eventsourcing.testing.ConnectionDetails;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * One row of the sample's events table, {@code sequenced_items}, as the crash test reads it straight from the
 * database.
 *
 * @param position its position in its sequence
 * @param foo the foo in its data: an example's events have one; null for an aggregate's events
 */
record StoredRow(long position, String foo) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Every row of the table, by sequence id, each sequence in order of position. */
    static Map<UUID, List<StoredRow>> readAll(ConnectionDetails database) throws Exception {
        Map<UUID, List<StoredRow>> sequences = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(),
                database.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT sequence_id, position, data FROM sequenced_items ORDER BY sequence_id, position")) {
            while (rows.next()) {
                String foo = JSON.readTree(rows.getBytes("data")).path("foo").stringValue(null);
                sequences.computeIfAbsent(rows.getObject("sequence_id", UUID.class), id -> new ArrayList<>())
                        .add(new StoredRow(rows.getLong("position"), foo));
            }
        }
        return sequences;
    }
}
