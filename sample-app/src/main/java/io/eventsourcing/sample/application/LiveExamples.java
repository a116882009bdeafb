package io.eventsourcing.sample.application;

import io.eventsourcing.domain.PersonalDataForgotten;
import io.eventsourcing.domain.TimestampedVersionedEntity.Discarded;
import io.eventsourcing.infrastructure.jdbc.JdbcDialect;
import io.eventsourcing.projection.Generation;
import io.eventsourcing.projection.Handler;
import io.eventsourcing.projection.Notification;
import io.eventsourcing.projection.Projection;
import io.eventsourcing.projection.ProjectionPositions;
import io.eventsourcing.projection.ViewGenerations;
import io.eventsourcing.sample.domain.Example;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live examples, kept from the log by the {@code live-examples} projection in a table per generation
 * ({@code live_examples_<n>}) of the application's database, and read a page at a time, newest first.
 * <p>
 * Each example is numbered ({@code seq}) in the order its creation reached the log: a total order that every
 * generation rebuilds the same, so that paging after an example never skips or repeats one. A discarded example
 * stays in the table, marked, so that it still marks its place for paging; so does an example whose personal data
 * was forgotten, marked the same, its {@code foo} deleted. {@code foo} is stored as a JSON string with every
 * non-ASCII character escaped, so that any text (NUL, a lone surrogate) is kept exactly on every database; an
 * erased one as JSON's null. Not with the "cassandra" profile: the projection's positions and table need the JDBC
 * database.
 */
@Component
@Profile("!cassandra")
@Projection(LiveExamples.NAME)
public class LiveExamples implements ViewGenerations {

    /** The projection's name. */
    public static final String NAME = "live-examples";

    private static final String TABLE = "live_examples";
    private static final JsonMapper TEXT = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private static final String CREATE = """
            CREATE TABLE IF NOT EXISTS %s (id VARCHAR(36) NOT NULL PRIMARY KEY, seq BIGINT NOT NULL UNIQUE,
             foo %s NOT NULL, version BIGINT NOT NULL, discarded BOOLEAN NOT NULL)""";
    private static final String INSERT = """
            INSERT INTO %1$s (id, seq, foo, version, discarded)
             SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ? FROM %1$s""";
    private static final String CHANGE_FOO = "UPDATE %s SET foo = ?, version = ? WHERE id = ?";
    private static final String DISCARD = "UPDATE %s SET discarded = TRUE WHERE id = ?";
    private static final String ERASE = "UPDATE %s SET foo = ?, discarded = TRUE WHERE id = ?";
    private static final String SEQ = "SELECT seq FROM %s WHERE id = ?";
    private static final String PAGE = """
            SELECT id, foo, version FROM %s WHERE discarded = FALSE AND seq < ? ORDER BY seq DESC LIMIT ?""";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final ProjectionPositions positions;

    public LiveExamples(DataSource dataSource, ProjectionPositions positions) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.positions = positions;
    }

    /** A creation read after the example's personal data was forgotten comes erased, without foo: not listed. */
    @Handler
    public void created(Example.Created event, Generation generation, Notification notification) {
        jdbc.update(INSERT.formatted(generation.table(TABLE)), event.originatorId().toString(), stored(event.foo()),
                event.originatorVersion() + 1, notification.erased());
    }

    @Handler
    public void fooChanged(Example.FooChanged event, Generation generation) {
        jdbc.update(CHANGE_FOO.formatted(generation.table(TABLE)), stored(event.foo()), event.originatorVersion() + 1,
                event.originatorId().toString());
    }

    /** Every entity's discard comes here; those of other entities than examples match no row. */
    @Handler
    public void discarded(Discarded event, Generation generation) {
        jdbc.update(DISCARD.formatted(generation.table(TABLE)), event.originatorId().toString());
    }

    /** Every forgotten data subject comes here: an example's {@code foo} is deleted, and it is no longer listed. */
    @Handler
    public void personalDataForgotten(PersonalDataForgotten event, Generation generation) {
        jdbc.update(ERASE.formatted(generation.table(TABLE)), stored(null), event.subjectId().toString());
    }

    /**
     * At most {@code limit} live examples, newest first, from the newest or from the one after {@code after}, in
     * the serving generation's table (a replaced generation's table outlives the swap by a grace period, so a
     * query that read the serving generation just before still finds it).
     *
     * @throws ExampleNotListedException if {@code after} names no example that the table holds, discarded or not
     */
    public List<LiveExample> page(int limit, @Nullable UUID after) {
        return page(positions.servingGeneration(NAME).table(TABLE), limit, after);
    }

    private List<LiveExample> page(String table, int limit, @Nullable UUID after) {
        long before = Long.MAX_VALUE;
        if (after != null) {
            before = jdbc.queryForList(SEQ.formatted(table), Long.class, after.toString()).stream().findFirst()
                    .orElseThrow(() -> new ExampleNotListedException(after));
        }
        return jdbc.query(PAGE.formatted(table), (row, index) -> new LiveExample(UUID.fromString(row.getString(1)),
                TEXT.readValue(row.getString(2), String.class), row.getLong(3)), before, limit);
    }

    /** Creates a generation's table, before it serves or before its first event. */
    @Override
    public void create(Generation generation) {
        try {
            jdbc.execute(CREATE.formatted(generation.table(TABLE), textType(JdbcDialect.of(dataSource))));
        } catch (DuplicateKeyException e) {
            // PostgreSQL: another CREATE TABLE IF NOT EXISTS of this table ran at the same moment, and created it.
        }
    }

    @Override
    public void drop(Generation generation) {
        jdbc.execute("DROP TABLE IF EXISTS " + generation.table(TABLE));
    }

    /** A column for text of any length: MariaDB's and MySQL's TEXT holds 64 KB only. */
    private static String textType(JdbcDialect dialect) {
        return dialect == JdbcDialect.MYSQL ? "LONGTEXT" : "TEXT";
    }

    private static String stored(@Nullable String foo) {
        return TEXT.writeValueAsString(foo);
    }
}
