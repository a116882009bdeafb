package io.eventsourcing.infrastructure.jdbc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SQL of a {@link JdbcDcbEventStore}, with its table's validated names formatted in. Its tables beside the
 * table of items: {@code <table>_dcb_events(item_id, topic)} lists the items that are tagged events, by type;
 * {@code <table>_dcb_tags(tag, item_id)} their tags; {@code <table>_dcb_lock} the row every append locks.
 */
final class DcbStatements {

    private static final String LOCK = """
            UPDATE %s_dcb_lock SET appends = appends + 1 WHERE id = 1""";
    private static final String INSERT_EVENT = """
            INSERT INTO %s_dcb_events (item_id, topic) VALUES (?, ?)""";
    private static final String INSERT_TAG = """
            INSERT INTO %s_dcb_tags (tag, item_id) VALUES (?, ?)""";
    private static final String SELECT_ITEMS = """
            SELECT i.%2$s, i.%3$s, i.%4$s, i.%5$s, i.id FROM (%6$s) m JOIN %1$s i ON i.id = m.item_id ORDER BY i.id""";

    /** An item of a query, its types as topics. */
    record TopicItem(Set<String> topics, Set<String> tags) {
    }

    /** A statement's text and the values of its parameters, in order. */
    record Sql(String text, List<Object> parameters) {
    }

    private final SequencedItemTable table;
    private final JdbcDialect dialect;

    DcbStatements(SequencedItemTable table, JdbcDialect dialect) {
        this.table = table;
        this.dialect = dialect;
    }

    String lock() {
        return LOCK.formatted(table.table());
    }

    String insertEvent() {
        return INSERT_EVENT.formatted(table.table());
    }

    String insertTag() {
        return INSERT_TAG.formatted(table.table());
    }

    /** The items that match any of the query items after a position, in log order. */
    Sql selectItems(List<TopicItem> items, long after) {
        List<Object> parameters = new ArrayList<>();
        String matching = items.stream().map(item -> matching(item, after, parameters))
                .collect(Collectors.joining(" UNION "));
        return new Sql(SELECT_ITEMS.formatted(table.table(), table.sequenceIdColumn(), table.positionColumn(),
                table.topicColumn(), table.dataColumn(), matching), parameters);
    }

    /**
     * The id of one item that matches the query item after a position, if any: read as it is committed now, whatever
     * the transaction's isolation.
     */
    Sql selectAnyMatching(TopicItem item, long after) {
        List<Object> parameters = new ArrayList<>();
        return new Sql(dialect.lockingRead(matching(item, after, parameters) + " LIMIT 1"), parameters);
    }

    /**
     * The ids of the items that match a query item after a position: driven by the index of the first tag, joined
     * to the other tags and to the types; by the index of the types when there is no tag.
     */
    private String matching(TopicItem item, long after, List<Object> parameters) {
        String name = table.table();
        List<String> tags = item.tags().stream().sorted().toList();
        StringBuilder sql = new StringBuilder();
        if (tags.isEmpty()) {
            sql.append("SELECT e.item_id FROM ").append(name).append("_dcb_events e WHERE e.item_id > ?");
            parameters.add(after);
            appendTopics(sql, " AND e.topic IN (", item.topics(), parameters);
            return sql.toString();
        }
        sql.append("SELECT t0.item_id FROM ").append(name).append("_dcb_tags t0");
        for (int i = 1; i < tags.size(); i++) {
            sql.append(" JOIN ").append(name).append("_dcb_tags t").append(i).append(" ON t").append(i)
                    .append(".item_id = t0.item_id AND t").append(i).append(".tag = ?");
            parameters.add(tags.get(i));
        }
        appendTopics(sql, " JOIN " + name + "_dcb_events e ON e.item_id = t0.item_id AND e.topic IN (",
                item.topics(), parameters);
        sql.append(" WHERE t0.tag = ? AND t0.item_id > ?");
        parameters.add(tags.get(0));
        parameters.add(after);
        return sql.toString();
    }

    private static void appendTopics(StringBuilder sql, String prefix, Set<String> topics, List<Object> parameters) {
        if (!topics.isEmpty()) {
            sql.append(prefix).append(String.join(", ", Collections.nCopies(topics.size(), "?"))).append(')');
            parameters.addAll(topics.stream().sorted().toList());
        }
    }
}
