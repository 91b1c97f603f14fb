-- Exam definitions (published, immutable versions) and attempts that live in the database (DESIGN.md §3):
-- the server fixes the items, their order, each item's option order and the deadline when an attempt starts.
CREATE TABLE exam_definition (
    exam_id            VARCHAR(60)  NOT NULL,
    version            INT          NOT NULL,
    name_ja            VARCHAR(200) NOT NULL,
    name_en            VARCHAR(200) NOT NULL,
    bank               VARCHAR(60)  NOT NULL,
    blueprint          VARCHAR(20)  NOT NULL,
    time_limit_minutes INT          NOT NULL,
    pass_mark          INT          NOT NULL,
    overdue_policy     VARCHAR(20)  NOT NULL,
    grace_minutes      INT          NOT NULL DEFAULT 0,
    show_rationale     BOOLEAN      NOT NULL DEFAULT FALSE,
    published_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (exam_id, version),
    CONSTRAINT ck_exam_overdue CHECK (overdue_policy IN ('AUTO_SUBMIT', 'GRACE', 'ABANDON'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- CONTENT.md's defaults: standard 60 items / 60 minutes, expert 80 items / 90 minutes, pass at 70 %.
INSERT INTO exam_definition (exam_id, version, name_ja, name_en, bank, blueprint, time_limit_minutes, pass_mark,
                             overdue_policy, grace_minutes, show_rationale, published_at)
VALUES ('competency-standard', 1, '個人情報保護力量検定 スタンダード', 'PI Protection Competency Test, Standard',
        'competency', 'standard', 60, 70, 'AUTO_SUBMIT', 0, FALSE, '2026-11-23 00:00:00'),
       ('competency-expert', 1, '個人情報保護力量検定 エキスパート', 'PI Protection Competency Test, Expert',
        'competency', 'expert', 90, 70, 'AUTO_SUBMIT', 0, FALSE, '2026-11-23 00:00:00');

CREATE TABLE exam_attempt (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id      BIGINT        NOT NULL,
    exam_id      VARCHAR(60)   NOT NULL,
    exam_version INT           NOT NULL,
    state        VARCHAR(20)   NOT NULL,
    started_at   DATETIME(6)   NOT NULL,
    deadline     DATETIME(6)   NOT NULL,
    finished_at  DATETIME(6)   NULL,
    score        DECIMAL(5, 2) NULL,
    passed       BOOLEAN       NULL,
    INDEX ix_exam_attempt_open (state, deadline),
    INDEX ix_exam_attempt_user (user_id, exam_id),
    CONSTRAINT fk_exam_attempt_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_exam_attempt_definition FOREIGN KEY (exam_id, exam_version) REFERENCES exam_definition (exam_id, version),
    CONSTRAINT ck_exam_attempt_state CHECK (state IN ('IN_PROGRESS', 'SUBMITTED', 'FINALISED', 'ABANDONED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The exact item versions shown, in order, with the option order this candidate sees.
CREATE TABLE attempt_item (
    attempt_id   BIGINT      NOT NULL,
    position     INT         NOT NULL,
    item_id      VARCHAR(80) NOT NULL,
    item_version INT         NOT NULL,
    domain       VARCHAR(60) NOT NULL,
    option_order VARCHAR(60) NOT NULL,
    PRIMARY KEY (attempt_id, position),
    CONSTRAINT uk_attempt_item UNIQUE (attempt_id, item_id),
    CONSTRAINT fk_attempt_item_attempt FOREIGN KEY (attempt_id) REFERENCES exam_attempt (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per answered item; a write with a lower client sequence number never overwrites a newer one.
CREATE TABLE attempt_answer (
    attempt_id BIGINT       NOT NULL,
    item_id    VARCHAR(80)  NOT NULL,
    answer     VARCHAR(100) NOT NULL,
    client_seq BIGINT       NOT NULL,
    saved_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (attempt_id, item_id),
    CONSTRAINT fk_attempt_answer_attempt FOREIGN KEY (attempt_id) REFERENCES exam_attempt (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE attempt_domain_score (
    attempt_id BIGINT      NOT NULL,
    domain     VARCHAR(60) NOT NULL,
    correct    INT         NOT NULL,
    total      INT         NOT NULL,
    PRIMARY KEY (attempt_id, domain),
    CONSTRAINT fk_attempt_domain_attempt FOREIGN KEY (attempt_id) REFERENCES exam_attempt (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
