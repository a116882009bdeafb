package io.eventsourcing.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.eventsourcing.autoconfigure.sample.SampleDomainConfiguration;
import io.eventsourcing.domain.EventBus;
import io.eventsourcing.domain.Mutator;
import io.eventsourcing.domain.PersonalDataForgotten;
import io.eventsourcing.domain.Timestamps;
import io.eventsourcing.infrastructure.EventSourcedRepository;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.shredding.DataSubjectForgottenException;
import io.eventsourcing.infrastructure.shredding.DataSubjects;
import io.eventsourcing.infrastructure.shredding.PersonalDataErasedException;
import io.eventsourcing.infrastructure.shredding.SubjectKeys;
import io.eventsourcing.projection.ProjectionStatus.State;
import io.eventsourcing.projection.Projections;
import io.eventsourcing.quickstart.Member;
import io.eventsourcing.quickstart.MemberDirectory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

class CryptoShreddingAutoConfigurationTests {

    private static final String KEY = "eventsourcing.cipher.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String ENABLED = "eventsourcing.crypto-shredding.enabled=true";
    private static final String[] SHREDDING = {ENABLED, KEY, "eventsourcing.cipher.always-encrypt=false"};
    private static final String DATABASE = "spring.datasource.url=jdbc:h2:mem:shredding;DB_CLOSE_DELAY=-1";

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, EventSourcingAutoConfiguration.class))
            .withUserConfiguration(SampleDomainConfiguration.class)
            .withBean(MemberDirectory.class)
            .withBean(ForgettingListener.class)
            .withPropertyValues("eventsourcing.snapshots.period=2");

    /** Hears of each forgetting, as the application's other listeners do. */
    static class ForgettingListener {

        final List<UUID> forgotten = new CopyOnWriteArrayList<>();

        @EventListener
        void on(PersonalDataForgotten event) {
            forgotten.add(event.subjectId());
        }
    }

    @Test
    void offByDefault() {
        contextRunner.withPropertyValues(KEY).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(SubjectKeys.class).doesNotHaveBean(DataSubjects.class);
            assertThat(tableNames(context)).doesNotContain("SEQUENCED_ITEMS_DATA_KEYS");
        });
    }

    @Test
    void needsAMasterKey() {
        contextRunner.withPropertyValues(ENABLED).run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("eventsourcing.cipher.key")
                .hasMessageContaining("master key"));
    }

    @Test
    void refusesAKeyCacheThatKeepsNothing() {
        contextRunner.withPropertyValues(ENABLED, KEY, "eventsourcing.crypto-shredding.key-cache-size=0")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("eventsourcing.crypto-shredding.key-cache-size"));
        contextRunner.withPropertyValues(ENABLED, KEY, "eventsourcing.crypto-shredding.key-cache-ttl=0s")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("eventsourcing.crypto-shredding.key-cache-ttl"));
    }

    @Test
    void anotherMasterKeyThanTheOneThatWrappedTheKeysFailsTheStartup() {
        String database = "spring.datasource.url=jdbc:h2:mem:rotated;DB_CLOSE_DELAY=-1";
        String otherKey = "eventsourcing.cipher.key=ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";
        contextRunner.withPropertyValues(SHREDDING).withPropertyValues(database).run(context ->
                new EventSourcedRepository<>(context.getBean(EventStore.class), Mutator.ofEntityClass(Member.class),
                        context.getBean(EventBus.class)).save(Member.join("Ada")));

        contextRunner.withPropertyValues(SHREDDING).withPropertyValues(database, otherKey).run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("eventsourcing.cipher.key")
                        .hasMessageContaining("does not unwrap the data key of subject")
                        .hasMessageNotContaining(KEY.substring(KEY.indexOf('=') + 1)));
        contextRunner.withPropertyValues(SHREDDING).withPropertyValues(database, otherKey,
                "eventsourcing.cipher.previous-keys=" + KEY.substring(KEY.indexOf('=') + 1)).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(DataSubjects.class).rewrapKeys()).isOne();
                });
        contextRunner.withPropertyValues(SHREDDING).withPropertyValues(database, otherKey).run(context ->
                assertThat(context).as("rewrapped under the new key").hasNotFailed());
    }

    @Test
    void personalDataIsEncryptedUnderItsSubjectsKeyAndForgottenWithIt() {
        contextRunner.withPropertyValues(SHREDDING).withPropertyValues(DATABASE).run(context -> {
            assertThat(context).hasNotFailed();
            EventStore eventStore = context.getBean(EventStore.class);
            EventSourcedRepository<Member> members = new EventSourcedRepository<>(eventStore,
                    Mutator.ofEntityClass(Member.class), context.getBean(EventBus.class));
            DataSubjects dataSubjects = context.getBean(DataSubjects.class);
            MemberDirectory directory = context.getBean(MemberDirectory.class);
            Member ada = Member.join("Ada Zyxwvut");
            ada.moveTo("1 Qwertzuiop Street");
            ada.moveTo("2 Asdfghjkl Street");
            members.save(ada);
            Member grace = Member.join("Grace Hopper");
            members.save(grace);
            UUID memberId = ada.getId();
            assertThat(members.get(memberId).getAddress()).isEqualTo("2 Asdfghjkl Street");
            await().atMost(Duration.ofSeconds(10)).until(() -> directory.size() == 2);
            assertThat(storedText(context)).contains("gold").doesNotContain("Zyxwvut", "Qwertzuiop", "Asdfghjkl");

            // tag::forget[]
            dataSubjects.forget(memberId);

            assertThatThrownBy(() -> members.get(memberId)).isInstanceOf(PersonalDataErasedException.class);
            assertThat(eventStore.getAllDomainEvents()
                    .filter(event -> event.event() instanceof Member.Joined joined
                            && joined.originatorId().equals(memberId)))
                    .singleElement().satisfies(event -> {
                        assertThat(event.erased()).isTrue();
                        assertThat(((Member.Joined) event.event()).name()).isNull();
                        assertThat(((Member.Joined) event.event()).level()).isEqualTo("gold");
                    });
            // end::forget[]
            assertThat(context.getBean(ForgettingListener.class).forgotten).containsExactly(memberId);
            assertThat(members.get(grace.getId()).getName()).isEqualTo("Grace Hopper");
            await().atMost(Duration.ofSeconds(10)).until(() -> directory.nameOf(memberId).isEmpty());
            assertThat(directory.nameOf(grace.getId())).contains("Grace Hopper");
            // A directory started afresh replays the log over the erased events, and leaves the member out.
            contextRunner.withPropertyValues(SHREDDING).withPropertyValues(DATABASE,
                    "eventsourcing.projections.table=replayed_positions").run(replayed -> {
                MemberDirectory replay = replayed.getBean(MemberDirectory.class);
                Projections projections = replayed.getBean(Projections.class);
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(projections.statuses())
                        .singleElement().satisfies(status -> {
                            assertThat(status.state()).isEqualTo(State.RUNNING);
                            assertThat(status.position()).isPositive();
                            assertThat(status.lag()).isZero();
                        }));
                assertThat(replay.nameOf(memberId)).isEmpty();
                assertThat(replay.nameOf(grace.getId())).contains("Grace Hopper");
            });
            assertThat(directory.nameOf(memberId)).isEmpty();
            assertThatThrownBy(() -> eventStore.append(new Member.Moved(memberId, 3, Timestamps.now(), "Back again")))
                    .isInstanceOf(DataSubjectForgottenException.class);
            JdbcTemplate jdbc = jdbc(context);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM snapshots WHERE sequence_id = ?", Integer.class,
                    memberId)).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sequenced_items_data_keys WHERE wrapped_key IS NULL",
                    Integer.class)).isOne();
        });
    }

    private static JdbcTemplate jdbc(ApplicationContext context) {
        return new JdbcTemplate(context.getBean(DataSource.class));
    }

    private static String storedText(ApplicationContext context) {
        JdbcTemplate jdbc = jdbc(context);
        StringBuilder text = new StringBuilder();
        for (String table : new String[] {"sequenced_items", "snapshots"}) {
            jdbc.query("SELECT data FROM " + table, row -> {
                text.append(new String(row.getBytes(1), StandardCharsets.ISO_8859_1));
            });
        }
        return text.toString();
    }

    private static List<String> tableNames(ApplicationContext context) {
        return jdbc(context).queryForList(
                "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES", String.class);
    }
}
