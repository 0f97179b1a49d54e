-- Write marks, MySQL 8.0.13+ and MariaDB 10.6+: each SDK writer (one per client instance) records the number of
-- its latest committed write in the same transaction as the write, so that a write whose commit acknowledgement
-- was lost can be told stored or not once the database answers again. One row per writer; rows of writers gone
-- for a week are deleted with expired visitors. expires_at holds UTC (written with UTC_TIMESTAMP(3)).

CREATE TABLE kameleoon_write_mark (
    writer_id  VARCHAR(36) NOT NULL PRIMARY KEY,
    sequence   BIGINT      NOT NULL,
    expires_at DATETIME(3) NOT NULL,
    INDEX kameleoon_write_mark_expires_idx (expires_at)
) ENGINE = InnoDB ROW_FORMAT = DYNAMIC DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
