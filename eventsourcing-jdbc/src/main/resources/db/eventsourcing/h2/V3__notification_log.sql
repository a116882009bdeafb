-- The notification log reads items in id order. Appends take this row's lock before their inserts and hold it
-- until they commit, so that ids become visible in order and no reader passes an id that appears later.
CREATE TABLE ${table}_writer_lock (
    id INT PRIMARY KEY
);
INSERT INTO ${table}_writer_lock (id) VALUES (1);
