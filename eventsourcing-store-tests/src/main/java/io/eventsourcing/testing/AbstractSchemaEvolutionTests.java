package io.eventsourcing.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsourcing.application.PersistencePolicy;
import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.EventBus;
import io.eventsourcing.domain.EventTopic;
import io.eventsourcing.domain.Mutator;
import io.eventsourcing.domain.SchemaVersion;
import io.eventsourcing.domain.VersionedEvent;
import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.ClassTopicResolver;
import io.eventsourcing.infrastructure.EventPlayer;
import io.eventsourcing.infrastructure.EventSequencing;
import io.eventsourcing.infrastructure.EventSourcedRepository;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.PositionedEvent;
import io.eventsourcing.infrastructure.SchemaVersionException;
import io.eventsourcing.infrastructure.SequencedItem;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import io.eventsourcing.infrastructure.UpcastingMigration;
import io.eventsourcing.infrastructure.snapshot.EventSourcedSnapshotStrategy;
import io.eventsourcing.infrastructure.snapshot.SnapshotPolicy;
import io.eventsourcing.infrastructure.upcasting.Upcaster;
import io.eventsourcing.testing.evolution.Account;
import io.eventsourcing.testing.evolution.Account.Deposited;
import io.eventsourcing.testing.evolution.Account.Opened;
import io.eventsourcing.testing.evolution.AccountUpcasters;
import io.eventsourcing.testing.evolution.Release1;
import io.eventsourcing.testing.evolution.Release2;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Schema evolution over a store: rows written by the classes of two earlier releases of an account (a field
 * renamed; then a required field added with a derived default, and one event split into two) are read by the
 * current classes on every read path, and never rewritten but by the explicit migration. Every store passes it
 * unchanged; a subclass gives a new, empty store for each call.
 */
public abstract class AbstractSchemaEvolutionTests {

    private static final Instant OPENED = Instant.parse("2024-03-01T09:00:00.000001Z");
    private static final Instant FIRST_DEPOSIT = Instant.parse("2024-03-02T10:00:00Z");
    private static final Instant SECOND_DEPOSIT = Instant.parse("2025-06-30T23:59:59.999999Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final JsonMapper JSON = JsonMapper.shared();

    /** A release after the current one, which stored the data of a fourth schema of deposits. */
    @EventTopic("account.Deposited")
    @SchemaVersion(4)
    record FutureDeposited(UUID originatorId, long originatorVersion, Instant timestamp, long amountInCents,
                           String currency) implements VersionedEvent {
    }

    private ActiveRecordStrategy store;
    private UUID id;
    private List<SequencedItem> storedRows;

    /** A new, empty store. */
    protected abstract ActiveRecordStrategy createStore();

    /** The current release's mapper of events, with the given upcasters. */
    protected static SequencedItemMapper currentMapper(List<Upcaster> upcasters) {
        return SequencedItemMapper.builder()
                .topicResolver(new ClassTopicResolver(List.of(Opened.class, Deposited.class)))
                .upcasters(upcasters)
                .build();
    }

    /** The current release's event store on the store of a test. */
    protected EventStore currentEventStore() {
        return new EventStore(store, currentMapper(AccountUpcasters.events()));
    }

    /** The account whose first three rows the earlier releases wrote. */
    protected UUID accountId() {
        return id;
    }

    @BeforeEach
    void writeRowsOfTheEarlierReleases() {
        store = createStore();
        id = UUID.randomUUID();
        store.append(Release1.mapper().toSequencedItem(new Release1.Opened(id, 0, OPENED, "Ada", 100)));
        store.append(Release1.mapper().toSequencedItem(new Release1.Deposited(id, 1, FIRST_DEPOSIT, 50)));
        store.append(Release2.mapper().toSequencedItem(new Release2.Deposited(id, 2, SECOND_DEPOSIT, 25)));
        storedRows = store.getItems(id);
    }

    /** The events of the three rows, as the current release reads them. */
    protected List<DomainEvent> upcastEvents() {
        return List.of(new Opened(id, 0, OPENED, "Ada"), new Deposited(id, 0, OPENED, 100, LocalDate.of(2024, 3, 1)),
                new Deposited(id, 1, FIRST_DEPOSIT, 50, LocalDate.of(2024, 3, 2)),
                new Deposited(id, 2, SECOND_DEPOSIT, 25, LocalDate.of(2025, 6, 30)));
    }

    @Test
    void rowsOfEveryReleaseLoadIntoTheCurrentEntityWhichSavesAfterThem() {
        EventStore eventStore = currentEventStore();
        EventBus bus = new EventBus();
        new PersistencePolicy(eventStore, bus).subscribe();
        EventSourcedRepository<Account> repository = new EventSourcedRepository<>(eventStore,
                Mutator.ofEntityClass(Account.class), bus);

        Account account = repository.get(id);
        assertThat(account.getOwner()).isEqualTo("Ada");
        assertThat(account.getBalanceInCents()).isEqualTo(175);
        assertThat(account.getVersion()).isEqualTo(3);

        account.deposit(10, TODAY);
        repository.save(account);

        Account reloaded = repository.get(id);
        assertThat(reloaded.getBalanceInCents()).isEqualTo(185);
        assertThat(reloaded.getVersion()).isEqualTo(4);
        List<DomainEvent> events = eventStore.getDomainEvents(id);
        assertThat(events.subList(0, 4)).containsExactlyElementsOf(upcastEvents());
        assertThat(events.get(4)).isInstanceOfSatisfying(Deposited.class, deposited -> assertThat(deposited)
                .extracting(Deposited::originatorVersion, Deposited::amountInCents, Deposited::bookedOn)
                .containsExactly(3L, 10L, TODAY));
        assertThat(store.getItems(id).subList(0, 3)).as("the rows as stored").isEqualTo(storedRows);
    }

    @Test
    void theNotificationLogHasTheEventsUpcastTheSplitOnesAtOneStoragePosition() {
        List<PositionedEvent> log = currentEventStore().getAllDomainEvents().toList();

        assertThat(log).extracting(PositionedEvent::event).containsExactlyElementsOf(upcastEvents());
        assertThat(log.get(1).storagePosition()).isEqualTo(log.get(0).storagePosition());
        assertThat(log.get(2).storagePosition()).isGreaterThan(log.get(1).storagePosition());
        assertThat(store.getItems(id)).as("the rows as stored").isEqualTo(storedRows);
    }

    @Test
    void dataOfANewerReleaseIsRefusedNamingItsTopicVersionSequenceAndPosition() {
        SequencedItemMapper future = SequencedItemMapper.builder()
                .topicResolver(new ClassTopicResolver(List.of(FutureDeposited.class))).build();
        store.append(future.toSequencedItem(new FutureDeposited(id, 3, Instant.now(), 5, "EUR")));
        EventStore eventStore = currentEventStore();

        assertThatThrownBy(() -> eventStore.getDomainEvents(id))
                .isInstanceOf(SchemaVersionException.class)
                .hasMessage("Cannot read the event of sequence " + id + " at position 3, stored as topic "
                        + "account.Deposited at schema version 4: that version is newer than version 3 of "
                        + Deposited.class.getName() + ", the latest this code knows");
        assertThat(store.getItems(id)).hasSize(4);
    }

    @Test
    void aGapInTheChainIsRefusedNamingTheTopicVersionSequenceAndPosition() {
        List<Upcaster> withoutRelease3 = AccountUpcasters.events().stream()
                .filter(upcaster -> upcaster.fromVersion() != 2).toList();
        EventStore eventStore = new EventStore(store, currentMapper(withoutRelease3));

        assertThatThrownBy(() -> eventStore.getDomainEvents(id))
                .isInstanceOf(SchemaVersionException.class)
                .hasMessage("Cannot read the event of sequence " + id + " at position 0, stored as topic "
                        + "account.Opened at schema version 1: upcast to topic account.Deposited at schema version 2, "
                        + "no upcaster takes it from that version to version 3 of " + Deposited.class.getName());
    }

    @Test
    void aSnapshotOfAnEarlierSchemaOfTheEntityIsUpcast() {
        ActiveRecordStrategy snapshotItems = createStore();
        EventPlayer<Account> player = playerWithSnapshots(snapshotItems, List.of(AccountUpcasters.snapshots()));
        appendReleaseOneSnapshot(snapshotItems, 1_000_000);

        Account account = player.replay(id).orElseThrow();
        assertThat(account.getBalanceInCents()).as("the snapshot's balance").isEqualTo(1_000_000);
        assertThat(account.getVersion()).isEqualTo(3);
    }

    @Test
    void aSnapshotOfAnEarlierSchemaThatNoUpcasterTakesIsPassedOverAndTheEventsReplayed() {
        ActiveRecordStrategy snapshotItems = createStore();
        EventPlayer<Account> player = playerWithSnapshots(snapshotItems, List.of());
        appendReleaseOneSnapshot(snapshotItems, 1_000_000);

        Account account = player.replay(id).orElseThrow();
        assertThat(account.getBalanceInCents()).isEqualTo(175);
        assertThat(account.getVersion()).isEqualTo(3);
    }

    @Test
    void theMigrationCopiesEachEventAtItsCurrentSchemaIntoANewStoreAndLeavesTheOldOneAsItWas() {
        ActiveRecordStrategy target = createStore();
        long last = store.getLastStoredItem().orElseThrow().storagePosition();

        UpcastingMigration.Progress progress = new UpcastingMigration(store, target,
                currentMapper(AccountUpcasters.events()), 2).copyAfter(0);

        assertThat(progress).isEqualTo(new UpcastingMigration.Progress(last, 2, 1));
        assertThat(store.getItems(id)).isEqualTo(storedRows);
        List<SequencedItem> copied = target.getItems(id);
        assertThat(copied.get(0)).as("the split row, as stored").isEqualTo(storedRows.get(0));
        SequencedItemMapper withoutUpcasters = currentMapper(List.of());
        assertThat(copied.subList(1, 3)).extracting(withoutUpcasters::fromSequencedItem)
                .containsExactlyElementsOf(upcastEvents().subList(2, 4));
        assertThat(new EventStore(target, currentMapper(AccountUpcasters.events())).getDomainEvents(id))
                .containsExactlyElementsOf(upcastEvents());
        assertThat(new UpcastingMigration(store, target, withoutUpcasters, 2).copyAfter(last))
                .isEqualTo(new UpcastingMigration.Progress(last, 0, 0));
    }

    private EventPlayer<Account> playerWithSnapshots(ActiveRecordStrategy snapshotItems,
                                                     List<Upcaster> snapshotUpcasters) {
        SequencedItemMapper snapshotMapper = SequencedItemMapper.builder().sequencing(EventSequencing.TIMESTAMPED)
                .upcasters(snapshotUpcasters).build();
        EventSourcedSnapshotStrategy snapshots = new EventSourcedSnapshotStrategy(
                new EventStore(snapshotItems, snapshotMapper), JSON);
        return new EventPlayer<>(currentEventStore(), Mutator.ofEntityClass(Account.class), snapshots,
                Account.class, SnapshotPolicy.never());
    }

    /**
     * Stores a snapshot of the account at version 3 as the first release stored it: without a schema version, the
     * balance named {@code balance}; told apart from a replay by that balance. It is made from a snapshot that the
     * current release takes in a store of its own.
     */
    private void appendReleaseOneSnapshot(ActiveRecordStrategy snapshotItems, long balance) {
        ActiveRecordStrategy scratch = createStore();
        playerWithSnapshots(scratch, List.of()).takeSnapshot(id);
        SequencedItem taken = scratch.getItems(id).get(0);
        ObjectNode json = (ObjectNode) JSON.readTree(taken.data());
        json.remove("schemaVersion");
        ObjectNode state = (ObjectNode) json.get("state");
        state.remove("balanceInCents");
        state.put("balance", balance);
        snapshotItems.append(new SequencedItem(id, taken.position() + 1, taken.topic(), JSON.writeValueAsBytes(json)));
    }
}
