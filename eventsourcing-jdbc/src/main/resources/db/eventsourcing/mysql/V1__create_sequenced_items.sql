CREATE TABLE ${table} (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ${sequence_id} CHAR(36) CHARACTER SET ascii NOT NULL,
    ${position} BIGINT NOT NULL,
    ${topic} VARCHAR(255) NOT NULL,
    ${data} LONGTEXT NOT NULL,
    CONSTRAINT ${table}_uc UNIQUE (${sequence_id}, ${position})
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
