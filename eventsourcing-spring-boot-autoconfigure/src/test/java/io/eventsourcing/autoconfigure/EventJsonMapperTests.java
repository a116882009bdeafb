package io.eventsourcing.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsourcing.autoconfigure.sample.Counter;
import io.eventsourcing.autoconfigure.sample.SampleDomainConfiguration;
import io.eventsourcing.domain.Timestamps;
import io.eventsourcing.domain.VersionedEvent;
import io.eventsourcing.infrastructure.EventStore;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

class EventJsonMapperTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    JacksonAutoConfiguration.class, EventSourcingAutoConfiguration.class))
            .withUserConfiguration(SampleDomainConfiguration.class);

    @Test
    void theApplicationsJacksonModulesWriteAndReadEventData() {
        contextRunner.withUserConfiguration(TagModuleConfiguration.class).run(context -> {
            EventStore eventStore = context.getBean(EventStore.class);
            Tagged tagged = new Tagged(UUID.randomUUID(), 0, Timestamps.now(), new Tag("urgent"));

            eventStore.append(tagged);

            assertThat(StoredRows.data(context.getBean(DataSource.class), "sequenced_items"))
                    .singleElement().asString().contains("\"tag\":\"#urgent\"");
            assertThat(eventStore.getDomainEvents(tagged.originatorId())).containsExactly(tagged);
        });
    }

    @Test
    void theApplicationsJsonMapperStaysAsTheApplicationConfiguredIt() {
        contextRunner.withPropertyValues("spring.jackson.serialization.indent-output=true").run(context -> {
            assertThat(context).hasSingleBean(JsonMapper.class);
            assertThat(context.getBean(JsonMapper.class).isEnabled(SerializationFeature.INDENT_OUTPUT)).isTrue();

            RepositoryBeans.save(context, Counter.create("compact"));

            assertThat(StoredRows.data(context.getBean(DataSource.class), "sequenced_items"))
                    .singleElement().asString().doesNotContain("\n");
        });
    }

    record Tag(String name) {
    }

    record Tagged(UUID originatorId, long originatorVersion, Instant timestamp, Tag tag) implements VersionedEvent {
    }

    /** Writes a tag as "#name", a format that Jackson alone would not choose. */
    @Configuration(proxyBeanMethods = false)
    static class TagModuleConfiguration {

        @Bean
        JacksonModule tagModule() {
            return new SimpleModule("tags")
                    .addSerializer(Tag.class, new ValueSerializer<>() {
                        @Override
                        public void serialize(Tag tag, JsonGenerator generator, SerializationContext context) {
                            generator.writeString("#" + tag.name());
                        }
                    })
                    .addDeserializer(Tag.class, new ValueDeserializer<>() {
                        @Override
                        public Tag deserialize(JsonParser parser, DeserializationContext context) {
                            return new Tag(parser.getString().substring(1));
                        }
                    });
        }
    }
}
