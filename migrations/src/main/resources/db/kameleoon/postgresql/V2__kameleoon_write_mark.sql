-- Write marks, PostgreSQL 12+: each SDK writer (one per client instance) records the number of its latest
-- committed write in the same transaction as the write, so that a write whose commit acknowledgement was lost can
-- be told stored or not once the database answers again. One row per writer; rows of writers gone for a week are
-- deleted with expired visitors.

CREATE TABLE kameleoon_write_mark (
    writer_id  VARCHAR(36)    NOT NULL PRIMARY KEY,
    sequence   BIGINT         NOT NULL,
    expires_at TIMESTAMPTZ(3) NOT NULL
);
CREATE INDEX kameleoon_write_mark_expires_idx ON kameleoon_write_mark (expires_at);
