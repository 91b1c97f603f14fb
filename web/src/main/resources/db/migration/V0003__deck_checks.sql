-- One try at a deck's check: the items drawn (with their versions), then, once, the answers and the result.
CREATE TABLE check_attempt (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id      BIGINT        NOT NULL,
    deck_id      VARCHAR(60)   NOT NULL,
    deck_version INT           NOT NULL,
    items        VARCHAR(2000) NOT NULL,
    started_at   DATETIME(6)   NOT NULL,
    submitted_at DATETIME(6)   NULL,
    answers      TEXT          NULL,
    score        DECIMAL(5, 2) NULL,
    passed       BOOLEAN       NULL,
    INDEX ix_check_attempt_user (user_id, deck_id),
    CONSTRAINT fk_check_attempt_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_check_attempt_version FOREIGN KEY (deck_id, deck_version) REFERENCES deck_version (deck_id, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
