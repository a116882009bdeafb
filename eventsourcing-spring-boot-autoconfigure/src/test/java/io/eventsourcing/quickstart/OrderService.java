package io.eventsourcing.quickstart;

import io.eventsourcing.infrastructure.EventSourcedRepository;
import java.util.UUID;
import org.springframework.stereotype.Service;

// tag::service[]
/** Opens and places orders; each save appends the order's new events in one transaction. */
@Service
public class OrderService {

    private final EventSourcedRepository<Order> orders;

    public OrderService(EventSourcedRepository<Order> orders) {
        this.orders = orders;
    }

    public UUID open(String customer, String product, int quantity) {
        Order order = Order.create(customer);
        order.addLine(product, quantity);
        orders.save(order);
        return order.getId();
    }

    public Order place(UUID orderId) {
        Order order = orders.get(orderId); // EntityNotFoundException if missing or discarded
        order.place();
        orders.save(order);
        return order;
    }
}
// end::service[]
