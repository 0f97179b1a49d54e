-- Kameleoon SDK tables, PostgreSQL 12+.
-- Timestamps: TIMESTAMPTZ (an instant; shown in the session's zone), written from the database clock
-- (CURRENT_TIMESTAMP, the start of the current transaction), never from a node's clock.
-- Text: TEXT with CHECK constraints as size caps (characters).

CREATE TABLE kameleoon_visitor (
    site_code       VARCHAR(64)  NOT NULL,
    visitor_code    VARCHAR(255) NOT NULL,
    time_started    BIGINT       NOT NULL,
    consent         VARCHAR(16)  NOT NULL DEFAULT 'UNKNOWN',
    consent_version INT          NOT NULL DEFAULT 0,
    alias_of        VARCHAR(255) NULL,
    expires_at      TIMESTAMPTZ(3) NOT NULL,
    PRIMARY KEY (site_code, visitor_code)
);
CREATE INDEX kameleoon_visitor_expires_idx ON kameleoon_visitor (expires_at);

CREATE TABLE kameleoon_visitor_item (
    site_code    VARCHAR(64)  NOT NULL,
    visitor_code VARCHAR(255) NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    item_key     VARCHAR(191) NOT NULL,
    payload      TEXT         NOT NULL,
    sent         BOOLEAN      NOT NULL DEFAULT FALSE,
    counter      INT          NOT NULL DEFAULT 0,
    updated_at   TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (site_code, visitor_code, kind, item_key),
    CONSTRAINT kameleoon_visitor_item_payload_size CHECK (char_length(payload) <= 1048576)
);

CREATE TABLE kameleoon_outbox (
    id            BIGSERIAL    PRIMARY KEY,
    site_code     VARCHAR(64)  NOT NULL,
    visitor_code  VARCHAR(255) NOT NULL,
    group_id      BIGINT       NOT NULL,
    line          TEXT         NOT NULL,
    created_at    TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    available_at  TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    attempts      INT          NOT NULL DEFAULT 0,
    claim_token   VARCHAR(36)  NULL,
    claimed_until TIMESTAMPTZ(3) NULL,
    parked        BOOLEAN      NOT NULL DEFAULT FALSE,
    last_error    VARCHAR(1000) NULL,
    version       INT          NOT NULL DEFAULT 0,
    CONSTRAINT kameleoon_outbox_line_size CHECK (char_length(line) <= 1048576)
);
CREATE INDEX kameleoon_outbox_claim_idx ON kameleoon_outbox (parked, available_at, id);
CREATE INDEX kameleoon_outbox_token_idx ON kameleoon_outbox (claim_token);

CREATE TABLE kameleoon_datafile (
    site_code     VARCHAR(64) NOT NULL,
    environment   VARCHAR(64) NOT NULL DEFAULT '',
    body          TEXT        NOT NULL,
    last_modified VARCHAR(64) NULL,
    updated_at    TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (site_code, environment),
    CONSTRAINT kameleoon_datafile_body_size CHECK (char_length(body) <= 16777216)
);

CREATE TABLE kameleoon_lease (
    name       VARCHAR(64) PRIMARY KEY,
    owner      VARCHAR(64) NULL,
    expires_at TIMESTAMPTZ(3) NOT NULL
);
INSERT INTO kameleoon_lease (name, owner, expires_at)
VALUES ('visitor-expiry', NULL, TIMESTAMPTZ '1970-01-01 00:00:00+00');
