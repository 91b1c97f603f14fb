-- 教育実施報告書: each report is generated from the plan and the records as they stood, with the evidence chain head of
-- that moment, reviewed and submitted by the training administrator, and approved by the privacy officer; the
-- approved PDF (with the approval stamped on it) is stored as it was approved and never changes.
CREATE TABLE education_report (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    fiscal_year    INT          NOT NULL,
    plan_id        BIGINT       NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    created_by     VARCHAR(254) NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    chain_seq      BIGINT       NOT NULL,
    chain_hash     CHAR(64)     NOT NULL,
    approved_by    VARCHAR(254) NULL,
    approver_name  VARCHAR(200) NULL,
    approved_at    DATETIME(6)  NULL,
    pdf            LONGBLOB     NOT NULL,
    pdf_sha256     CHAR(64)     NOT NULL,
    evidence_seq   BIGINT       NULL,
    INDEX ix_education_report_year (fiscal_year),
    CONSTRAINT fk_education_report_plan FOREIGN KEY (plan_id) REFERENCES education_plan (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
