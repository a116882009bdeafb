package io.eventsourcing.sample;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.annotation.Profile;

/** Searches every table of the application's keyspace in Cassandra, as the schema's metadata lists them. */
@Profile("cassandra")
record CassandraStoredText(CqlSession session) implements StoredText {

    @Override
    public Set<String> placesOf(String text) {
        CqlIdentifier keyspace = session.getKeyspace().orElseThrow();
        Set<String> places = new TreeSet<>();
        for (TableMetadata table : session.getMetadata().getKeyspace(keyspace).orElseThrow().getTables().values()) {
            String query = "SELECT * FROM " + keyspace.asCql(true) + "." + table.getName().asCql(true);
            for (Row row : session.execute(query)) {
                for (ColumnDefinition column : row.getColumnDefinitions()) {
                    if (StoredText.holds(bytes(row.getObject(column.getName())), text)) {
                        places.add((table.getName().asInternal() + "." + column.getName().asInternal())
                                .toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return places;
    }

    /** A column's value as it is stored: the bytes of a blob, the text of anything else. */
    private static byte[] bytes(Object value) {
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
        return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    }
}
