-- Crypto-shredding: each data subject's data key, wrapped under the master key. A forgotten subject keeps its row,
-- without a key, so that its personal data is never stored again.
CREATE TABLE ${table}_data_keys (
    subject_id CHAR(36) NOT NULL PRIMARY KEY,
    wrapped_key ${key_bytes},
    forgotten_at BIGINT
);
