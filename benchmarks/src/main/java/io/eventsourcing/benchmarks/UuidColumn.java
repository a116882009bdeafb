package io.eventsourcing.benchmarks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** How a database column holds a UUID: natively (PostgreSQL's {@code uuid}) or as its text ({@code CHAR(36)}). */
enum UuidColumn {

    NATIVE {
        @Override
        void bind(PreparedStatement statement, int index, UUID uuid) throws SQLException {
            statement.setObject(index, uuid);
        }

        @Override
        UUID read(ResultSet rows, int column) throws SQLException {
            return rows.getObject(column, UUID.class);
        }
    },

    TEXT {
        @Override
        void bind(PreparedStatement statement, int index, UUID uuid) throws SQLException {
            statement.setString(index, uuid.toString());
        }

        @Override
        UUID read(ResultSet rows, int column) throws SQLException {
            return UUID.fromString(rows.getString(column));
        }
    };

    abstract void bind(PreparedStatement statement, int index, UUID uuid) throws SQLException;

    abstract UUID read(ResultSet rows, int column) throws SQLException;
}
