package io.eventsourcing.benchmarks;

import io.eventsourcing.benchmarks.AccountChange.Deposit;
import io.eventsourcing.benchmarks.AccountChange.Opening;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The independent baseline's table, as an application writes it without the library:
 * {@code account_events(id, account_id, version, payload)}, the payload the JSON of the change's business fields.
 * There is no type column: version 0 is the opening, every later version a deposit.
 */
final class AccountEventsTable implements EventTable {

    private final ObjectWriter openingWriter;
    private final ObjectWriter depositWriter;
    private final ObjectReader openingReader;
    private final ObjectReader depositReader;

    AccountEventsTable(JsonMapper jsonMapper) {
        this.openingWriter = jsonMapper.writerFor(Opening.class);
        this.depositWriter = jsonMapper.writerFor(Deposit.class);
        this.openingReader = jsonMapper.readerFor(Opening.class);
        this.depositReader = jsonMapper.readerFor(Deposit.class);
    }

    @Override
    public String name() {
        return "account_events";
    }

    @Override
    public String insert() {
        return "INSERT INTO account_events (account_id, version, payload) VALUES (?, ?, ?)";
    }

    @Override
    public String selectHistory() {
        return "SELECT version, payload FROM account_events WHERE account_id = ? AND version >= ? ORDER BY version";
    }

    @Override
    public String selectPage() {
        return "SELECT id, account_id, version, payload FROM account_events WHERE id > ? ORDER BY id LIMIT ?";
    }

    @Override
    public void bindChange(PreparedStatement insert, int index, long version, AccountChange change)
            throws SQLException {
        insert.setString(index, (change instanceof Opening ? openingWriter : depositWriter)
                .writeValueAsString(change));
    }

    @Override
    public AccountChange readChange(ResultSet rows, int column, long version) throws SQLException {
        return (version == 0 ? openingReader : depositReader).readValue(rows.getString(column));
    }
}
