-- Kameleoon SDK tables, MySQL 8.0.13+ and MariaDB 10.6+ (InnoDB, utf8mb4, DYNAMIC rows).
-- Timestamps: DATETIME(3) holding UTC, always written from the database clock with UTC_TIMESTAMP(3)
-- (never CURRENT_TIMESTAMP / NOW(), which follow the session time zone); read them as UTC.
-- Strings: utf8mb4 with the binary collation utf8mb4_bin (codes are case- and accent-sensitive).
-- Keys: utf8mb4 takes up to 4 bytes a character; the widest key, kameleoon_visitor_item's primary key
-- (64 + 255 + 16 + 191 characters), takes 2104 bytes, within InnoDB's 3072-byte limit.
-- Text: MEDIUMTEXT (up to 16 MiB) for payloads and lines, LONGTEXT for datafiles, CHECK constraints as
-- size caps (characters).

CREATE TABLE kameleoon_visitor (
    site_code       VARCHAR(64)  NOT NULL,
    visitor_code    VARCHAR(255) NOT NULL,
    time_started    BIGINT       NOT NULL,
    consent         VARCHAR(16)  NOT NULL DEFAULT 'UNKNOWN',
    consent_version INT          NOT NULL DEFAULT 0,
    alias_of        VARCHAR(255) NULL,
    expires_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (site_code, visitor_code),
    INDEX kameleoon_visitor_expires_idx (expires_at)
) ENGINE = InnoDB ROW_FORMAT = DYNAMIC DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE kameleoon_visitor_item (
    site_code    VARCHAR(64)  NOT NULL,
    visitor_code VARCHAR(255) NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    item_key     VARCHAR(191) NOT NULL,
    payload      MEDIUMTEXT   NOT NULL,
    sent         BOOLEAN      NOT NULL DEFAULT FALSE,
    counter      INT          NOT NULL DEFAULT 0,
    updated_at   DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    PRIMARY KEY (site_code, visitor_code, kind, item_key),
    CONSTRAINT kameleoon_visitor_item_payload_size CHECK (CHAR_LENGTH(payload) <= 1048576)
) ENGINE = InnoDB ROW_FORMAT = DYNAMIC DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE kameleoon_outbox (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    site_code     VARCHAR(64)  NOT NULL,
    visitor_code  VARCHAR(255) NOT NULL,
    group_id      BIGINT       NOT NULL,
    line          MEDIUMTEXT   NOT NULL,
    created_at    DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    available_at  DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    attempts      INT          NOT NULL DEFAULT 0,
    claim_token   VARCHAR(36)  NULL,
    claimed_until DATETIME(3)  NULL,
    parked        BOOLEAN      NOT NULL DEFAULT FALSE,
    last_error    VARCHAR(1000) NULL,
    version       INT          NOT NULL DEFAULT 0,
    INDEX kameleoon_outbox_claim_idx (parked, available_at, id),
    INDEX kameleoon_outbox_token_idx (claim_token),
    CONSTRAINT kameleoon_outbox_line_size CHECK (CHAR_LENGTH(line) <= 1048576)
) ENGINE = InnoDB ROW_FORMAT = DYNAMIC DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE kameleoon_datafile (
    site_code     VARCHAR(64) NOT NULL,
    environment   VARCHAR(64) NOT NULL DEFAULT '',
    body          LONGTEXT    NOT NULL,
    last_modified VARCHAR(64) NULL,
    updated_at    DATETIME(3) NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    PRIMARY KEY (site_code, environment),
    CONSTRAINT kameleoon_datafile_body_size CHECK (CHAR_LENGTH(body) <= 16777216)
) ENGINE = InnoDB ROW_FORMAT = DYNAMIC DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE kameleoon_lease (
    name       VARCHAR(64) NOT NULL PRIMARY KEY,
    owner      VARCHAR(64) NULL,
    expires_at DATETIME(3) NOT NULL
) ENGINE = InnoDB ROW_FORMAT = DYNAMIC DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
INSERT INTO kameleoon_lease (name, owner, expires_at) VALUES ('visitor-expiry', NULL, '1970-01-01 00:00:00.000');
