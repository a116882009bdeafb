-- The generations of each projection with their positions in the notification log, and the instance that holds
-- each one under a lease (in milliseconds since the epoch). The same SQL for every supported database.
CREATE TABLE ${table} (
    name VARCHAR(100) NOT NULL,
    generation INT NOT NULL,
    serving BOOLEAN NOT NULL,
    position BIGINT NOT NULL,
    lease_owner VARCHAR(200),
    lease_until BIGINT NOT NULL,
    PRIMARY KEY (name, generation)
);
