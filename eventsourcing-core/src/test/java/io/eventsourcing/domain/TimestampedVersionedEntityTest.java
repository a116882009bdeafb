package io.eventsourcing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimestampedVersionedEntityTest {

    record Opened(UUID entityId, long entityVersion, Instant timestamp, String owner) implements EntityEvent {
    }

    record Credited(UUID entityId, long entityVersion, Instant timestamp, long amount) implements EntityEvent {
    }

    static class Account extends TimestampedVersionedEntity {

        private String owner;
        private long balance;

        Account(Opened event) {
            super(event);
            this.owner = event.owner();
        }

        static Account open(String owner) {
            return create(new Opened(UUID.randomUUID(), 0, Timestamps.now(), owner), Account::new);
        }

        void credit(long amount) {
            trigger(new Credited(getId(), getVersion(), Timestamps.now(), amount));
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

    private final List<DomainEvent> published = new ArrayList<>();
    private final EventHandler handler = published::addAll;

    @BeforeEach
    void subscribe() {
        DomainEvents.subscribe(handler);
    }

    @AfterEach
    void unsubscribe() {
        DomainEvents.unsubscribe(handler);
    }

    @Test
    void commandsApplyAndPublishEvents() {
        Account account = Account.open("alice");
        account.credit(10);
        account.credit(5);

        assertThat(account.getVersion()).isEqualTo(3);
        assertThat(account.balance).isEqualTo(15);
        assertThat(account.getCreatedOn()).isBefore(account.getLastModifiedOn());
        assertThat(published).hasSize(3).first().isInstanceOf(Opened.class);
        assertThat(published).extracting(event -> ((VersionedEvent) event).originatorVersion())
                .containsExactly(0L, 1L, 2L);
    }

    @Test
    void attributeIsChangedThroughAnEvent() {
        Account account = Account.open("alice");

        account.changeAttribute("owner", "bob");

        assertThat(account.owner).isEqualTo("bob");
        assertThat(published.get(1)).isInstanceOf(TimestampedVersionedEntity.AttributeChanged.class);
        assertThatThrownBy(() -> account.changeAttribute("nothing", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing");
    }

    @Test
    void replayThroughEntityClassMutatorRebuildsTheState() {
        Account account = Account.open("alice");
        account.credit(10);
        account.changeAttribute("owner", "carol");

        Mutator<Account> mutator = Mutator.ofEntityClass(Account.class);
        Account replayed = null;
        for (DomainEvent event : published) {
            replayed = mutator.apply(replayed, event);
        }

        assertThat(replayed).isNotSameAs(account);
        assertThat(replayed.getId()).isEqualTo(account.getId());
        assertThat(replayed.getVersion()).isEqualTo(3);
        assertThat(replayed.balance).isEqualTo(10);
        assertThat(replayed.owner).isEqualTo("carol");
        assertThat(replayed.getLastModifiedOn()).isEqualTo(account.getLastModifiedOn());
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
        assertThat(published).hasSize(2);
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
