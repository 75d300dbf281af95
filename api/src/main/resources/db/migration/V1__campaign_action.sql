-- The action log: every decision the engine made, once. action_id is the engine's
-- deterministic id, so a replayed action finds its row already there and adds nothing.
CREATE TABLE campaign_action (
    action_id        CHAR(32)     NOT NULL,
    brand_id         VARCHAR(64)  NOT NULL,
    member_id        VARCHAR(64)  NOT NULL,
    campaign_id      VARCHAR(64)  NOT NULL,
    period_key       VARCHAR(64)  NOT NULL,
    action_type      VARCHAR(32)  NOT NULL,
    params           TEXT         NOT NULL,
    rule_name        VARCHAR(255) NOT NULL,
    rule_set_version VARCHAR(128) NOT NULL,
    cause_event_id   VARCHAR(64)  NOT NULL,
    decided_at       DATETIME(3)  NOT NULL,
    not_before       DATETIME(3)  NULL,
    control          BOOLEAN      NOT NULL DEFAULT FALSE,
    recorded_at      DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (action_id),
    KEY idx_campaign_action_member (member_id, decided_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
