package io.eventsourcing.autoconfigure;

import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.StoredItem;
import io.eventsourcing.infrastructure.cassandra.CassandraActiveRecordStrategy;
import io.eventsourcing.infrastructure.jdbc.JdbcActiveRecordStrategy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Objects;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.ClassUtils;

/**
 * Looks at the event store for the Actuator endpoint, the health indicator and the metrics: what and where it is,
 * how many events it holds, the position of its last one. Knows the JDBC and Cassandra stores when their modules
 * are on the class path; any other store only by its class. Thread-safe.
 */
final class StoreInspector {

    private static final Logger log = LoggerFactory.getLogger(StoreInspector.class);
    private static final ClassLoader CLASS_LOADER = StoreInspector.class.getClassLoader();
    private static final boolean JDBC = ClassUtils.isPresent(
            "io.eventsourcing.infrastructure.jdbc.JdbcActiveRecordStrategy", CLASS_LOADER);
    private static final boolean CASSANDRA = ClassUtils.isPresent(
            "io.eventsourcing.infrastructure.cassandra.CassandraActiveRecordStrategy", CLASS_LOADER);

    private final ActiveRecordStrategy store;
    private final StoreDescription description;

    /** Describes the store at once; the database's name and schema from a connection of the data source if given. */
    StoreInspector(ActiveRecordStrategy store, @Nullable DataSource dataSource) {
        this.store = Objects.requireNonNull(store, "store");
        this.description = describe(store, dataSource);
    }

    StoreDescription description() {
        return description;
    }

    /** How many events the store holds; empty if it cannot count them (Cassandra would read them all). */
    OptionalLong countEvents() {
        return JDBC ? JdbcStores.count(store) : OptionalLong.empty();
    }

    /** The log position of the store's last event; empty if it holds none. */
    OptionalLong lastPosition() {
        return store.getLastStoredItem().map(StoredItem::storagePosition).map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    private static StoreDescription describe(ActiveRecordStrategy store, @Nullable DataSource dataSource) {
        StoreDescription known = JDBC ? JdbcStores.describe(store, dataSource) : null;
        if (known == null && CASSANDRA) {
            known = CassandraStores.describe(store);
        }
        return known != null ? known : new StoreDescription(store.getClass().getSimpleName(), null, null, null);
    }

    /** The JDBC store; loaded only when its module is on the class path. */
    private static final class JdbcStores {

        static @Nullable StoreDescription describe(ActiveRecordStrategy store, @Nullable DataSource dataSource) {
            if (!(store instanceof JdbcActiveRecordStrategy jdbc)) {
                return null;
            }
            String table = jdbc.getTable().table();
            if (dataSource == null) {
                return new StoreDescription("jdbc", null, null, table);
            }
            try (Connection connection = dataSource.getConnection()) {
                DatabaseMetaData metaData = connection.getMetaData();
                return new StoreDescription("jdbc", metaData.getDatabaseProductName() + " "
                        + metaData.getDatabaseProductVersion(), schema(connection), table);
            } catch (SQLException | RuntimeException e) {
                log.debug("Could not read the database's name and schema: {}", e.getMessage());
                return new StoreDescription("jdbc", null, null, table);
            }
        }

        /** The connection's schema, or its catalog where the database has no schemas (MariaDB's databases). */
        private static @Nullable String schema(Connection connection) {
            try {
                return connection.getSchema() != null ? connection.getSchema() : connection.getCatalog();
            } catch (SQLException e) {
                return null;
            }
        }

        static OptionalLong count(ActiveRecordStrategy store) {
            return store instanceof JdbcActiveRecordStrategy jdbc ? OptionalLong.of(jdbc.countItems())
                    : OptionalLong.empty();
        }
    }

    /** The Cassandra store; loaded only when its module is on the class path. */
    private static final class CassandraStores {

        static @Nullable StoreDescription describe(ActiveRecordStrategy store) {
            return store instanceof CassandraActiveRecordStrategy cassandra
                    ? new StoreDescription("cassandra", "Apache Cassandra", cassandra.getTables().keyspace(),
                            cassandra.getTables().table())
                    : null;
        }
    }
}
