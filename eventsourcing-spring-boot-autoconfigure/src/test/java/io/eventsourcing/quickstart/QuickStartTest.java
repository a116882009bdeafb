package io.eventsourcing.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsourcing.infrastructure.ConcurrencyException;
import io.eventsourcing.infrastructure.EventSourcedRepository;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.projection.Generation;
import io.eventsourcing.projection.Projections;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import static org.awaitility.Awaitility.await;
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

    @Autowired
    OrderSummaries summaries;

    @Autowired
    Projections projections;

    @Test
    void theProjectionKeepsTheSummariesOfPlacedOrdersAndRebuildsThemAlike() {
        UUID first = orderService.open("carol", "tea", 1);
        orderService.place(first);
        Order second = orders.get(orderService.open("carol", "cups", 2));
        second.addLine("saucers", 2);
        orders.save(second);
        orderService.place(second.getId());
        orderService.open("carol", "cake", 1);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(summaries.placedOrderSizes("carol")).containsExactly(1, 2));

        Generation rebuilt = projections.rebuild("order-summaries");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(projections.servingGeneration("order-summaries")).isEqualTo(rebuilt));
        assertThat(summaries.placedOrderSizes("carol")).containsExactly(1, 2);
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
