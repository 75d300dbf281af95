-- The read model: each member's latest snapshot (from member-snapshots) and the segments they are
-- in (from member-segments). Written by idempotent upserts: a replayed record writes the same row.
CREATE TABLE member (
    member_id           VARCHAR(64)    NOT NULL,
    brand_id            VARCHAR(64)    NOT NULL,
    tier                VARCHAR(64)    NULL,
    tags                TEXT           NOT NULL,
    birthday            DATE           NULL,
    time_zone           VARCHAR(64)    NULL,
    registered_on       DATE           NULL,
    recency_days        INT            NULL,
    frequency           INT            NOT NULL,
    monetary            DECIMAL(14, 2) NOT NULL,
    recency_score       TINYINT        NOT NULL,
    frequency_score     TINYINT        NOT NULL,
    monetary_score      TINYINT        NOT NULL,
    rfm_class           VARCHAR(32)    NOT NULL,
    points_balance      BIGINT         NOT NULL,
    next_points_expiry  DATE           NULL,
    last_purchase_date  DATE           NULL,
    lifetime_purchases  BIGINT         NOT NULL,
    lifetime_spend      DECIMAL(14, 2) NOT NULL,
    check_in_streak     INT            NOT NULL,
    event_count         BIGINT         NOT NULL,
    updated_at          DATETIME(3)    NOT NULL,
    PRIMARY KEY (member_id),
    KEY idx_member_brand_class (brand_id, rfm_class)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE member_segment (
    member_id  VARCHAR(64)  NOT NULL,
    segment    VARCHAR(64)  NOT NULL,
    brand_id   VARCHAR(64)  NOT NULL,
    since      DATETIME(3)  NOT NULL,
    PRIMARY KEY (member_id, segment),
    KEY idx_member_segment_brand (brand_id, segment, member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
