-- Rule-set versions: the catalogue marketers work with. The active version is also published on
-- the compacted topic rule-sets, which is what the engine instances run.
CREATE TABLE rule_set_version (
    version       INT          NOT NULL,
    name          VARCHAR(64)  NOT NULL,
    checksum      CHAR(64)     NOT NULL,
    author        VARCHAR(64)  NOT NULL,
    comment       VARCHAR(1000) NOT NULL DEFAULT '',
    status        VARCHAR(16)  NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    activated_at  DATETIME(3)  NULL,
    PRIMARY KEY (version),
    KEY idx_rule_set_version_status (status),
    CONSTRAINT chk_rule_set_status CHECK (status IN ('DRAFT', 'ACTIVE', 'RETIRED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row: which version is active. Every change to the catalogue locks this row first, so uploads,
-- activations and the seeding on a first start are serialised across servers, and exactly one
-- version can be active.
CREATE TABLE rule_set_head (
    id              TINYINT NOT NULL,
    active_version  INT     NULL,
    PRIMARY KEY (id),
    CONSTRAINT chk_rule_set_head_one_row CHECK (id = 1)
) ENGINE = InnoDB;
INSERT INTO rule_set_head (id, active_version) VALUES (1, NULL);

CREATE TABLE rule_set_file (
    version  INT           NOT NULL,
    path     VARCHAR(255)  NOT NULL,
    content  MEDIUMBLOB    NOT NULL,
    PRIMARY KEY (version, path),
    CONSTRAINT fk_rule_set_file_version FOREIGN KEY (version) REFERENCES rule_set_version (version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every change to the catalogue, never updated or deleted: who did what to which version, when.
CREATE TABLE rule_set_audit (
    id        BIGINT        NOT NULL AUTO_INCREMENT,
    version   INT           NOT NULL,
    action    VARCHAR(16)   NOT NULL,
    actor     VARCHAR(64)   NOT NULL,
    detail    VARCHAR(1000) NOT NULL DEFAULT '',
    at        DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_rule_set_audit_version (version, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
