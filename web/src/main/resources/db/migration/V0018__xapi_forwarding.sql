-- Where forwarding evidence to a learning record store (xAPI) stands: the evidence ledger itself is the outbox, and
-- this one row is how far along it the statements were accepted, plus the back-off after a failure.
CREATE TABLE xapi_cursor (
    id              TINYINT      NOT NULL PRIMARY KEY,
    last_seq        BIGINT       NOT NULL,
    failures        INT          NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)  NULL,
    last_error      VARCHAR(500) NULL,
    last_sent_at    DATETIME(6)  NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
INSERT INTO xapi_cursor (id, last_seq) VALUES (1, 0);
