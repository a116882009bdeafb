CREATE TABLE ${table} (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ${sequence_id} TEXT NOT NULL,
    ${position} INTEGER NOT NULL,
    ${topic} TEXT NOT NULL,
    ${data} TEXT NOT NULL,
    CONSTRAINT ${table}_uc UNIQUE (${sequence_id}, ${position})
);
