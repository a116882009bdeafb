package io.eventsourcing.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsourcing.autoconfigure.sample.Basket;
import io.eventsourcing.autoconfigure.sample.Counter;
import io.eventsourcing.autoconfigure.sample.Note;
import io.eventsourcing.autoconfigure.sample.SampleDomainConfiguration;
import io.eventsourcing.domain.Mutator;
import io.eventsourcing.infrastructure.EventSourcedRepository;
import io.eventsourcing.infrastructure.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class EventSourcedRepositoryRegistrarTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    EventSourcingAutoConfiguration.class))
            .withUserConfiguration(SampleDomainConfiguration.class);

    @Test
    void injectsTheRepositoryOfAnEntitySubclassByItsGenericType() {
        contextRunner.withBean(Repositories.class).run(context -> {
            EventSourcedRepository<Counter> counters = context.getBean(Repositories.class).counters();
            Counter counter = Counter.create("injected");
            counter.increment();
            counters.save(counter);

            assertThat(counters.get(counter.getId()).getCount()).isEqualTo(1);
        });
    }

    @Test
    void injectsTheRepositoryOfAnAggregateRootByItsGenericType() {
        contextRunner.withBean(Repositories.class).run(context -> {
            EventSourcedRepository<Basket> baskets = context.getBean(Repositories.class).baskets();
            Basket basket = Basket.create();
            basket.add("apple");
            basket.add("pear");
            baskets.save(basket);

            assertThat(baskets.get(basket.getId()).getItems()).containsExactly("apple", "pear");
        });
    }

    @Test
    void injectsTheRepositoryOfAnEventSourcedAnnotatedClassByItsGenericType() {
        contextRunner.withBean(Repositories.class).run(context -> {
            EventSourcedRepository<Note> notes = context.getBean(Repositories.class).notes();
            Note note = Note.write("hello");
            notes.save(note);

            assertThat(notes.get(note.getId()).getText()).isEqualTo("hello");
            assertThat(note.getPendingEvents()).isEmpty();
        });
    }

    @Test
    void namesEachRepositoryAfterItsEntityType() {
        contextRunner.run(context -> assertThat(context)
                .hasBean("counterRepository").hasBean("basketRepository").hasBean("noteRepository")
                .getBeans(EventSourcedRepository.class).hasSize(3));
    }

    @Test
    void backsOffForTheApplicationsRepositoryOfTheSameType() {
        contextRunner.withUserConfiguration(ApplicationRepositoryConfiguration.class).run(context -> {
            assertThat(context.getBeanNamesForType(RepositoryBeans.type(Counter.class))).containsExactly("counters");
            assertThat(context).hasBean("noteRepository").doesNotHaveBean("counterRepository");
        });
    }

    @Test
    void registersNoRepositoriesWithoutApplicationPackages() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        EventSourcingAutoConfiguration.class))
                .run(context -> assertThat(context).hasSingleBean(EventStore.class)
                        .doesNotHaveBean(EventSourcedRepository.class));
    }

    @Test
    void repositoriesWaitForTheSchemaInitializer() {
        contextRunner.run(context -> assertThat(context.getBeanFactory().getBeanDefinition("noteRepository")
                .getDependsOn()).contains("eventSourcingSchemaInitializer"));
    }

    record Repositories(EventSourcedRepository<Counter> counters, EventSourcedRepository<Basket> baskets,
                        EventSourcedRepository<Note> notes) {
    }

    @Configuration(proxyBeanMethods = false)
    static class ApplicationRepositoryConfiguration {

        @Bean
        EventSourcedRepository<Counter> counters(EventStore eventStore) {
            return new EventSourcedRepository<>(eventStore, Mutator.ofEntityClass(Counter.class));
        }
    }
}
