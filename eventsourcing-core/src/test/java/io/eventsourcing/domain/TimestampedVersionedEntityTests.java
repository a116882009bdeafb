package io.eventsourcing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimestampedVersionedEntityTests {

    record Opened(UUID originatorId, long originatorVersion, Instant timestamp, String owner)
            implements VersionedEvent {
    }

    record Credited(UUID originatorId, long originatorVersion, Instant timestamp, long amount)
            implements VersionedEvent {
    }

    /** A value that changeAttribute cannot store faithfully: a plain class. */
    static final class Note {
    }

    static class Account extends TimestampedVersionedEntity {

        private String owner;
        private long balance;
        private LocalDate closingDate;
        private List<Note> notes;

        Account(Opened event) {
            super(event);
            this.owner = event.owner();
        }

        static Account open(String owner) {
            return create((id, version, timestamp) -> new Opened(id, version, timestamp, owner), Account::new);
        }

        void credit(long amount) {
            trigger((id, version, timestamp) -> new Credited(id, version, timestamp, amount));
        }

        @Override
        protected void when(VersionedEvent event) {
            if (event instanceof Credited credited) {
                balance += credited.amount();
            } else {
                super.when(event);
            }
        }
    }

    @Test
    void commandsApplyEventsAndKeepThemPending() {
        Account account = Account.open("alice");
        account.credit(10);
        account.credit(5);

        assertThat(account.getVersion()).isEqualTo(3);
        assertThat(account.balance).isEqualTo(15);
        assertThat(account.getCreatedOn()).isBefore(account.getLastModifiedOn());
        assertThat(account.getPendingEvents()).hasSize(3).first().isInstanceOf(Opened.class);
        assertThat(account.getPendingEvents()).extracting(VersionedEvent::originatorId).containsOnly(account.getId());
        assertThat(account.getPendingEvents()).extracting(VersionedEvent::originatorVersion)
                .containsExactly(0L, 1L, 2L);

        account.clearPendingEvents();

        assertThat(account.getPendingEvents()).isEmpty();
        assertThat(account.getVersion()).isEqualTo(3);
    }

    @Test
    void anEntityCanBeCreatedWithAnIdOfItsChoosing() {
        UUID id = UUID.randomUUID();

        Account account = create(id);

        assertThat(account.getId()).isEqualTo(id);
        assertThat(account.getPendingEvents()).singleElement().extracting(VersionedEvent::originatorId).isEqualTo(id);
    }

    private static Account create(UUID id) {
        return TimestampedVersionedEntity.create(id, (originatorId, version, timestamp) ->
                new Opened(originatorId, version, timestamp, "dora"), Account::new);
    }

    @Test
    void attributeIsChangedThroughAnEventNamingItsDeclaredType() {
        Account account = Account.open("alice");

        account.changeAttribute("owner", "bob");
        account.changeAttribute("closingDate", LocalDate.of(2027, 1, 31));

        assertThat(account.owner).isEqualTo("bob");
        assertThat(account.closingDate).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(account.getPendingEvents().subList(1, 3))
                .extracting(event -> ((TimestampedVersionedEntity.AttributeChanged) event).value().type())
                .containsExactly("java.lang.String", "java.time.LocalDate");
    }

    @Test
    void attributeChangesThatCannotBeStoredFaithfullyAreRefusedBeforeAnythingChanges() {
        Account account = Account.open("alice");

        assertThatThrownBy(() -> account.changeAttribute("nothing", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing");
        assertThatThrownBy(() -> account.changeAttribute("notes", List.of(new Note())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.util.List<" + Note.class.getName() + ">");
        assertThatThrownBy(() -> account.changeAttribute("closingDate", "2027-01-31"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("closingDate")
                .hasMessageContaining("java.time.LocalDate");
        assertThat(account.getVersion()).isEqualTo(1);
        assertThat(account.getPendingEvents()).hasSize(1);
    }

    @Test
    void replayThroughEntityClassMutatorRebuildsTheState() {
        Account account = Account.open("alice");
        account.credit(10);
        account.changeAttribute("owner", "carol");

        Mutator<Account> mutator = Mutator.ofEntityClass(Account.class);
        Account replayed = null;
        for (DomainEvent event : account.getPendingEvents()) {
            replayed = mutator.apply(replayed, event);
        }

        assertThat(replayed).isNotSameAs(account);
        assertThat(replayed.getId()).isEqualTo(account.getId());
        assertThat(replayed.getVersion()).isEqualTo(3);
        assertThat(replayed.balance).isEqualTo(10);
        assertThat(replayed.owner).isEqualTo("carol");
        assertThat(replayed.getLastModifiedOn()).isEqualTo(account.getLastModifiedOn());
        assertThat(replayed.getPendingEvents()).isEmpty();
    }

    @Test
    void discardedEntityCannotBeChanged() {
        Account account = Account.open("alice");
        account.discard();

        assertThat(account.isDiscarded()).isTrue();
        assertThatThrownBy(() -> account.credit(1))
                .isInstanceOf(EntityIsDiscardedException.class)
                .hasMessageContaining(account.getId().toString())
                .hasMessageContaining("discarded");
        assertThatThrownBy(account::discard).isInstanceOf(EntityIsDiscardedException.class);
        assertThat(account.getPendingEvents()).hasSize(2);
    }

    @Test
    void eventOfAnotherEntityOrVersionIsRejected() {
        Account account = Account.open("alice");

        assertThatThrownBy(() -> account.mutate(new Credited(UUID.randomUUID(), 1, Instant.now(), 1)))
                .isInstanceOf(MismatchedOriginatorException.class);
        assertThatThrownBy(() -> account.mutate(new Credited(account.getId(), 5, Instant.now(), 1)))
                .isInstanceOf(MismatchedOriginatorException.class)
                .hasMessageContaining("version 5");
    }

    @Test
    void unknownEventIsRejected() {
        Account account = Account.open("alice");

        assertThatThrownBy(() -> account.mutate(new Opened(account.getId(), 1, Instant.now(), "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not handle");
    }
}
