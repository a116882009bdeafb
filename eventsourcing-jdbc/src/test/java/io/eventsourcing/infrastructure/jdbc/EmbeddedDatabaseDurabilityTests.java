package io.eventsourcing.infrastructure.jdbc;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsourcing.infrastructure.InvalidSettingException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** An embedded database whose settings would lose acknowledged commits when the process dies is refused. */
class EmbeddedDatabaseDurabilityTests {

    @TempDir
    private Path directory;

    @Test
    void anH2FileThatDelaysItsWritesIsRefusedNamingTheSetting() {
        DataSource dataSource = new DriverManagerDataSource("jdbc:h2:file:" + directory.resolve("delayed"), "sa", "");

        assertThatThrownBy(() -> new JdbcActiveRecordStrategy(dataSource))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("WRITE_DELAY=500")
                .hasMessageContaining("add ;WRITE_DELAY=0 to the JDBC URL")
                .extracting(e -> ((InvalidSettingException) e).getSetting()).isEqualTo("url");
    }

    @Test
    void anH2FileThatWritesEachCommitAndAnH2InMemoryAreAccepted() {
        assertThatNoException().isThrownBy(() -> JdbcDialect.H2.requireDurable(new DriverManagerDataSource(
                "jdbc:h2:file:" + directory.resolve("durable") + ";WRITE_DELAY=0", "sa", "")));
        assertThatNoException().isThrownBy(() -> JdbcDialect.H2.requireDurable(
                new DriverManagerDataSource("jdbc:h2:mem:volatile", "sa", "")));
    }

    @Test
    void anSqliteFileWithoutAJournalOnDiskIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> JdbcDialect.SQLITE.requireDurable(sqlite("journal_mode=MEMORY")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("journal_mode=memory")
                .hasMessageContaining("set journal_mode=WAL");
    }

    @Test
    void anSqliteFileThatDoesNotSyncIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> JdbcDialect.SQLITE.requireDurable(sqlite("journal_mode=WAL&synchronous=OFF")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("synchronous=OFF");
    }

    @Test
    void anSqliteFileInWalModeAndAnSqliteInMemoryAreAccepted() {
        assertThatNoException().isThrownBy(() -> JdbcDialect.SQLITE.requireDurable(sqlite("journal_mode=WAL")));
        assertThatNoException().isThrownBy(() -> JdbcDialect.SQLITE.requireDurable(sqlite("synchronous=NORMAL")));
        assertThatNoException().isThrownBy(() -> JdbcDialect.SQLITE.requireDurable(
                new SingleConnectionDataSource("jdbc:sqlite::memory:", true)));
    }

    @Test
    void serversAreNotInspected() {
        DataSource unreachable = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none", "user", "");

        assertThatNoException().isThrownBy(() -> JdbcDialect.POSTGRESQL.requireDurable(unreachable));
        assertThatNoException().isThrownBy(() -> JdbcDialect.MYSQL.requireDurable(unreachable));
    }

    private DataSource sqlite(String settings) {
        // One connection, so that the URL's per-connection settings are the ones inspected.
        return new SingleConnectionDataSource("jdbc:sqlite:" + directory.resolve("events.db") + "?" + settings, true);
    }
}
