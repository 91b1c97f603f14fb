-- Certificates of the competency test, issued in the transaction that stores a passing result.
-- The holder's name and the exam's names are copied in: a certificate states what was true when it was issued.
-- The verification code is stored in its canonical form (20 Crockford base32 characters, no dashes);
-- ascii_bin makes the unique index an exact, byte-wise lookup.
CREATE TABLE certificate (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    code           CHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    attempt_id     BIGINT        NOT NULL,
    holder_id      BIGINT        NOT NULL,
    holder_name    VARCHAR(200)  NOT NULL,
    exam_id        VARCHAR(60)   NOT NULL,
    exam_version   INT           NOT NULL,
    exam_name_ja   VARCHAR(200)  NOT NULL,
    exam_name_en   VARCHAR(200)  NOT NULL,
    score          DECIMAL(5, 2) NOT NULL,
    issued_at      DATETIME(6)   NOT NULL,
    expires_at     DATETIME(6)   NOT NULL,
    revoked_at     DATETIME(6)   NULL,
    revoked_by     VARCHAR(254)  NULL,
    revoked_reason VARCHAR(500)  NULL,
    CONSTRAINT uk_certificate_code UNIQUE (code),
    CONSTRAINT uk_certificate_attempt UNIQUE (attempt_id),
    INDEX ix_certificate_holder (holder_id),
    CONSTRAINT fk_certificate_holder FOREIGN KEY (holder_id) REFERENCES app_user (id),
    CONSTRAINT fk_certificate_attempt FOREIGN KEY (attempt_id) REFERENCES exam_attempt (id),
    CONSTRAINT fk_certificate_exam FOREIGN KEY (exam_id, exam_version) REFERENCES exam_definition (exam_id, version),
    CONSTRAINT ck_certificate_revocation CHECK ((revoked_at IS NULL AND revoked_by IS NULL AND revoked_reason IS NULL)
        OR (revoked_at IS NOT NULL AND revoked_by IS NOT NULL AND revoked_reason IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
