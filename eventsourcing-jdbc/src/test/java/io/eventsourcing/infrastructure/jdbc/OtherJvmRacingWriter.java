package io.eventsourcing.infrastructure.jdbc;

import io.eventsourcing.infrastructure.SequencedItem;
import io.eventsourcing.testing.RacingWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The racing writer of another JVM, run as a program by {@link CrossProcessConcurrencyTest}: arguments are the
 * JDBC URL, user, password, table, number of attempts and the sequence ids. Prints "ready" once connected, then
 * one line per landed item: sequence id, position, data.
 */
final class OtherJvmRacingWriter {

    private OtherJvmRacingWriter() {
    }

    public static void main(String[] args) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(args[0], args[1], args[2]);
        SequencedItemTable names = SequencedItemTable.SEQUENCED_ITEMS;
        JdbcActiveRecordStrategy store = new JdbcActiveRecordStrategy(dataSource, new SequencedItemTable(args[3],
                names.sequenceIdColumn(), names.positionColumn(), names.topicColumn(), names.dataColumn()));
        List<UUID> sequences = Arrays.stream(args, 5, args.length).map(UUID::fromString).toList();
        store.getItems(sequences.get(0));
        System.out.println("ready");
        System.out.flush();
        RacingWriter writer = new RacingWriter(store, sequences, "other-jvm").race(Integer.parseInt(args[4]));
        for (SequencedItem item : writer.accepted()) {
            System.out.println(item.sequenceId() + "\t" + item.position() + "\t"
                    + new String(item.data(), StandardCharsets.UTF_8));
        }
    }
}
