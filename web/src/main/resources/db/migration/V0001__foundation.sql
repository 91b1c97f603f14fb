-- Foundation: people, roles, departments, one-time password links, audit log, evidence ledger, ShedLock.
-- Times are UTC in DATETIME(6) (no 2038 limit, no session time-zone conversion).

CREATE TABLE department (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    code        VARCHAR(50)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    parent_id   BIGINT       NULL,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT uk_department_code UNIQUE (code),
    CONSTRAINT fk_department_parent FOREIGN KEY (parent_id) REFERENCES department (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE app_user (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    email                VARCHAR(254) NOT NULL,
    display_name         VARCHAR(200) NOT NULL,
    password_hash        VARCHAR(255) NULL,
    department_id        BIGINT       NULL,
    language             VARCHAR(8)   NULL,
    time_zone            VARCHAR(64)  NOT NULL DEFAULT 'Asia/Tokyo',
    enabled              BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins        INT          NOT NULL DEFAULT 0,
    failure_window_start DATETIME(6)  NULL,
    locked_until         DATETIME(6)  NULL,
    created_at           DATETIME(6)  NOT NULL,
    version              BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_app_user_email UNIQUE (email),
    CONSTRAINT fk_app_user_department FOREIGN KEY (department_id) REFERENCES department (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE user_role (
    user_id BIGINT      NOT NULL,
    role    VARCHAR(32) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT fk_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One-time links to set a password; only the SHA-256 of the token is stored.
CREATE TABLE password_token (
    token_hash CHAR(64)    NOT NULL PRIMARY KEY,
    user_id    BIGINT      NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    used_at    DATETIME(6) NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_password_token_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Security-relevant actions (DESIGN.md §3), kept apart from evidence.
CREATE TABLE audit_log (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at    DATETIME(6)   NOT NULL,
    action         VARCHAR(40)   NOT NULL,
    actor          VARCHAR(254)  NULL,
    target         VARCHAR(254)  NULL,
    detail         VARCHAR(1000) NULL,
    remote_address VARCHAR(64)   NULL,
    INDEX ix_audit_log_time (occurred_at),
    INDEX ix_audit_log_action (action, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The evidence ledger: append-only, hash = SHA-256(prev_hash || seq || canonical JSON of the record).
CREATE TABLE evidence_record (
    seq          BIGINT        NOT NULL PRIMARY KEY,
    recorded_at  DATETIME(6)   NOT NULL,
    kind         VARCHAR(40)   NOT NULL,
    subject_id   BIGINT        NOT NULL,
    subject      VARCHAR(254)  NOT NULL,
    actor        VARCHAR(254)  NOT NULL,
    item_ref     VARCHAR(200)  NOT NULL,
    item_version VARCHAR(50)   NOT NULL,
    result       VARCHAR(40)   NOT NULL,
    score        DECIMAL(7, 2) NULL,
    details      TEXT          NOT NULL,
    corrects_seq BIGINT        NULL,
    prev_hash    CHAR(64)      NOT NULL,
    hash         CHAR(64)      NOT NULL,
    CONSTRAINT uk_evidence_hash UNIQUE (hash),
    INDEX ix_evidence_subject (subject_id, recorded_at),
    INDEX ix_evidence_kind (kind, recorded_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The single row every append locks: it serialises appends into one gap-free chain.
CREATE TABLE evidence_chain_head (
    id        TINYINT  NOT NULL PRIMARY KEY,
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL,
    CONSTRAINT ck_evidence_chain_head_single CHECK (id = 1)
) ENGINE = InnoDB;

INSERT INTO evidence_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- ShedLock: only one node runs a scheduled job at a time.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    locked_by  VARCHAR(255) NOT NULL
) ENGINE = InnoDB;
