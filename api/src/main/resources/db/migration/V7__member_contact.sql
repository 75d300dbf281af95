-- Members' phone numbers, sealed (AES-256-GCM, the member id as associated data) with the key
-- named in phone_key_id, so keys can rotate; the masked form (138****5678) for display. Never
-- the number in clear.
CREATE TABLE member_contact (
    member_id      VARCHAR(64)    NOT NULL,
    phone_sealed   VARBINARY(128) NOT NULL,
    phone_key_id   VARCHAR(32)    NOT NULL,
    phone_masked   VARCHAR(32)    NOT NULL,
    phone_at       DATETIME(3)    NOT NULL,
    PRIMARY KEY (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
