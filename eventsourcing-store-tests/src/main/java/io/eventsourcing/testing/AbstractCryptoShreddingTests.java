package io.eventsourcing.testing;

import static io.eventsourcing.testing.TestItems.holds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsourcing.application.PersistencePolicy;
import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.EventBus;
import io.eventsourcing.domain.Mutator;
import io.eventsourcing.domain.PersonalDataForgotten;
import io.eventsourcing.domain.Timestamps;
import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.ConcurrencyException;
import io.eventsourcing.infrastructure.DataIntegrityException;
import io.eventsourcing.infrastructure.EventPlayer;
import io.eventsourcing.infrastructure.EventSequencing;
import io.eventsourcing.infrastructure.EventSourcedRepository;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.PositionedEvent;
import io.eventsourcing.infrastructure.SequencedItem;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import io.eventsourcing.infrastructure.StoredItem;
import io.eventsourcing.infrastructure.UpcastingMigration;
import io.eventsourcing.infrastructure.codec.AESCipher;
import io.eventsourcing.infrastructure.shredding.DataKeyStore;
import io.eventsourcing.infrastructure.shredding.DataSubjectForgottenException;
import io.eventsourcing.infrastructure.shredding.DataSubjects;
import io.eventsourcing.infrastructure.shredding.PersonalDataErasedException;
import io.eventsourcing.infrastructure.shredding.StoredDataKey;
import io.eventsourcing.infrastructure.shredding.SubjectKeys;
import io.eventsourcing.infrastructure.snapshot.EventSourcedSnapshotStrategy;
import io.eventsourcing.infrastructure.snapshot.SnapshotPolicy;
import io.eventsourcing.testing.shredding.Customer;
import io.eventsourcing.testing.shredding.Customer.Moved;
import io.eventsourcing.testing.shredding.Customer.PlanChanged;
import io.eventsourcing.testing.shredding.Customer.Registered;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract of crypto-shredding over a store of events, of snapshots and of data keys: every store passes it
 * unchanged. A subclass gives new, empty stores for each test.
 */
public abstract class AbstractCryptoShreddingTests {

    private static final String MASTER_KEY = newKey();

    private ActiveRecordStrategy items;
    private ActiveRecordStrategy snapshotItems;
    private DataKeyStore keyStore;
    private EventStore eventStore;
    private EventSourcedRepository<Customer> customers;
    private DataSubjects dataSubjects;

    /** A new, empty store of events. */
    protected abstract ActiveRecordStrategy createStore();

    /** A new, empty store of events apart from the test's own, to copy it into: by default {@link #createStore()}. */
    protected ActiveRecordStrategy createCopyStore() {
        return createStore();
    }

    /** A new, empty store of snapshots. */
    protected abstract ActiveRecordStrategy createSnapshotStore();

    /** The data keys beside a store of events, empty at first. */
    protected abstract DataKeyStore createDataKeyStore(ActiveRecordStrategy events);

    @BeforeEach
    void setUpStores() {
        items = createStore();
        snapshotItems = createSnapshotStore();
        keyStore = createDataKeyStore(items);
        wire(new SubjectKeys(keyStore, AESCipher.fromBase64(MASTER_KEY), 100));
    }

    private void wire(SubjectKeys keys) {
        eventStore = new EventStore(items, SequencedItemMapper.builder().subjectKeys(keys).build());
        EventSourcedSnapshotStrategy snapshots = new EventSourcedSnapshotStrategy(new EventStore(snapshotItems,
                SequencedItemMapper.builder().sequencing(EventSequencing.TIMESTAMPED).subjectKeys(keys).build()),
                JsonMapper.builder().build());
        EventBus bus = new EventBus();
        new PersistencePolicy(eventStore, bus).subscribe();
        customers = new EventSourcedRepository<>(new EventPlayer<>(eventStore, Mutator.ofEntityClass(Customer.class),
                snapshots, Customer.class, SnapshotPolicy.everyNEvents(2)), bus);
        dataSubjects = new DataSubjects(eventStore, snapshots);
    }

    // The key store's contract

    @Test
    void aSubjectWithoutKeyHasNoRow() {
        assertThat(keyStore.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aCreatedKeyIsFoundAndSettledAtOnceOutsideTransactions() {
        UUID subject = UUID.randomUUID();
        List<Boolean> settled = new ArrayList<>();

        StoredDataKey created = keyStore.create(subject, bytes(1), settled::add);

        assertThat(created.wrappedKey()).isEqualTo(bytes(1));
        assertThat(settled).containsExactly(true);
        assertThat(keyStore.find(subject)).hasValueSatisfying(found -> {
            assertThat(found.subjectId()).isEqualTo(subject);
            assertThat(found.wrappedKey()).isEqualTo(bytes(1));
        });
    }

    @Test
    void aSecondKeyOfASubjectIsRefusedForTheFirst() {
        UUID subject = UUID.randomUUID();
        keyStore.create(subject, bytes(1), settled -> { });
        List<Boolean> settled = new ArrayList<>();

        assertThat(keyStore.create(subject, bytes(2), settled::add).wrappedKey()).isEqualTo(bytes(1));
        assertThat(settled).isEmpty();
        assertThat(keyStore.find(subject).orElseThrow().wrappedKey()).isEqualTo(bytes(1));
    }

    @Test
    void concurrentCreatorsAgreeOnOneKey() throws Exception {
        UUID subject = UUID.randomUUID();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<StoredDataKey>> created = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                byte[] key = bytes(i + 1);
                created.add(threads.submit(() -> keyStore.create(subject, key, settled -> { })));
            }
            Set<String> keys = new HashSet<>();
            for (Future<StoredDataKey> key : created) {
                keys.add(Base64.getEncoder().encodeToString(key.get(30, TimeUnit.SECONDS).wrappedKey()));
            }
            assertThat(keys).hasSize(1);
            assertThat(Base64.getEncoder().encodeToString(keyStore.find(subject).orElseThrow().wrappedKey()))
                    .isIn(keys);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void forgettingLeavesARowWithoutKeyThatNoCreationReplaces() {
        UUID known = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        keyStore.create(known, bytes(1), settled -> { });

        keyStore.forget(known);
        keyStore.forget(unknown);
        keyStore.forget(known);

        assertThat(keyStore.find(known)).hasValueSatisfying(row -> assertThat(row.forgotten()).isTrue());
        assertThat(keyStore.find(unknown)).hasValueSatisfying(row -> assertThat(row.forgotten()).isTrue());
        assertThat(keyStore.create(known, bytes(2), settled -> { }).forgotten()).isTrue();
        assertThat(keyStore.find(known).orElseThrow().forgotten()).isTrue();
    }

    @Test
    void aKeyIsReplacedOnlyIfItIsTheExpectedOne() {
        UUID subject = UUID.randomUUID();
        keyStore.create(subject, bytes(1), settled -> { });

        assertThat(keyStore.replace(subject, bytes(9), bytes(2))).isFalse();
        assertThat(keyStore.replace(subject, bytes(1), bytes(2))).isTrue();
        assertThat(keyStore.find(subject).orElseThrow().wrappedKey()).isEqualTo(bytes(2));
    }

    @Test
    void pagesVisitEveryRowOnce() {
        Set<UUID> subjects = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            UUID subject = UUID.randomUUID();
            subjects.add(subject);
            keyStore.create(subject, bytes(i + 1), settled -> { });
        }
        List<UUID> visited = new ArrayList<>();
        for (List<StoredDataKey> page = keyStore.page(null, 3); !page.isEmpty();
             page = keyStore.page(visited.get(visited.size() - 1), 3)) {
            assertThat(page).hasSizeLessThanOrEqualTo(3);
            page.forEach(row -> visited.add(row.subjectId()));
        }
        assertThat(visited).containsExactlyInAnyOrderElementsOf(subjects);
    }

    // Crypto-shredding over the stores

    @Test
    void personalDataIsStoredEncryptedAndReadsBack() {
        Customer customer = registeredCustomer("Ada Lovelace");

        Customer loaded = customers.get(customer.getId());

        assertThat(loaded.getName()).isEqualTo("Ada Lovelace");
        assertThat(loaded.getEmail()).isEqualTo(emailOf("Ada Lovelace"));
        assertThat(loaded.getAddress()).isEqualTo(addressOf("Ada Lovelace"));
        assertThat(loaded.getPlan()).isEqualTo("pro");
        List<SequencedItem> stored = items.getItems(customer.getId());
        assertThat(stored).hasSize(4);
        assertThat(stored).allSatisfy(item -> assertThat(holds(item.data(), "Ada Lovelace")).isFalse());
        assertThat(stored).noneSatisfy(item -> assertThat(holds(item.data(), addressOf("Ada Lovelace"))).isTrue());
        assertThat(holds(stored.get(0).data(), "basic")).as("the plan is not personal").isTrue();
    }

    @Test
    void personalDataMovedToAnotherPlaceIsNeverRead() {
        Customer ada = registeredCustomer("Ada Lovelace");
        SequencedItem registered = items.getItems(ada.getId()).get(0);
        UUID elsewhere = UUID.randomUUID();
        items.append(new SequencedItem(ada.getId(), 4, registered.topic(), registered.data()));
        items.append(new SequencedItem(elsewhere, 0, registered.topic(), registered.data()));
        SequencedItemMapper mapper = eventStore.getSequencedItemMapper();

        assertThatThrownBy(() -> mapper.fromSequencedItem(items.getItems(ada.getId()).get(4)))
                .isInstanceOf(DataIntegrityException.class).hasMessageContaining(ada.getId().toString())
                .hasMessageContaining("position 4");
        assertThatThrownBy(() -> mapper.fromSequencedItem(items.getItems(elsewhere).get(0)))
                .isInstanceOf(DataIntegrityException.class).hasMessageContaining(elsewhere.toString());
    }

    @Test
    void forgettingASubjectErasesItsPersonalDataAndKeepsItsHistory() {
        Customer ada = registeredCustomer("Ada Lovelace");
        Customer grace = registeredCustomer("Grace Hopper");

        PersonalDataForgotten forgotten = dataSubjects.forget(ada.getId());

        assertThat(forgotten.subjectId()).isEqualTo(ada.getId());
        assertThatThrownBy(() -> customers.get(ada.getId())).isInstanceOf(PersonalDataErasedException.class)
                .hasMessageContaining(ada.getId().toString());
        assertThat(customers.get(grace.getId()).getName()).isEqualTo("Grace Hopper");
        List<PositionedEvent> adas = eventStore.getAllDomainEvents()
                .filter(positioned -> idOf(positioned.event()).equals(ada.getId()))
                .toList();
        assertThat(adas).hasSize(5);
        assertThat(adas.subList(0, 4)).extracting(PositionedEvent::erased).as("what held personal data")
                .containsExactly(true, false, false, true);
        assertThat(adas.get(0).event()).isInstanceOfSatisfying(Registered.class, registered -> {
            assertThat(registered.name()).isNull();
            assertThat(registered.email()).isNull();
            assertThat(registered.plan()).isEqualTo("basic");
            assertThat(registered.originatorVersion()).isZero();
        });
        assertThat(adas.get(3).event()).isInstanceOfSatisfying(Moved.class, moved ->
                assertThat(moved.address()).isNull());
        assertThat(adas.get(4).event()).isEqualTo(forgotten);
        assertThat(adas.get(4).erased()).isFalse();
        assertThat(items.getItems(ada.getId())).hasSize(5);
        assertThat(dataSubjects.forget(ada.getId())).as("forgetting again").isEqualTo(forgotten);
        assertThat(items.getItems(ada.getId())).hasSize(5);
    }

    @Test
    void aForgottenSubjectsPersonalDataIsNeverStoredAgain() {
        Customer ada = registeredCustomer("Ada Lovelace");
        dataSubjects.forget(ada.getId());
        long next = items.getItems(ada.getId()).size();

        assertThatThrownBy(() -> eventStore.append(new Moved(ada.getId(), next, Timestamps.now(),
                "Somewhere else"))).isInstanceOf(DataSubjectForgottenException.class)
                .hasMessageContaining(ada.getId().toString());
        assertThat(items.getItems(ada.getId())).hasSize((int) next);
    }

    @Test
    void forgettingDeletesTheSubjectsSnapshots() {
        Customer ada = registeredCustomer("Ada Lovelace");
        Customer grace = registeredCustomer("Grace Hopper");
        assertThat(snapshotItems.getItems(ada.getId())).as("snapshots taken").isNotEmpty()
                .allSatisfy(item -> assertThat(holds(item.data(), "Ada Lovelace")).isFalse());

        dataSubjects.forget(ada.getId());

        assertThat(snapshotItems.getItems(ada.getId())).isEmpty();
        assertThat(snapshotItems.getItems(grace.getId())).isNotEmpty();
    }

    @Test
    void noStoredByteHoldsAForgottenSubjectsPersonalData() {
        Customer ada = registeredCustomer("Ada Lovelace");
        dataSubjects.forget(ada.getId());

        List<byte[]> stored = new ArrayList<>();
        for (List<StoredItem> page = items.getStoredItems(0, 1000); !page.isEmpty();
             page = items.getStoredItems(page.get(page.size() - 1).storagePosition(), 1000)) {
            page.forEach(item -> stored.add(item.item().data()));
        }
        snapshotItems.getItems(ada.getId()).forEach(item -> stored.add(item.data()));
        keyStore.page(null, 1000).stream().map(StoredDataKey::wrappedKey).filter(key -> key != null)
                .forEach(stored::add);
        assertThat(stored).anySatisfy(data -> assertThat(holds(data, "basic")).as("what is not personal").isTrue());
        for (byte[] data : stored) {
            assertThat(holds(data, "Ada Lovelace")).isFalse();
            assertThat(holds(data, emailOf("Ada Lovelace"))).isFalse();
            assertThat(holds(data, addressOf("Ada Lovelace"))).isFalse();
        }
    }

    @Test
    void savesRacingTheForgettingEitherLandBeforeItOrFailCleanly() throws Exception {
        Customer ada = registeredCustomer("Ada Lovelace");
        AtomicInteger saved = new AtomicInteger();
        List<Throwable> unclean = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                int number = writer;
                writers.add(threads.submit(() -> {
                    for (int round = 0; round < 200 && !Thread.currentThread().isInterrupted(); round++) {
                        try {
                            Customer customer = customers.get(ada.getId());
                            customer.moveTo("Street " + number + "-" + round);
                            customers.save(customer);
                            saved.incrementAndGet();
                        } catch (ConcurrencyException e) {
                            // another writer, or the forgetting, took the position: read again
                        } catch (PersonalDataErasedException | DataSubjectForgottenException e) {
                            return; // the subject is forgotten
                        } catch (RuntimeException e) {
                            unclean.add(e);
                            return;
                        }
                    }
                }));
            }
            Thread.sleep(50);
            dataSubjects.forget(ada.getId());
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(unclean).isEmpty();
        List<SequencedItem> stored = items.getItems(ada.getId());
        assertThat(stored).hasSize(4 + saved.get() + 1);
        for (int position = 0; position < stored.size(); position++) {
            assertThat(stored.get(position).position()).isEqualTo(position);
        }
        assertThat(eventStore.getSequencedItemMapper().fromSequencedItem(stored.get(stored.size() - 1)))
                .isInstanceOf(PersonalDataForgotten.class);
        assertThatThrownBy(() -> customers.get(ada.getId())).isInstanceOf(PersonalDataErasedException.class);
        assertThat(snapshotItems.getItems(ada.getId())).isEmpty();
    }

    @Test
    void aCopyOfTheStoreKeepsAForgottenSubjectsEventsAsStored() {
        Customer ada = registeredCustomer("Ada Lovelace");
        Customer grace = registeredCustomer("Grace Hopper");
        dataSubjects.forget(ada.getId());
        ActiveRecordStrategy copy = createCopyStore();

        UpcastingMigration.Progress progress = new UpcastingMigration(items, copy, eventStore.getSequencedItemMapper(),
                100).copyAfter(0);

        assertThat(progress.rewritten()).as("all but what is erased, and the record").isEqualTo(6);
        assertThat(progress.copiedAsStored()).isEqualTo(3);
        assertThat(copy.getItems(ada.getId())).isEqualTo(items.getItems(ada.getId()));
        assertThat(new EventStore(copy, eventStore.getSequencedItemMapper()).getDomainEvents(grace.getId()))
                .isEqualTo(eventStore.getDomainEvents(grace.getId()));
    }

    @Test
    void rotatingTheMasterKeyRewrapsTheDataKeysAndLeavesTheEvents() {
        Customer ada = registeredCustomer("Ada Lovelace");
        List<SequencedItem> before = items.getItems(ada.getId());
        String newMaster = newKey();
        SubjectKeys rotated = new SubjectKeys(keyStore, AESCipher.fromBase64(newMaster, List.of(MASTER_KEY)), 100);

        assertThat(rotated.rewrap()).isGreaterThanOrEqualTo(1);

        wire(new SubjectKeys(keyStore, AESCipher.fromBase64(newMaster), 100));
        assertThat(customers.get(ada.getId()).getName()).isEqualTo("Ada Lovelace");
        assertThat(items.getItems(ada.getId())).isEqualTo(before);
    }

    /** A customer with four events (registered, two plan changes, moved), so that snapshots were taken. */
    private Customer registeredCustomer(String name) {
        Customer customer = Customer.register(name, emailOf(name), "basic");
        customer.changePlan("standard");
        customers.save(customer);
        customer.changePlan("pro");
        customer.moveTo(addressOf(name));
        customers.save(customer);
        return customer;
    }

    private static String emailOf(String name) {
        return name.toLowerCase().replace(' ', '.') + "@example.org";
    }

    private static String addressOf(String name) {
        return "1 " + name + " Street";
    }

    private static UUID idOf(DomainEvent event) {
        return event instanceof PersonalDataForgotten forgotten ? forgotten.subjectId()
                : event instanceof Registered registered ? registered.originatorId()
                : event instanceof Moved moved ? moved.originatorId() : ((PlanChanged) event).originatorId();
    }

    private static byte[] bytes(int seed) {
        byte[] bytes = new byte[65];
        Arrays.fill(bytes, (byte) seed);
        return bytes;
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
