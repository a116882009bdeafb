package io.eventsourcing.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TestDatabaseTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void answersSelectOne(TestDatabase database) throws SQLException {
        try (HikariDataSource dataSource = database.newDatabase()) {
            assertThat(queryInt(dataSource, "select 1")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void newDatabasesAreIsolated(TestDatabase database) throws SQLException {
        try (HikariDataSource first = database.newDatabase();
                HikariDataSource second = database.newDatabase()) {
            execute(first, "create table marker (id int)");

            assertThat(queryInt(first, "select count(*) from marker")).isZero();
            assertThatThrownBy(() -> queryInt(second, "select count(*) from marker")).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void sqliteWritersWaitForEachOther() throws Exception {
        try (HikariDataSource dataSource = TestDatabase.SQLITE.newDatabase()) {
            execute(dataSource, "create table event (writer int, version int, primary key (writer, version))");
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Future<Void>> writers = IntStream.range(0, 8)
                        .mapToObj(writer -> threads.submit(() -> appendEvents(dataSource, writer)))
                        .toList();
                for (Future<Void> writer : writers) {
                    writer.get();
                }
            } finally {
                threads.shutdown();
            }
            assertThat(queryInt(dataSource, "select count(*) from event")).isEqualTo(8 * 50);
        }
    }

    /** Appends 50 events, each in a transaction that reads the writer's last version before it writes. */
    private static Void appendEvents(DataSource dataSource, int writer) throws SQLException {
        for (int i = 0; i < 50; i++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement last = connection.prepareStatement(
                                "select coalesce(max(version), 0) from event where writer = ?");
                        PreparedStatement insert = connection.prepareStatement("insert into event values (?, ?)")) {
                    last.setInt(1, writer);
                    try (ResultSet rows = last.executeQuery()) {
                        rows.next();
                        insert.setInt(1, writer);
                        insert.setInt(2, rows.getInt(1) + 1);
                    }
                    insert.executeUpdate();
                }
                connection.commit();
            }
        }
        return null;
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int queryInt(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
