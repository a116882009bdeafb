package io.eventsourcing.infrastructure.jdbc;

import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import io.eventsourcing.testing.AbstractDcbEventStoreTests;
import io.eventsourcing.testing.JdbcStores;
import io.eventsourcing.testing.TestDatabase;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The DCB event store contract on every database, in transactions of its default isolation. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class JdbcDcbEventStoreContractTests extends AbstractDcbEventStoreTests {

    @Parameter
    TestDatabase database;

    @Override
    protected Stores createStores() {
        return DcbStores.create(JdbcStores.newStore(database, SequencedItemTable.SEQUENCED_ITEMS));
    }

    /** A DCB store on a new table, with the event store of the same table. */
    static final class DcbStores {

        private DcbStores() {
        }

        static Stores create(JdbcActiveRecordStrategy items) {
            FlywaySchemaMigration.forDcb(items.dataSource(), items.getTable(), items.getDialect()).migrate();
            SequencedItemMapper mapper = SequencedItemMapper.create();
            return new Stores(new JdbcDcbEventStore(items, mapper), new EventStore(items, mapper));
        }
    }
}
