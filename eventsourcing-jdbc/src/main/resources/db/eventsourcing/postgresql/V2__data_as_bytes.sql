-- Event data is bytes: JSON, or its compressed or encrypted form. Text written by the first release becomes its UTF-8 bytes.
ALTER TABLE ${table} ALTER COLUMN ${data} TYPE bytea USING convert_to(${data}, 'UTF8');
