-- Spot checks of signed declarations (chiefly disposal declarations): what the office found, appended, never changed.
-- The newest check of a person's declaration in a fiscal year decides: a DISCREPANCY stays open, and keeps the
-- examiner from being cleared to review, until a later check CONFIRMS the (corrected) declaration or RESOLVES it.
CREATE TABLE spot_check (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    signature_id BIGINT        NOT NULL,
    user_id      BIGINT        NOT NULL,
    fiscal_year  INT           NOT NULL,
    outcome      VARCHAR(20)   NOT NULL,
    note         VARCHAR(2000) NOT NULL,
    checked_by   VARCHAR(254)  NOT NULL,
    checked_at   DATETIME(6)   NOT NULL,
    evidence_seq BIGINT        NOT NULL,
    INDEX ix_spot_check_year (fiscal_year, user_id),
    CONSTRAINT fk_spot_check_signature FOREIGN KEY (signature_id) REFERENCES declaration_signature (id),
    CONSTRAINT fk_spot_check_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
