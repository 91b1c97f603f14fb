-- Examiner declarations: each text version as published (frozen), and signatures pointing at the exact version.
CREATE TABLE declaration_version (
    declaration_id VARCHAR(60) NOT NULL,
    version        INT         NOT NULL,
    yaml           MEDIUMTEXT  NOT NULL,
    sha256         CHAR(64)    NOT NULL,
    published_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (declaration_id, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One signature per person, declaration and fiscal year (revision 0); a correction is a new row with the next
-- revision that names the row it corrects. Rows are never updated.
CREATE TABLE declaration_signature (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id        BIGINT      NOT NULL,
    declaration_id VARCHAR(60) NOT NULL,
    version        INT         NOT NULL,
    fiscal_year    INT         NOT NULL,
    revision       INT         NOT NULL DEFAULT 0,
    corrects_id    BIGINT      NULL,
    answers        TEXT        NOT NULL,
    signed_at      DATETIME(6) NOT NULL,
    evidence_seq   BIGINT      NOT NULL,
    CONSTRAINT uk_declaration_signature UNIQUE (user_id, declaration_id, fiscal_year, revision),
    CONSTRAINT fk_declaration_signature_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_declaration_signature_version FOREIGN KEY (declaration_id, version) REFERENCES declaration_version (declaration_id, version),
    CONSTRAINT fk_declaration_signature_corrects FOREIGN KEY (corrects_id) REFERENCES declaration_signature (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
