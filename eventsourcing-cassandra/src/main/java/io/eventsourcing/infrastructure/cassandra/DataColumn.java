package io.eventsourcing.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.type.DataTypes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How the {@code data} column holds an item's bytes: a {@code blob}, as tables are created now, or the {@code text}
 * of a table created by the first release, which keeps working without a migration. In text, bytes that begin a
 * JSON object (as the first release's plain data did) are kept as UTF-8 text, and any others as {@code ~} and their
 * base64; the first release's base64 ciphertexts read back as their text's bytes.
 */
enum DataColumn {

    BLOB {
        @Override
        Object value(byte[] data) {
            return ByteBuffer.wrap(data);
        }

        @Override
        byte[] bytes(Row row) {
            ByteBuffer data = row.getByteBuffer(NAME);
            byte[] bytes = new byte[data == null ? 0 : data.remaining()];
            if (data != null) {
                data.duplicate().get(bytes);
            }
            return bytes;
        }
    },

    TEXT_OF_THE_FIRST_RELEASE {
        @Override
        Object value(byte[] data) {
            return data.length > 0 && data[0] == '{' ? new String(data, StandardCharsets.UTF_8)
                    : BASE64_MARK + Base64.getEncoder().encodeToString(data);
        }

        @Override
        byte[] bytes(Row row) {
            String text = row.getString(NAME);
            if (text == null) {
                return new byte[0];
            }
            return text.startsWith(BASE64_MARK) ? Base64.getDecoder().decode(text.substring(1))
                    : text.getBytes(StandardCharsets.UTF_8);
        }
    };

    private static final String NAME = "data";
    private static final String BASE64_MARK = "~";

    /** The column of the table that an insert of items writes. */
    static DataColumn of(PreparedStatement insertItem) {
        return DataTypes.TEXT.equals(insertItem.getVariableDefinitions().get(NAME).getType())
                ? TEXT_OF_THE_FIRST_RELEASE : BLOB;
    }

    /** The value to bind to the column for an item's data. */
    abstract Object value(byte[] data);

    /** The data of an item from a row that selected the column. */
    abstract byte[] bytes(Row row);
}
