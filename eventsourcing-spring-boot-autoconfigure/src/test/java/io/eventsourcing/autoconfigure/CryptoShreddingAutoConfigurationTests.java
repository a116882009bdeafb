package io.eventsourcing.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.eventsourcing.autoconfigure.sample.SampleDomainConfiguration;
import io.eventsourcing.domain.EventBus;
import io.eventsourcing.domain.Mutator;
import io.eventsourcing.domain.PersonalData;
import io.eventsourcing.domain.PersonalDataForgotten;
import io.eventsourcing.domain.TimestampedVersionedEntity;
import io.eventsourcing.domain.Timestamps;
import io.eventsourcing.domain.VersionedEvent;
import io.eventsourcing.infrastructure.EventSourcedRepository;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.shredding.DataSubjectForgottenException;
import io.eventsourcing.infrastructure.shredding.DataSubjects;
import io.eventsourcing.infrastructure.shredding.PersonalDataErasedException;
import io.eventsourcing.infrastructure.shredding.SubjectKeys;
import io.eventsourcing.projection.Handler;
import io.eventsourcing.projection.Projection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

class CryptoShreddingAutoConfigurationTests {

    private static final String KEY = "eventsourcing.cipher.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String ENABLED = "eventsourcing.crypto-shredding.enabled=true";

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, EventSourcingAutoConfiguration.class))
            .withUserConfiguration(SampleDomainConfiguration.class, DirectoryConfiguration.class)
            .withPropertyValues("eventsourcing.snapshots.period=2");

    /** A member of a club, a data subject. */
    static class Member extends TimestampedVersionedEntity {

        /** Joined: the name is personal. */
        record Joined(UUID originatorId, long originatorVersion, Instant timestamp, @PersonalData @Nullable String name,
                      String level) implements VersionedEvent {
        }

        /** Renamed: personal as a whole. */
        @PersonalData
        record Renamed(UUID originatorId, long originatorVersion, Instant timestamp, @Nullable String name)
                implements VersionedEvent {
        }

        private @Nullable String name;

        Member(Joined joined) {
            super(joined);
            this.name = joined.name();
        }

        static Member join(String name) {
            return create((id, version, timestamp) -> new Joined(id, version, timestamp, name, "gold"), Member::new);
        }

        void rename(String newName) {
            trigger((id, version, timestamp) -> new Renamed(id, version, timestamp, newName));
        }

        @Nullable String getName() {
            return name;
        }

        @Override
        protected void when(VersionedEvent event) {
            if (event instanceof Renamed renamed) {
                name = renamed.name();
            } else {
                super.when(event);
            }
        }
    }

    /** A read model that copies members' names, and deletes a copy when its member is forgotten. */
    @Projection("member-directory")
    static class Directory {

        final Map<UUID, String> names = new ConcurrentHashMap<>();

        @Handler
        void on(Member.Joined joined) {
            if (joined.name() != null) {
                names.put(joined.originatorId(), joined.name());
            }
        }

        @Handler
        void on(PersonalDataForgotten forgotten) {
            names.remove(forgotten.subjectId());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class DirectoryConfiguration {

        @Bean
        Directory directory() {
            return new Directory();
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
    void refusesAnEmptyKeyCache() {
        contextRunner.withPropertyValues(ENABLED, KEY, "eventsourcing.crypto-shredding.key-cache-size=0")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("eventsourcing.crypto-shredding.key-cache-size"));
    }

    @Test
    void personalDataIsEncryptedUnderItsSubjectsKeyAndForgottenWithIt() {
        contextRunner.withPropertyValues(ENABLED, KEY, "eventsourcing.cipher.always-encrypt=false").run(context -> {
            assertThat(context).hasNotFailed();
            EventSourcedRepository<Member> members = new EventSourcedRepository<>(context.getBean(EventStore.class),
                    Mutator.ofEntityClass(Member.class), context.getBean(EventBus.class));
            Member ada = Member.join("Ada Zyxwvut");
            ada.rename("Ada Qwertzuiop");
            ada.rename("Ada Asdfghjkl");
            members.save(ada);
            Member grace = Member.join("Grace Hopper");
            members.save(grace);
            assertThat(members.get(ada.getId()).getName()).isEqualTo("Ada Asdfghjkl");
            Directory directory = context.getBean(Directory.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> directory.names.size() == 2);
            assertThat(storedText(context)).contains("gold").doesNotContain("Zyxwvut", "Qwertzuiop", "Asdfghjkl");

            context.getBean(DataSubjects.class).forget(ada.getId());

            assertThatThrownBy(() -> members.get(ada.getId())).isInstanceOf(PersonalDataErasedException.class);
            assertThat(members.get(grace.getId()).getName()).isEqualTo("Grace Hopper");
            await().atMost(Duration.ofSeconds(10)).until(() -> !directory.names.containsKey(ada.getId()));
            assertThat(directory.names).containsOnlyKeys(grace.getId());
            assertThatThrownBy(() -> context.getBean(EventStore.class).append(new Member.Renamed(ada.getId(), 4,
                    Timestamps.now(), "Ada Again"))).isInstanceOf(DataSubjectForgottenException.class);
            JdbcTemplate jdbc = jdbc(context);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM snapshots WHERE sequence_id = ?", Integer.class,
                    ada.getId())).isZero();
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
