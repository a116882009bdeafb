package io.eventsourcing.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.eventsourcing.autoconfigure.EventSourcingEndpoint.EventSourcingDescriptor;
import io.eventsourcing.autoconfigure.sample.Counter;
import io.eventsourcing.autoconfigure.sample.SampleDomainConfiguration;
import io.eventsourcing.projection.ProjectionStatus;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

class EventSourcingActuatorAutoConfigurationTests {

    private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final String PREVIOUS_KEY = "ZmVkY2JhOTg3NjU0MzIxMA==";

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, EventSourcingAutoConfiguration.class,
                    EndpointAutoConfiguration.class, EventSourcingActuatorAutoConfiguration.class))
            .withUserConfiguration(SampleDomainConfiguration.class)
            .withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=eventsourcing");

    @Test
    void theEndpointShowsTheStoreItsEventsTheCipherByKeyIdsTheSnapshotsAndTheProjections() {
        contextRunner.withUserConfiguration(ProjectionsAutoConfigurationTests.TotalsConfiguration.class)
                .withPropertyValues("eventsourcing.cipher.key=" + KEY,
                        "eventsourcing.cipher.previous-keys=" + PREVIOUS_KEY, "eventsourcing.snapshots.period=10")
                .run(context -> {
                    RepositoryBeans.save(context, Counter.create("first"));
                    Counter second = Counter.create("second");
                    second.increment();
                    RepositoryBeans.save(context, second);

                    EventSourcingDescriptor descriptor = context.getBean(EventSourcingEndpoint.class).eventSourcing();

                    assertThat(descriptor.store()).isEqualTo(new StoreDescription("jdbc",
                            descriptor.store().database(), "PUBLIC", "sequenced_items"));
                    assertThat(descriptor.store().database()).startsWith("H2 2.");
                    assertThat(descriptor.events().count()).isEqualTo(3);
                    assertThat(descriptor.events().lastPosition()).isEqualTo(3);
                    assertThat(descriptor.cipher().enabled()).isTrue();
                    assertThat(descriptor.cipher().alwaysEncrypt()).isTrue();
                    assertThat(descriptor.cipher().keyIds()).containsExactly(keyId(KEY), keyId(PREVIOUS_KEY));
                    assertThat(descriptor.snapshots()).isEqualTo(new EventSourcingEndpoint.SnapshotsDescriptor(true,
                            "snapshots", 10));
                    assertThat(descriptor.projections()).extracting(ProjectionStatus::name)
                            .containsExactly("counter-totals");
                    assertThat(JsonMapper.shared().writeValueAsString(descriptor))
                            .doesNotContain(KEY, PREVIOUS_KEY, "MDEyMzQ1", "ZmVkY2Jh");
                });
    }

    @Test
    void withoutCipherOrSnapshotsOrProjectionsTheEndpointSaysSo() {
        contextRunner.withPropertyValues("eventsourcing.snapshots.enabled=false",
                "eventsourcing.projections.enabled=false").run(context -> {
                    EventSourcingDescriptor descriptor = context.getBean(EventSourcingEndpoint.class).eventSourcing();

                    assertThat(descriptor.events()).isEqualTo(new EventSourcingEndpoint.EventsDescriptor(0L, null));
                    assertThat(descriptor.cipher()).isEqualTo(new EventSourcingEndpoint.CipherDescriptor(false, false,
                            List.of()));
                    assertThat(descriptor.snapshots().enabled()).isFalse();
                    assertThat(descriptor.projections()).isEmpty();
                });
    }

    @Test
    void healthIsUpWhileTheStoreAnswersAndDownWithoutItsCauseWhenItDoesNot() {
        contextRunner.run(context -> {
            RepositoryBeans.save(context, Counter.create("healthy"));
            EventStoreHealthIndicator health = context.getBean("eventsourcingHealthIndicator",
                    EventStoreHealthIndicator.class);

            Health up = health.health();
            assertThat(up.getStatus()).isEqualTo(Status.UP);
            assertThat(up.getDetails()).containsEntry("store", "jdbc").containsEntry("table", "sequenced_items")
                    .containsEntry("lastPosition", 1L);

            new JdbcTemplate(context.getBean(DataSource.class)).execute("ALTER TABLE sequenced_items RENAME TO moved");
            Health failed = health.health();
            assertThat(failed.getStatus()).isEqualTo(Status.DOWN);
            assertThat(failed.getDetails()).containsEntry("error", "The store failed to answer");

            context.getBean(HikariDataSource.class).close();
            Health unreachable = health.health();
            assertThat(unreachable.getStatus()).isEqualTo(Status.DOWN);
            assertThat(unreachable.getDetails()).containsEntry("error", "The store cannot be reached");
            assertThat(String.valueOf(unreachable.getDetails()) + failed.getDetails())
                    .doesNotContain("SELECT", "Exception", "io.eventsourcing", "org.");
        });
    }

    @Test
    void backsOffWhenTheEndpointIsNotExposedAndTheIndicatorIsDisabled() {
        contextRunner.withPropertyValues("management.endpoints.jmx.exposure.include=health",
                "management.health.eventsourcing.enabled=false").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(EventSourcingEndpoint.class)
                        .doesNotHaveBean(EventStoreHealthIndicator.class));
    }

    /** The id of a key, as its ciphertexts name it: the first 4 bytes of its SHA-256 digest, in hexadecimal. */
    private static String keyId(String base64Key) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(base64Key));
        return Integer.toHexString(ByteBuffer.wrap(digest).getInt());
    }
}
