package io.eventsourcing.sample;

import io.eventsourcing.domain.EventBus;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.sample.domain.Example;
import io.eventsourcing.sample.domain.ExampleAggregate;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The sample's repositories, replaced by ones that can lose a race on demand; the starter backs off for them. */
@TestConfiguration(proxyBeanMethods = false)
class RacedRepositories {

    @Bean
    RacedRepository<Example> examples(EventStore eventStore, EventBus eventBus) {
        return new RacedRepository<>(eventStore, Example.class, eventBus);
    }

    @Bean
    RacedRepository<ExampleAggregate> aggregates(EventStore eventStore, EventBus eventBus) {
        return new RacedRepository<>(eventStore, ExampleAggregate.class, eventBus);
    }
}
