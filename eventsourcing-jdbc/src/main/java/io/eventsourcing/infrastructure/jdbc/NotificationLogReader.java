package io.eventsourcing.infrastructure.jdbc;

import io.eventsourcing.infrastructure.StoreException;
import io.eventsourcing.infrastructure.StoreUnavailableException;
import io.eventsourcing.infrastructure.StoredItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Reads the notification log of a table: its items in id order, a page at a time, never past an id below
 * which an item could still become visible. A page whose ids follow on without a hole is final as read. A hole
 * is an id that a writer took but has not committed yet, or one that a rolled-back writer left behind: the
 * reader {@linkplain InFlightWriters waits out the writers in flight} and reads the page again, now final up
 * to its highest id; if they take too long it returns the items before the hole. The wait makes every id up to the
 * highest one committed before it final, so the pages that follow, up to that id, need no wait: a reader catching up
 * on a long log waits once, not once per page with a hole.
 * <p>
 * Reads on a connection of its own in auto-commit mode, outside any transaction of the calling thread, so
 * that each read sees everything committed before it.
 */
final class NotificationLogReader {

    private final DataSource dataSource;
    private final ItemRows rows;
    private final InFlightWriters inFlightWriters;
    private final String selectPage;
    private final String selectPageUpTo;
    private final String selectHighestId;
    /** Every id up to this one is visible or never will be: holes below it are final. */
    private final AtomicLong finalUpTo = new AtomicLong();

    NotificationLogReader(DataSource dataSource, ItemRows rows, SequencedItemStatements statements) {
        this.dataSource = dataSource;
        this.rows = rows;
        this.inFlightWriters = InFlightWriters.of(rows.dialect(), rows.table());
        this.selectPage = statements.selectStoredItems();
        this.selectPageUpTo = statements.selectStoredItemsUpTo();
        this.selectHighestId = "SELECT MAX(id) FROM " + rows.table().table();
    }

    List<StoredItem> read(long afterStoragePosition, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try {
                return read(connection, afterStoragePosition, limit);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            String operation = "Reading the items stored after position " + afterStoragePosition + " from "
                    + rows.table().table();
            if (isConnectionFailure(e)) {
                throw new StoreUnavailableException(operation + " failed, and did nothing: the database cannot be "
                        + "reached (" + e.getMessage() + ")", e);
            }
            throw new StoreException(operation + " failed: " + e.getMessage(), e);
        }
    }

    private List<StoredItem> read(Connection connection, long after, int limit) throws SQLException {
        long knownFinal = finalUpTo.get();
        List<StoredItem> page = query(connection, after, null, limit);
        int unbroken = unbrokenLength(after, page);
        long last = page.isEmpty() ? after : page.get(page.size() - 1).storagePosition();
        if (unbroken == page.size() || last <= knownFinal) {
            return page;
        }
        long highest = highestId(connection);
        if (!inFlightWriters.awaitEnd(connection)) {
            return page.subList(0, unbroken);
        }
        finalUpTo.accumulateAndGet(highest, Math::max);
        return query(connection, after, last, limit);
    }

    /** The highest id taken by a committed item: once the writers in flight now have ended, every id up to it is final. */
    private long highestId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(selectHighestId)) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    /** How many items at the start of a page have ids that follow on from {@code after} without a hole. */
    private static int unbrokenLength(long after, List<StoredItem> page) {
        int length = 0;
        for (StoredItem item : page) {
            if (item.storagePosition() != after + length + 1) {
                break;
            }
            length++;
        }
        return length;
    }

    /** The items after an id, up to an id if given, in id order. */
    private List<StoredItem> query(Connection connection, long after, @Nullable Long upTo, int limit)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(upTo == null ? selectPage : selectPageUpTo)) {
            int index = 1;
            statement.setLong(index++, after);
            if (upTo != null) {
                statement.setLong(index++, upTo);
            }
            statement.setInt(index, limit);
            List<StoredItem> items = new ArrayList<>(Math.min(limit, 1000));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    items.add(new StoredItem(row.getLong(5), rows.item(connection, row)));
                }
            }
            return items;
        }
    }

    private static boolean isConnectionFailure(SQLException e) {
        return e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || (e.getSQLState() != null && e.getSQLState().startsWith("08"));
    }
}
