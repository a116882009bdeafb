-- The notification log reads items in id order and needs nothing more here: SQLite has one writer at a time,
-- holding its lock from its first insert to its commit, so ids become visible in order.
SELECT 1;
