package io.eventsourcing.infrastructure.jdbc;

import io.eventsourcing.projection.Generation;
import io.eventsourcing.projection.ProjectionPositions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps projections' generations and positions in a table of the application's database
 * ({@code projection_positions} by default, created by {@link FlywaySchemaMigration#forProjections}). A
 * position moves in a transaction of the application's transaction manager, which the projection's own writes
 * through the same data source join. Leases are kept in milliseconds of the instances' clocks; a clock that is
 * off shortens or lengthens them, but the position's check keeps two instances from applying the same events.
 */
public final class JdbcProjectionPositions implements ProjectionPositions {

    /** The default table. */
    public static final String PROJECTION_POSITIONS = "projection_positions";

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,47}");

    private static final String SELECT = """
            SELECT generation, serving, position FROM %s WHERE name = ? ORDER BY generation""";
    private static final String INSERT = """
            INSERT INTO %s (name, generation, serving, position, lease_owner, lease_until) VALUES (?, ?, ?, 0, NULL, 0)""";
    private static final String CLAIM = """
            UPDATE %s SET lease_owner = ?, lease_until = ? WHERE name = ? AND generation = ?
             AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < ?)""";
    private static final String SELECT_POSITION = """
            SELECT position FROM %s WHERE name = ? AND generation = ? AND lease_owner = ?""";
    private static final String RELEASE = """
            UPDATE %s SET lease_owner = NULL, lease_until = 0 WHERE name = ? AND generation = ? AND lease_owner = ?""";
    private static final String ADVANCE = """
            UPDATE %s SET position = ? WHERE name = ? AND generation = ? AND lease_owner = ? AND position = ?""";
    private static final String DELETE_ALL = """
            DELETE FROM %s WHERE name = ?""";
    private static final String SERVE = """
            UPDATE %s SET serving = ? WHERE name = ? AND generation = ? AND lease_owner = ? AND serving = ?""";
    private static final String DELETE_OTHERS = """
            DELETE FROM %s WHERE name = ? AND generation <> ?""";

    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transactionTemplate;
    private final String table;

    /**
     * Positions in a table of the data source, moved in transactions of the given manager (which must manage
     * the data source's connections, as Spring's JDBC and JPA transaction managers do).
     *
     * @throws IllegalArgumentException if the table's name is not a plain identifier
     */
    public JdbcProjectionPositions(DataSource dataSource, String table, PlatformTransactionManager transactionManager) {
        if (!IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("The table of projection positions must be a plain identifier of at "
                    + "most 48 lower-case letters, digits and underscores, starting with a letter or underscore; was '"
                    + table + "'");
        }
        this.jdbcTemplate = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
        this.transactionTemplate = new TransactionTemplate(
                Objects.requireNonNull(transactionManager, "transactionManager"));
        this.table = table;
    }

    @Override
    public List<TrackedGeneration> generations(String name) {
        List<TrackedGeneration> generations = select(name);
        if (!generations.isEmpty()) {
            return generations;
        }
        try {
            jdbcTemplate.update(sql(INSERT), name, 1, true);
        } catch (DuplicateKeyException e) {
            // another instance added it first
        }
        return select(name);
    }

    @Override
    public OptionalLong claim(String name, Generation generation, String owner, Duration lease) {
        long now = System.currentTimeMillis();
        if (jdbcTemplate.update(sql(CLAIM), owner, now + lease.toMillis(), name, generation.number(), owner,
                now) == 0) {
            return OptionalLong.empty();
        }
        return jdbcTemplate.queryForList(sql(SELECT_POSITION), Long.class, name, generation.number(), owner)
                .stream().mapToLong(Long::longValue).findFirst();
    }

    @Override
    public void release(String name, Generation generation, String owner) {
        jdbcTemplate.update(sql(RELEASE), name, generation.number(), owner);
    }

    @Override
    public boolean advance(String name, Generation generation, String owner, long from, long to, Runnable work) {
        return Boolean.TRUE.equals(transactionTemplate.execute(status -> {
            if (jdbcTemplate.update(sql(ADVANCE), to, name, generation.number(), owner, from) == 0) {
                return false;
            }
            work.run();
            return true;
        }));
    }

    @Override
    public Replacement reset(String name) {
        return transactionTemplate.execute(status -> {
            List<Generation> retired = select(name).stream().map(TrackedGeneration::generation).toList();
            Generation serving = next(retired);
            jdbcTemplate.update(sql(DELETE_ALL), name);
            jdbcTemplate.update(sql(INSERT), name, serving.number(), true);
            return new Replacement(serving, retired);
        });
    }

    @Override
    public Generation rebuild(String name) {
        return transactionTemplate.execute(status -> {
            List<TrackedGeneration> generations = select(name);
            Optional<Generation> building = generations.stream().filter(generation -> !generation.serving())
                    .map(TrackedGeneration::generation).findFirst();
            if (building.isPresent()) {
                return building.get();
            }
            Generation next = next(generations.stream().map(TrackedGeneration::generation).toList());
            jdbcTemplate.update(sql(INSERT), name, next.number(), false);
            return next;
        });
    }

    @Override
    public Optional<Replacement> promote(String name, Generation building, String owner) {
        return transactionTemplate.execute(status -> {
            if (jdbcTemplate.update(sql(SERVE), true, name, building.number(), owner, false) == 0) {
                return Optional.empty();
            }
            List<Generation> retired = select(name).stream().map(TrackedGeneration::generation)
                    .filter(generation -> !generation.equals(building)).toList();
            jdbcTemplate.update(sql(DELETE_OTHERS), name, building.number());
            return Optional.of(new Replacement(building, retired));
        });
    }

    /** The table. */
    public String table() {
        return table;
    }

    private List<TrackedGeneration> select(String name) {
        return jdbcTemplate.query(sql(SELECT), (row, index) -> new TrackedGeneration(new Generation(row.getInt(1)),
                row.getBoolean(2), row.getLong(3)), name);
    }

    private static Generation next(List<Generation> generations) {
        return new Generation(generations.stream().mapToInt(Generation::number).max().orElse(0) + 1);
    }

    private String sql(String template) {
        return template.formatted(table);
    }
}
