package io.eventsourcing.benchmarks;

import io.eventsourcing.application.PersistencePolicy;
import io.eventsourcing.domain.Mutator;
import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.EventPlayer;
import io.eventsourcing.infrastructure.EventSequencing;
import io.eventsourcing.infrastructure.EventSourcedRepository;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import io.eventsourcing.infrastructure.codec.Cipher;
import io.eventsourcing.infrastructure.jdbc.JdbcActiveRecordStrategy;
import io.eventsourcing.infrastructure.jdbc.SequencedItemTable;
import io.eventsourcing.infrastructure.snapshot.EventSourcedSnapshotStrategy;
import io.eventsourcing.infrastructure.snapshot.SnapshotPolicy;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workloads through the library's public API: an event store, a persistence policy that stores what aggregates
 * publish on save, and repositories that rebuild accounts, one of them from snapshots.
 */
final class LibraryWorkloads implements Workloads, AutoCloseable {

    private final EventStore eventStore;
    private final PersistencePolicy persistencePolicy;
    private final EventSourcedRepository<Account> accounts;
    private final EventSourcedRepository<Account> snapshottedAccounts;

    /** The workloads on the data source's tables; events (and snapshots) encrypted when a cipher is given. */
    LibraryWorkloads(DataSource dataSource, JsonMapper jsonMapper, @Nullable Cipher cipher) {
        this(new JdbcActiveRecordStrategy(dataSource, SequencedItemTable.SEQUENCED_ITEMS),
                new JdbcActiveRecordStrategy(dataSource, SequencedItemTable.SNAPSHOTS), jsonMapper, cipher);
    }

    /**
     * The workloads on any store: events in one, snapshots in the other (JDBC tables, Cassandra tables...); events
     * (and snapshots) encrypted when a cipher is given.
     */
    LibraryWorkloads(ActiveRecordStrategy events, ActiveRecordStrategy snapshots, JsonMapper jsonMapper,
                     @Nullable Cipher cipher) {
        this.eventStore = new EventStore(events, SequencedItemMapper.builder().jsonMapper(jsonMapper)
                .cipher(cipher).build());
        EventStore snapshotStore = new EventStore(snapshots, SequencedItemMapper.builder().jsonMapper(jsonMapper)
                .sequencing(EventSequencing.TIMESTAMPED).cipher(cipher).build());
        Mutator<Account> mutator = Mutator.ofEntityClass(Account.class);
        this.accounts = new EventSourcedRepository<>(eventStore, mutator);
        this.snapshottedAccounts = new EventSourcedRepository<>(new EventPlayer<>(eventStore, mutator,
                new EventSourcedSnapshotStrategy(snapshotStore, jsonMapper), Account.class, SnapshotPolicy.never()));
        this.persistencePolicy = new PersistencePolicy(eventStore);
    }

    /** The event store, for seeding data. */
    EventStore eventStore() {
        return eventStore;
    }

    /**
     * Stores what aggregates publish from now on, until {@link #close()}. Subscriptions are process-wide: only one
     * side's policy may be subscribed at a time, or saves would be stored twice.
     */
    void subscribe() {
        persistencePolicy.subscribe();
    }

    @Override
    public void close() {
        persistencePolicy.close();
    }

    @Override
    public void appendOne(UUID accountId) {
        eventStore.append(Payload.opened(accountId));
    }

    @Override
    public void appendTen(UUID accountId) {
        Account account = Account.open(accountId, Payload.OWNER, Payload.NOTE);
        for (int i = 0; i < 9; i++) {
            account.deposit(Payload.AMOUNT, Payload.NOTE);
        }
        accounts.save(account);
    }

    @Override
    public long load(UUID accountId) {
        return accounts.get(accountId).getVersion();
    }

    @Override
    public void takeSnapshot(UUID accountId) {
        snapshottedAccounts.takeSnapshot(accountId);
    }

    @Override
    public long loadFromSnapshot(UUID accountId) {
        return snapshottedAccounts.get(accountId).getVersion();
    }

    @Override
    public long readAll(int count, int pageSize) {
        return eventStore.getAllDomainEvents(0, pageSize).limit(count)
                .mapToLong(positioned -> positioned.storagePosition() ^ positioned.event().timestamp().getNano())
                .sum();
    }

    @Override
    public void roundTrip(UUID accountId) {
        Account account = accounts.get(accountId);
        account.deposit(Payload.AMOUNT, Payload.NOTE);
        accounts.save(account);
    }
}
