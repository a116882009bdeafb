package io.eventsourcing.testing.evolution;

import io.eventsourcing.domain.Timestamps;
import io.eventsourcing.infrastructure.upcasting.EventJson;
import io.eventsourcing.infrastructure.upcasting.Upcaster;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The upcasters of the account's three releases. */
public final class AccountUpcasters {

    private AccountUpcasters() {
    }

    // tag::upcasters[]
    /** The upcasters of the account's events, in the order of the releases that brought them. */
    public static List<Upcaster> events() {
        return List.of(
                // Release 2 renamed a field.
                Upcaster.of("account.Deposited", 1, json -> json.set("amountInCents", json.remove("amount"))),
                // Release 3 added a required field; older deposits were booked on the day they happened.
                Upcaster.of("account.Deposited", 2, json -> json.put("bookedOn", dayOf(json.get("timestamp")))),
                // Release 3 split the first deposit off the opening: one stored event, read as two.
                Upcaster.splitting("account.Opened", 1, json -> {
                    ObjectNode deposited = json.objectNode().set("timestamp", json.get("timestamp"))
                            .set("amountInCents", json.remove("initialDeposit"));
                    return List.of(new EventJson("account.Opened", 2, json),
                            new EventJson("account.Deposited", 2, deposited));
                }));
    }

    /** The upcaster of the account's snapshots: release 3 renamed the balance. */
    public static Upcaster snapshots() {
        return Upcaster.of(Account.class.getName(), 1, state -> state.set("balanceInCents", state.remove("balance")));
    }

    /** The day, in UTC, of a stored timestamp: microseconds since the epoch, or ISO-8601 text when finer. */
    private static String dayOf(JsonNode timestamp) {
        Instant instant = timestamp.isNumber() ? Timestamps.ofMicros(timestamp.asLong())
                : Instant.parse(timestamp.asString());
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }
    // end::upcasters[]
}
