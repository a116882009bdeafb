package io.eventsourcing.benchmarks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How the hand-written JDBC code lays an account's changes out in a table: its SQL, and how a change is written to
 * and read from its columns. Implementations are thread-safe.
 */
interface EventTable {

    /** The table's name. */
    String name();

    /** Inserts a change; parameters: the account id, the version, then the change's ({@link #bindChange}). */
    String insert();

    /**
     * Selects an account's changes from a version on, in order; parameters: the account id, the first version;
     * columns: the version, then the change's ({@link #readChange}).
     */
    String selectHistory();

    /**
     * Selects a page of all changes in the order they were stored; parameters: the id after which to start, the
     * page's size; columns: the id, the account id, the version, then the change's.
     */
    String selectPage();

    /** Binds a change from parameter {@code index} on. */
    void bindChange(PreparedStatement insert, int index, long version, AccountChange change) throws SQLException;

    /** The change of a row whose change's columns start at {@code column}. */
    AccountChange readChange(ResultSet rows, int column, long version) throws SQLException;
}
