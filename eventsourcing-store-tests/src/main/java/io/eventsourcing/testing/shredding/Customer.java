package io.eventsourcing.testing.shredding;

import io.eventsourcing.domain.PersonalData;
import io.eventsourcing.domain.TimestampedVersionedEntity;
import io.eventsourcing.domain.VersionedEvent;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A customer, a data subject: its name and email are personal fields of the event that registers it, its address
 * change is personal as a whole, and its plan is not personal.
 */
public class Customer extends TimestampedVersionedEntity {

    /** A customer registered: the name and email are personal, the plan is not. */
    public record Registered(UUID originatorId, long originatorVersion, Instant timestamp,
                             @PersonalData @Nullable String name, @PersonalData @Nullable String email, String plan)
            implements VersionedEvent {
    }

    /** A customer moved: the whole event is personal. */
    @PersonalData
    public record Moved(UUID originatorId, long originatorVersion, Instant timestamp, @Nullable String address)
            implements VersionedEvent {
    }

    /** A customer changed plan: nothing personal. */
    public record PlanChanged(UUID originatorId, long originatorVersion, Instant timestamp, String plan)
            implements VersionedEvent {
    }

    private final @Nullable String name;
    private final @Nullable String email;
    private @Nullable String address;
    private String plan;

    Customer(Registered registered) {
        super(registered);
        this.name = registered.name();
        this.email = registered.email();
        this.plan = registered.plan();
    }

    /** Registers a customer. */
    public static Customer register(String name, String email, String plan) {
        return create((id, version, timestamp) -> new Registered(id, version, timestamp, name, email, plan),
                Customer::new);
    }

    /** Records a new address. */
    public void moveTo(String address) {
        trigger((id, version, timestamp) -> new Moved(id, version, timestamp, address));
    }

    /** Changes the plan. */
    public void changePlan(String plan) {
        trigger((id, version, timestamp) -> new PlanChanged(id, version, timestamp, plan));
    }

    public @Nullable String getName() {
        return name;
    }

    public @Nullable String getEmail() {
        return email;
    }

    public @Nullable String getAddress() {
        return address;
    }

    public String getPlan() {
        return plan;
    }

    @Override
    protected void when(VersionedEvent event) {
        if (event instanceof Moved moved) {
            address = moved.address();
        } else if (event instanceof PlanChanged changed) {
            plan = changed.plan();
        } else {
            super.when(event);
        }
    }
}
