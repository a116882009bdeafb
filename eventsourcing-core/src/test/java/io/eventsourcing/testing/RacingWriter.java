package io.eventsourcing.testing;

import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.ConcurrencyException;
import io.eventsourcing.infrastructure.PositionRange;
import io.eventsourcing.infrastructure.SequencedItem;
import io.eventsourcing.infrastructure.StoreException;
import io.eventsourcing.infrastructure.jdbc.JdbcActiveRecordStrategy;
import io.eventsourcing.infrastructure.jdbc.SequencedItemTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One writer of the concurrency race: reads the last position of a random sequence and appends the next
 * one, over and over. Run as a program, it races from a separate JVM and prints the items it landed.
 */
public final class RacingWriter {

    private final ActiveRecordStrategy store;
    private final List<UUID> sequences;
    private final String writer;
    private final List<SequencedItem> accepted = new ArrayList<>();
    private final List<SequencedItem> uncertain = new ArrayList<>();
    private boolean toleratesUnknownOutcomes;
    private int conflicts;

    public RacingWriter(ActiveRecordStrategy store, List<UUID> sequences, String writer) {
        this.store = store;
        this.sequences = sequences;
        this.writer = writer;
    }

    /**
     * Lets an attempt also end in a {@link StoreException} whose outcome the store cannot tell (a
     * distributed store's timeout): the item is then {@linkplain #uncertain() uncertain}, neither accepted
     * nor refused.
     */
    public RacingWriter toleratingUnknownOutcomes() {
        toleratesUnknownOutcomes = true;
        return this;
    }

    /** Makes the attempts; each lands or raises ConcurrencyException (or, if tolerated, has an unknown outcome). */
    public RacingWriter race(int attempts) {
        for (int attempt = 0; attempt < attempts; attempt++) {
            UUID id = sequences.get(ThreadLocalRandom.current().nextInt(sequences.size()));
            List<SequencedItem> last = store.getItems(id, PositionRange.all().inDescendingOrder().limit(1));
            long next = last.isEmpty() ? 0 : last.get(0).position() + 1;
            SequencedItem item = new SequencedItem(id, next, "test.Race",
                    "{\"writer\":\"" + writer + "\",\"attempt\":" + attempt + "}");
            try {
                store.append(item);
                accepted.add(item);
            } catch (ConcurrencyException e) {
                conflicts++;
            } catch (StoreException e) {
                if (!toleratesUnknownOutcomes) {
                    throw e;
                }
                uncertain.add(item);
            }
        }
        return this;
    }

    public List<SequencedItem> accepted() {
        return accepted;
    }

    public int conflicts() {
        return conflicts;
    }

    /** The items whose append ended with an unknown outcome: each may or may not be stored. */
    public List<SequencedItem> uncertain() {
        return uncertain;
    }

    /**
     * Races from this JVM: arguments are the JDBC URL, user, password, table, number of attempts and the
     * sequence ids. Prints "ready" once connected, then one line per landed item: sequence id, position, data.
     */
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
            System.out.println(item.sequenceId() + "\t" + item.position() + "\t" + item.data());
        }
    }
}
