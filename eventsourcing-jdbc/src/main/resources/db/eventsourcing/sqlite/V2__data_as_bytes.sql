-- Event data is bytes: JSON, or its compressed or encrypted form. Text written by the first release becomes its UTF-8
-- bytes. SQLite cannot change a column's type, so the table is copied into a new one, ids and all.
CREATE TABLE ${table}_bytes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ${sequence_id} TEXT NOT NULL,
    ${position} INTEGER NOT NULL,
    ${topic} TEXT NOT NULL,
    ${data} BLOB NOT NULL,
    CONSTRAINT ${table}_uc UNIQUE (${sequence_id}, ${position})
);
INSERT INTO ${table}_bytes (id, ${sequence_id}, ${position}, ${topic}, ${data})
    SELECT id, ${sequence_id}, ${position}, ${topic}, CAST(${data} AS BLOB) FROM ${table};
DROP TABLE ${table};
ALTER TABLE ${table}_bytes RENAME TO ${table};
