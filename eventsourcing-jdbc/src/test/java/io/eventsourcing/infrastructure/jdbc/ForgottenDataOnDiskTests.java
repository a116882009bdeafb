package io.eventsourcing.infrastructure.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.eventsourcing.application.PersistencePolicy;
import io.eventsourcing.domain.EventBus;
import io.eventsourcing.domain.Mutator;
import io.eventsourcing.infrastructure.EventPlayer;
import io.eventsourcing.infrastructure.EventSequencing;
import io.eventsourcing.infrastructure.EventSourcedRepository;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import io.eventsourcing.infrastructure.codec.AESCipher;
import io.eventsourcing.infrastructure.shredding.DataSubjects;
import io.eventsourcing.infrastructure.shredding.SubjectKeys;
import io.eventsourcing.infrastructure.snapshot.EventSourcedSnapshotStrategy;
import io.eventsourcing.infrastructure.snapshot.SnapshotPolicy;
import io.eventsourcing.testing.JdbcStores;
import io.eventsourcing.testing.TestDatabase;
import io.eventsourcing.testing.TestItems;
import io.eventsourcing.testing.shredding.Customer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * After a data subject is forgotten, no file of the database (tables, indexes, write-ahead and redo logs) holds a
 * byte of its personal data, while the same search finds the data that is not personal.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class ForgottenDataOnDiskTests {

    private static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @Parameter
    TestDatabase database;

    @Test
    void noFileOfTheDatabaseHoldsTheForgottenSubjectsPersonalData() throws IOException {
        try (HikariDataSource dataSource = (database == TestDatabase.H2 ? database.newSharedConnectionDetails()
                : database.newConnectionDetails()).newDataSource()) {
            forgetAndSearch(dataSource);
        }
    }

    private void forgetAndSearch(DataSource dataSource) throws IOException {
        JdbcActiveRecordStrategy items = JdbcStores.newStore(dataSource, SequencedItemTable.SEQUENCED_ITEMS);
        JdbcActiveRecordStrategy snapshotItems = JdbcStores.newStore(dataSource, SequencedItemTable.SNAPSHOTS);
        FlywaySchemaMigration.forDataKeys(dataSource, items.getTable(), items.getDialect()).migrate();
        SubjectKeys keys = new SubjectKeys(new JdbcDataKeyStore(items), AESCipher.fromBase64(MASTER_KEY), 10);
        EventStore eventStore = new EventStore(items, SequencedItemMapper.builder().subjectKeys(keys).build());
        EventSourcedSnapshotStrategy snapshots = new EventSourcedSnapshotStrategy(new EventStore(snapshotItems,
                SequencedItemMapper.builder().sequencing(EventSequencing.TIMESTAMPED).subjectKeys(keys).build()),
                JsonMapper.builder().build());
        EventBus bus = new EventBus();
        new PersistencePolicy(eventStore, bus).subscribe();
        EventSourcedRepository<Customer> customers = new EventSourcedRepository<>(new EventPlayer<>(eventStore,
                Mutator.ofEntityClass(Customer.class), snapshots, Customer.class, SnapshotPolicy.everyNEvents(1)), bus);
        String personal = "personal-" + UUID.randomUUID();
        String plain = "plan-" + UUID.randomUUID();
        Customer customer = Customer.register(personal, personal + "@example.org", plain);
        customer.moveTo("1 " + personal + " Street");
        customers.save(customer);
        customers.get(customer.getId());

        new DataSubjects(eventStore, snapshots).forget(customer.getId());
        writeOut(new JdbcTemplate(dataSource));

        List<Path> files = filesOf(new JdbcTemplate(dataSource));
        assertThat(files.stream().filter(file -> holds(file, plain))).as("files holding what is not personal")
                .isNotEmpty();
        assertThat(files.stream().filter(file -> holds(file, personal))).as("files holding personal data").isEmpty();
    }

    /** Has the database write what it holds in memory to its files. */
    private void writeOut(JdbcTemplate jdbc) {
        switch (database) {
            case H2 -> jdbc.execute("CHECKPOINT SYNC");
            case SQLITE -> jdbc.queryForList("PRAGMA wal_checkpoint(FULL)");
            case POSTGRESQL -> jdbc.execute("CHECKPOINT");
            case MARIADB -> jdbc.execute("FLUSH TABLES");
        }
    }

    /** Every file of the database's directory: the server's data directory, or the embedded database's folder. */
    private List<Path> filesOf(JdbcTemplate jdbc) throws IOException {
        Path directory = switch (database) {
            case H2 -> Path.of(jdbc.queryForObject("SELECT DATABASE_PATH()", String.class)).getParent();
            case SQLITE -> Path.of(jdbc.queryForObject("SELECT file FROM pragma_database_list WHERE name = 'main'",
                    String.class)).getParent();
            case POSTGRESQL -> Path.of(jdbc.queryForObject("SHOW data_directory", String.class));
            case MARIADB -> Path.of(jdbc.queryForObject("SELECT @@datadir", String.class));
        };
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }

    private static boolean holds(Path file, String text) {
        try {
            return TestItems.holds(Files.readAllBytes(file), text);
        } catch (IOException e) {
            return false; // a file the server removed meanwhile, or keeps locked
        }
    }
}
