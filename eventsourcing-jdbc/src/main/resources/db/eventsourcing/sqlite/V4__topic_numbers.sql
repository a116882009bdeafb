-- A row names its event's topic by a number, and ${table}_topics holds the topic of each number: rows no longer
-- repeat a text of up to 255 characters. The topics stored so far are numbered in the order of their first use.
-- SQLite cannot change a column's type, so the table is copied into a new one, ids and all.
CREATE TABLE ${table}_topics (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    topic TEXT NOT NULL,
    CONSTRAINT ${table}_topics_uc UNIQUE (topic)
);
INSERT INTO ${table}_topics (topic) SELECT ${topic} FROM ${table} GROUP BY ${topic} ORDER BY MIN(id);
CREATE TABLE ${table}_numbered (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ${sequence_id} TEXT NOT NULL,
    ${position} INTEGER NOT NULL,
    ${topic} INTEGER NOT NULL,
    ${data} BLOB NOT NULL,
    CONSTRAINT ${table}_uc UNIQUE (${sequence_id}, ${position})
);
INSERT INTO ${table}_numbered (id, ${sequence_id}, ${position}, ${topic}, ${data})
    SELECT i.id, i.${sequence_id}, i.${position}, k.id, i.${data} FROM ${table} i
    JOIN ${table}_topics k ON k.topic = i.${topic};
DROP TABLE ${table};
ALTER TABLE ${table}_numbered RENAME TO ${table};
