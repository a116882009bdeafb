package io.eventsourcing.infrastructure.jdbc;

import io.eventsourcing.infrastructure.PositionRange;

/**
 * The SQL of a {@link JdbcActiveRecordStrategy}, with its table's validated names formatted in. The queries of one
 * sequence's items select their position, topic number and data; the others select the sequence id before those, and
 * the id after.
 */
record SequencedItemStatements(String insert, String selectItem, String selectItems, String selectStoredItems,
                               String selectStoredItemsUpTo, String selectLastStoredItem, String lockWriters,
                               String countItems, String deleteItems) {

    private static final String INSERT = """
            INSERT INTO %1$s (%2$s, %3$s, %4$s, %5$s) VALUES (?, ?, ?, ?)""";
    private static final String SELECT_ITEM = """
            SELECT %3$s, %4$s, %5$s FROM %1$s WHERE %2$s = ? AND %3$s = ?""";
    private static final String SELECT_ITEMS = """
            SELECT %3$s, %4$s, %5$s FROM %1$s WHERE %2$s = ?""";
    private static final String SELECT_STORED_ITEMS = """
            SELECT %2$s, %3$s, %4$s, %5$s, id FROM %1$s WHERE id > ? ORDER BY id LIMIT ?""";
    private static final String SELECT_STORED_ITEMS_UP_TO = """
            SELECT %2$s, %3$s, %4$s, %5$s, id FROM %1$s WHERE id > ? AND id <= ? ORDER BY id LIMIT ?""";
    private static final String LOCK_WRITERS = """
            SELECT id FROM %1$s_writer_lock WHERE id = 1 FOR UPDATE""";
    private static final String SELECT_LAST_STORED_ITEM = """
            SELECT %2$s, %3$s, %4$s, %5$s, id FROM %1$s ORDER BY id DESC LIMIT 1""";
    private static final String COUNT_ITEMS = """
            SELECT COUNT(*) FROM %1$s""";
    private static final String DELETE_ITEMS = """
            DELETE FROM %1$s WHERE %2$s = ?""";

    static SequencedItemStatements of(SequencedItemTable table) {
        Object[] names = {table.table(), table.sequenceIdColumn(), table.positionColumn(), table.topicColumn(),
                table.dataColumn()};
        return new SequencedItemStatements(INSERT.formatted(names), SELECT_ITEM.formatted(names),
                SELECT_ITEMS.formatted(names), SELECT_STORED_ITEMS.formatted(names),
                SELECT_STORED_ITEMS_UP_TO.formatted(names), SELECT_LAST_STORED_ITEM.formatted(names),
                LOCK_WRITERS.formatted(names), COUNT_ITEMS.formatted(names), DELETE_ITEMS.formatted(names));
    }

    /**
     * The query of a sequence's items within a range. Its parameters are the sequence id, then the
     * range's bounds in the order gt, gte, lt, lte (those that are set), then the limit if set.
     */
    String selectItems(SequencedItemTable table, PositionRange range) {
        StringBuilder sql = new StringBuilder(selectItems);
        String position = table.positionColumn();
        appendBound(sql, position, " > ?", range.gt());
        appendBound(sql, position, " >= ?", range.gte());
        appendBound(sql, position, " < ?", range.lt());
        appendBound(sql, position, " <= ?", range.lte());
        sql.append(" ORDER BY ").append(position).append(range.descending() ? " DESC" : " ASC");
        if (range.limit() != null) {
            sql.append(" LIMIT ?");
        }
        return sql.toString();
    }

    private static void appendBound(StringBuilder sql, String column, String comparison, Long bound) {
        if (bound != null) {
            sql.append(" AND ").append(column).append(comparison);
        }
    }
}
