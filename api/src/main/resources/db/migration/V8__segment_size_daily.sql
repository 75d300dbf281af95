-- The console's history of segment sizes: one row per brand, segment and day (Asia/Shanghai),
-- written by the segment-sizes job. A run replaces its day's rows, so running it again that day
-- changes nothing but the counts.
CREATE TABLE segment_size_daily (
    brand_id  VARCHAR(64)  NOT NULL,
    segment   VARCHAR(64)  NOT NULL,
    day       DATE         NOT NULL,
    members   BIGINT       NOT NULL,
    PRIMARY KEY (brand_id, segment, day),
    KEY idx_segment_size_daily_day (brand_id, day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
