-- Delivery: every decision gets a fate once (outcome), decided by the campaign's guardrails in
-- the transaction that records it; the campaigns with their budgets and caps; the purchases that
-- measure conversion; webhook endpoints and their deliveries.

-- The action log records every decision with its outcome: DELIVERED (published on
-- campaign-actions), CONTROL (held out), or SUPPRESSED_* (a cap, the budget, quiet hours, a
-- paused campaign). The source position says which record of campaign-decisions settled it: a
-- redelivery of that very record publishes it again (its first publication was rolled back, see
-- delivery_watermark), a replayed decision at another position does not.
ALTER TABLE campaign_action
    DROP COLUMN control,
    ADD COLUMN time_zone        VARCHAR(64) NULL AFTER not_before,
    ADD COLUMN outcome          VARCHAR(32) NOT NULL DEFAULT 'DELIVERED' AFTER time_zone,
    ADD COLUMN source_partition INT         NULL AFTER outcome,
    ADD COLUMN source_offset    BIGINT      NULL AFTER source_partition,
    ADD KEY idx_campaign_action_campaign (campaign_id, outcome, decided_at),
    ADD KEY idx_campaign_action_member_campaign (member_id, campaign_id, decided_at);

-- Per partition of campaign-decisions, an offset below which every record's settlement was
-- committed to Kafka too: the first offset of each batch settled. A record below it that is read
-- again (offsets reset or expired, a replay) is never published again; one at or above it that
-- settled before is a redelivery after a rolled-back transaction, and is.
CREATE TABLE delivery_watermark (
    source_partition INT    NOT NULL,
    committed_below  BIGINT NOT NULL,
    PRIMARY KEY (source_partition)
) ENGINE = InnoDB;

-- A campaign's limits. Decisions of a campaign without a row are delivered, within the member's
-- daily cap. spent_* count what was delivered since the row exists; the row is locked while a batch is settled, so
-- concurrent sinks never spend the same budget twice.
CREATE TABLE campaign (
    campaign_id      VARCHAR(64)    NOT NULL,
    name             VARCHAR(255)   NOT NULL,
    status           VARCHAR(16)    NOT NULL,
    budget_count     BIGINT         NULL,
    budget_value     DECIMAL(14, 2) NULL,
    spent_count      BIGINT         NOT NULL DEFAULT 0,
    spent_value      DECIMAL(14, 2) NOT NULL DEFAULT 0,
    cap_count        INT            NULL,
    cap_period_days  INT            NULL,
    holdout_percent  DECIMAL(5, 2)  NOT NULL DEFAULT 0,
    quiet_start      TIME           NULL,
    quiet_end        TIME           NULL,
    quiet_policy     VARCHAR(16)    NULL,
    conversion_days  INT            NOT NULL DEFAULT 7,
    created_at       DATETIME(3)    NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at       DATETIME(3)    NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (campaign_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Purchases from member-events, for conversion: a purchase within N days of an action.
CREATE TABLE purchase (
    member_id    VARCHAR(64)    NOT NULL,
    event_id     VARCHAR(64)    NOT NULL,
    brand_id     VARCHAR(64)    NOT NULL,
    order_id     VARCHAR(64)    NULL,
    amount       DECIMAL(14, 2) NOT NULL,
    occurred_at  DATETIME(3)    NOT NULL,
    PRIMARY KEY (member_id, event_id),
    KEY idx_purchase_member_time (member_id, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Webhook endpoints: every delivered action (of one campaign, or of all when campaign_id is
-- null) is POSTed to the URL, signed with HMAC-SHA256 under the secret.
CREATE TABLE webhook (
    webhook_id   BIGINT         NOT NULL AUTO_INCREMENT,
    url          VARCHAR(2048)  NOT NULL,
    secret       VARCHAR(128)   NOT NULL,
    campaign_id  VARCHAR(64)    NULL,
    active       BOOLEAN        NOT NULL DEFAULT TRUE,
    created_at   DATETIME(3)    NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (webhook_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per (action, webhook), written with the action's outcome. PENDING until a 2xx answer
-- (DELIVERED), max attempts (DEAD) or the webhook's removal (CANCELLED). While a server sends it,
-- next_attempt_at is the end of its lease and claimed_by its claim: only that claim may record
-- the result.
CREATE TABLE webhook_delivery (
    delivery_id      BIGINT         NOT NULL AUTO_INCREMENT,
    action_id        CHAR(32)       NOT NULL,
    webhook_id       BIGINT         NOT NULL,
    status           VARCHAR(16)    NOT NULL,
    attempts         INT            NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME(3)    NOT NULL,
    claimed_by       CHAR(36)       NULL,
    last_status      INT            NULL,
    last_error       VARCHAR(1024)  NULL,
    delivered_at     DATETIME(3)    NULL,
    created_at       DATETIME(3)    NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (delivery_id),
    UNIQUE KEY uk_webhook_delivery (action_id, webhook_id),
    KEY idx_webhook_delivery_due (status, next_attempt_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
