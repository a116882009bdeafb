-- The notification log reads items in id order. A reader that meets an id not yet visible waits for the
-- transactions running at that moment; for that, every transaction that takes an id must already have a
-- transaction id. The id's default takes one first, then the next id (an identity column cannot have such a
-- default, so its sequence is replaced by one of the same name, continuing where it stopped).
LOCK TABLE ${table} IN EXCLUSIVE MODE;
CREATE FUNCTION ${table}_next_id() RETURNS BIGINT LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM pg_current_xact_id();
    RETURN nextval('${table}_id_seq');
END
$$;
ALTER TABLE ${table} ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE ${table}_id_seq OWNED BY ${table}.id;
SELECT setval('${table}_id_seq', COALESCE((SELECT max(id) FROM ${table}), 0) + 1, false);
ALTER TABLE ${table} ALTER COLUMN id SET DEFAULT ${table}_next_id();
