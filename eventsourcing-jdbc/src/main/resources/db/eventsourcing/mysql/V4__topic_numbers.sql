-- A row names its event's topic by a number, and ${table}_topics holds the topic of each number: rows no longer
-- repeat a text of up to 255 characters. The topics stored so far are numbered in the order of their first use.
-- Topics compare as their bytes, as the collation of the former column would ignore case or trailing spaces.
CREATE TABLE ${table}_topics (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    topic VARBINARY(1020) NOT NULL,
    CONSTRAINT ${table}_topics_uc UNIQUE (topic)
) ENGINE = InnoDB;
INSERT INTO ${table}_topics (topic)
    SELECT CAST(${topic} AS BINARY) FROM ${table} GROUP BY CAST(${topic} AS BINARY) ORDER BY MIN(id);
ALTER TABLE ${table} ADD COLUMN es_topic_number INT NULL AFTER ${position};
UPDATE ${table} i JOIN ${table}_topics k ON k.topic = CAST(i.${topic} AS BINARY) SET i.es_topic_number = k.id;
ALTER TABLE ${table} DROP COLUMN ${topic}, CHANGE COLUMN es_topic_number ${topic} INT NOT NULL;
