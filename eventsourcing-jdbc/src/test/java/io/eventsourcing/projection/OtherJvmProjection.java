package io.eventsourcing.projection;

import com.zaxxer.hikari.HikariDataSource;
import io.eventsourcing.infrastructure.ClassTopicResolver;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import io.eventsourcing.infrastructure.jdbc.JdbcActiveRecordStrategy;
import io.eventsourcing.infrastructure.jdbc.JdbcProjectionPositions;
import io.eventsourcing.testing.ConnectionDetails;
import io.eventsourcing.testing.TestEvents.Renamed;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * A {@link RecordingProjection} in another JVM, run as a program by {@link ProjectionCrashTests} until it is
 * killed: arguments are the JDBC URL, user, password and the instance's owner name. It handles each event
 * slowly, then prints the event's originator on a line of its own, before the event's page commits.
 */
final class OtherJvmProjection {

    /** Pages of 50 events, and a short lease, so that a new instance takes over soon after a crash. */
    static final ProjectionSettings SETTINGS = new ProjectionSettings(50, Duration.ofSeconds(1),
            Duration.ofMillis(50));
    static final String VIEW = "view";

    private static final long PAUSE_MILLIS = 5;

    private OtherJvmProjection() {
    }

    public static void main(String[] args) throws InterruptedException {
        ConnectionDetails details = new ConnectionDetails(args[0], args[1], args[2]);
        HikariDataSource dataSource = details.newDataSource();
        PrintingProjection projection = new PrintingProjection(dataSource);
        projection.pause(PAUSE_MILLIS);
        projections(dataSource, projection, args[3]).start();
        Thread.currentThread().join();
    }

    /** The event store of the tables' default names on a database, which knows {@link Renamed} events. */
    static EventStore eventStore(DataSource dataSource) {
        return new EventStore(new JdbcActiveRecordStrategy(dataSource), SequencedItemMapper.builder()
                .topicResolver(new ClassTopicResolver(List.of(Renamed.class))).build());
    }

    /** The positions of the default table on a database. */
    static JdbcProjectionPositions positions(DataSource dataSource) {
        return new JdbcProjectionPositions(dataSource, JdbcProjectionPositions.PROJECTION_POSITIONS,
                new JdbcTransactionManager(dataSource));
    }

    /** A projection of the view on a database. */
    static RecordingProjection projection(DataSource dataSource) {
        return new RecordingProjection(dataSource, VIEW, new AtomicInteger(), new AtomicInteger());
    }

    /** The projections of an instance, not started, with one projection of the view on a database. */
    static Projections projections(DataSource dataSource, RecordingProjection projection, String owner) {
        return new Projections(eventStore(dataSource), positions(dataSource), List.of(projection), SETTINGS, owner);
    }

    /** Prints the originator of each event it has handled. */
    private static final class PrintingProjection extends RecordingProjection {

        PrintingProjection(DataSource dataSource) {
            super(dataSource, VIEW, new AtomicInteger(), new AtomicInteger());
        }

        @Override
        public void on(Renamed event, Generation generation) {
            super.on(event, generation);
            System.out.println(event.originatorId());
        }
    }
}
