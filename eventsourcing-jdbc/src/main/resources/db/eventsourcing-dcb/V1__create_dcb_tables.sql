-- Dynamic consistency boundaries. Tagged events are items of ${table}, so that they are in the notification log;
-- these tables index them by type and by tag, and hold the row that every append of tagged events locks, so that
-- the check of an append's condition and its inserts are one atomic step. Types and tags compare exactly, as their
-- bytes (${exact_text} is binary on MariaDB and MySQL, whose collations ignore case or trailing spaces).
CREATE TABLE ${table}_dcb_events (
    item_id BIGINT NOT NULL PRIMARY KEY,
    topic ${exact_text} NOT NULL
);
CREATE INDEX ${table}_dcb_topic ON ${table}_dcb_events (topic, item_id);
CREATE TABLE ${table}_dcb_tags (
    tag ${exact_text} NOT NULL,
    item_id BIGINT NOT NULL,
    PRIMARY KEY (tag, item_id)
);
CREATE TABLE ${table}_dcb_lock (
    id INT NOT NULL PRIMARY KEY,
    appends BIGINT NOT NULL
);
INSERT INTO ${table}_dcb_lock (id, appends) VALUES (1, 0);
