-- The notification log reads items in id order and needs nothing more here: a reader that meets a hole in the
-- ids takes LOCK TABLES ... READ, which waits for every transaction writing to the table.
SELECT 1;
