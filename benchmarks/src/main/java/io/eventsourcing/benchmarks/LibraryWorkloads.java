package io.eventsourcing.benchmarks;

import io.eventsourcing.application.PersistencePolicy;
import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.EventBus;
import io.eventsourcing.domain.Mutator;
import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.EventPlayer;
import io.eventsourcing.infrastructure.EventSequencing;
import io.eventsourcing.infrastructure.EventSourcedRepository;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import io.eventsourcing.infrastructure.jdbc.JdbcActiveRecordStrategy;
import io.eventsourcing.infrastructure.jdbc.JdbcDataKeyStore;
import io.eventsourcing.infrastructure.jdbc.SequencedItemTable;
import io.eventsourcing.infrastructure.shredding.SubjectKeys;
import io.eventsourcing.infrastructure.snapshot.EventSourcedSnapshotStrategy;
import io.eventsourcing.infrastructure.snapshot.SnapshotPolicy;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workloads through the library's public API, as an application of its own: an event store, a bus on which
 * a persistence policy stores what aggregates publish on save, and repositories that rebuild accounts, one of them
 * from snapshots.
 */
final class LibraryWorkloads implements Workloads {

    private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();

    private final EventStore eventStore;
    private final EventSourcedRepository<Account> accounts;
    private final EventSourcedRepository<Account> snapshottedAccounts;

    /**
     * The workloads on any store, with a variant's settings: events in one, snapshots in the other (JDBC tables,
     * Cassandra tables...).
     */
    LibraryWorkloads(ActiveRecordStrategy events, ActiveRecordStrategy snapshots, LibraryVariant variant) {
        this(events, snapshots, variant::configure);
    }

    /** The workloads on any store, with the mapper's settings that {@code settings} makes. */
    private LibraryWorkloads(ActiveRecordStrategy events, ActiveRecordStrategy snapshots,
                             UnaryOperator<SequencedItemMapper.Builder> settings) {
        this.eventStore = new EventStore(events, settings.apply(SequencedItemMapper.builder()
                .jsonMapper(JSON_MAPPER)).build());
        EventStore snapshotStore = new EventStore(snapshots, settings.apply(SequencedItemMapper.builder()
                .jsonMapper(JSON_MAPPER).sequencing(EventSequencing.TIMESTAMPED)).build());
        EventBus eventBus = new EventBus();
        new PersistencePolicy(eventStore, eventBus).subscribe();
        Mutator<Account> mutator = Mutator.ofEntityClass(Account.class);
        this.accounts = new EventSourcedRepository<>(eventStore, mutator, eventBus);
        this.snapshottedAccounts = new EventSourcedRepository<>(new EventPlayer<>(eventStore, mutator,
                new EventSourcedSnapshotStrategy(snapshotStore, JSON_MAPPER), Account.class, SnapshotPolicy.never()),
                eventBus);
    }

    /** The workloads on the library's {@code sequenced_items} and {@code snapshots} tables of a database. */
    static LibraryWorkloads onJdbc(DataSource dataSource, LibraryVariant variant) {
        return new LibraryWorkloads(new JdbcActiveRecordStrategy(dataSource, SequencedItemTable.SEQUENCED_ITEMS),
                new JdbcActiveRecordStrategy(dataSource, SequencedItemTable.SNAPSHOTS), variant);
    }

    /**
     * The workloads on the library's tables of a database, with the accounts' personal data encrypted under each
     * account's own key, kept in {@code sequenced_items_data_keys} wrapped under the run's master key, at most
     * {@code cacheSize} of them unwrapped in memory.
     */
    static LibraryWorkloads withSubjectKeys(DataSource dataSource, int cacheSize) {
        JdbcActiveRecordStrategy events = new JdbcActiveRecordStrategy(dataSource, SequencedItemTable.SEQUENCED_ITEMS);
        SubjectKeys keys = new SubjectKeys(new JdbcDataKeyStore(events), LibraryVariant.masterKey(), cacheSize);
        return new LibraryWorkloads(events, new JdbcActiveRecordStrategy(dataSource, SequencedItemTable.SNAPSHOTS),
                mapper -> mapper.subjectKeys(keys));
    }

    @Override
    public void store(List<UUID> accountIds, long fromVersion, int count) {
        eventStore.append(Payload.events(accountIds, fromVersion, count));
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

    /**
     * Saves a new account, its opening event alone, through the repository: in one transaction with what the save
     * stores beside it (a new data subject's key).
     */
    void openAccount(UUID accountId) {
        accounts.save(Account.open(accountId, Payload.OWNER, Payload.NOTE));
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
                .mapToLong(positioned -> positioned.storagePosition() + checksum(positioned.event())).sum();
    }

    /**
     * What a projection reads of an event: its version, account and note; events told apart by their classes, as a
     * projection does.
     */
    private static long checksum(DomainEvent event) {
        if (event instanceof Account.Deposited deposited) {
            return deposited.originatorVersion() + deposited.originatorId().hashCode() + deposited.note().length();
        }
        Account.Opened opened = (Account.Opened) event;
        return opened.originatorVersion() + opened.originatorId().hashCode() + opened.note().length();
    }

    @Override
    public void roundTrip(UUID accountId) {
        Account account = accounts.get(accountId);
        account.deposit(Payload.AMOUNT, Payload.NOTE);
        accounts.save(account);
    }
}
