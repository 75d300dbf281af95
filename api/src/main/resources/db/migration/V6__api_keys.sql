-- API keys: the public id, a name, one role, and the SHA-256 of the secret (never the secret).
-- A revoked key stays listed, with when it was revoked.
CREATE TABLE api_key (
    key_id                 CHAR(12)     NOT NULL,
    name                   VARCHAR(64)  NOT NULL,
    role                   VARCHAR(16)  NOT NULL,
    secret_hash            BINARY(32)   NOT NULL,
    rate_limit_per_second  INT          NULL,
    created_at             DATETIME(3)  NOT NULL,
    revoked_at             DATETIME(3)  NULL,
    PRIMARY KEY (key_id),
    UNIQUE KEY uk_api_key_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
