package io.eventsourcing.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsourcing.infrastructure.ConcurrencyException;
import io.eventsourcing.infrastructure.EventSourcedRepository;
import io.eventsourcing.infrastructure.EventStore;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The README's quick start runs as written: the configuration, the aggregate and the service. */
// This module's tests have the optional Cassandra support on the class path, which a quick-start
// application on a DataSource does not: Spring Boot would open a session to Cassandra.
@SpringBootTest(classes = QuickStartApplication.class, properties = { "spring.config.name=quickstart",
        "spring.autoconfigure.exclude=org.springframework.boot.cassandra.autoconfigure.CassandraAutoConfiguration" })
class QuickStartTest {

    @Autowired
    OrderService orderService;

    @Autowired
    EventSourcedRepository<Order> orders;

    @Autowired
    EventStore eventStore;

    @Test
    void ordersAreOpenedPlacedAndRebuiltFromTheirEvents() {
        UUID orderId = orderService.open("alice", "book", 2);

        Order placed = orderService.place(orderId);

        Order loaded = orders.get(orderId);
        assertThat(loaded.getCustomer()).isEqualTo("alice");
        assertThat(loaded.getLines()).containsExactly("2 x book");
        assertThat(loaded.isPlaced()).isTrue();
        assertThat(loaded.getVersion()).isEqualTo(placed.getVersion()).isEqualTo(3);
        assertThat(eventStore.getDomainEvents(orderId)).hasSize(3);
    }

    @Test
    void aConcurrentChangeFailsTheSecondSave() {
        UUID orderId = orderService.open("bob", "pen", 1);
        Order first = orders.get(orderId);
        Order second = orders.get(orderId);
        first.addLine("ink", 1);
        orders.save(first);

        second.addLine("paper", 5);

        assertThatThrownBy(() -> orders.save(second)).isInstanceOf(ConcurrencyException.class);
        assertThat(orders.get(orderId).getLines()).containsExactly("1 x pen", "1 x ink");
    }
}
