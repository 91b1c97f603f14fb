-- The year's education plan (年間教育計画): drafted by the training administrator, approved or returned by the privacy
-- officer. An approved plan is frozen; a change is the next revision, approved again.
CREATE TABLE education_plan (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    fiscal_year      INT           NOT NULL,
    revision         INT           NOT NULL,
    title            VARCHAR(300)  NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    created_by       VARCHAR(254)  NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    submitted_at     DATETIME(6)   NULL,
    decided_by       VARCHAR(254)  NULL,
    decided_at       DATETIME(6)   NULL,
    decision_comment VARCHAR(2000) NULL,
    evidence_seq     BIGINT        NULL,
    CONSTRAINT uk_education_plan UNIQUE (fiscal_year, revision)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One line of a plan: what (a deck, the examiner curriculum, an exam), for whom (roles and/or departments, and/or
-- named people), when (period and due date), and whether next year's draft repeats it.
CREATE TABLE plan_line (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id      BIGINT        NOT NULL,
    position     INT           NOT NULL,
    item_kind    VARCHAR(30)   NOT NULL,
    item_id      VARCHAR(60)   NOT NULL,
    roles        VARCHAR(200)  NOT NULL DEFAULT '',
    departments  VARCHAR(2000) NOT NULL DEFAULT '',
    people       VARCHAR(4000) NOT NULL DEFAULT '',
    period_start DATE          NOT NULL,
    period_end   DATE          NOT NULL,
    due_date     DATE          NOT NULL,
    recurring    BOOLEAN       NOT NULL DEFAULT FALSE,
    CONSTRAINT fk_plan_line_plan FOREIGN KEY (plan_id) REFERENCES education_plan (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who must do what by when in a fiscal year, made from approved plan lines; done when the completion event arrives.
CREATE TABLE assignment (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id      BIGINT      NOT NULL,
    plan_line_id BIGINT      NOT NULL,
    fiscal_year  INT         NOT NULL,
    item_kind    VARCHAR(30) NOT NULL,
    item_id      VARCHAR(60) NOT NULL,
    due_date     DATE        NOT NULL,
    assigned_at  DATETIME(6) NOT NULL,
    completed_at DATETIME(6) NULL,
    CONSTRAINT uk_assignment UNIQUE (user_id, fiscal_year, item_kind, item_id),
    INDEX ix_assignment_open (fiscal_year, completed_at, due_date),
    INDEX ix_assignment_line (plan_line_id),
    CONSTRAINT fk_assignment_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_assignment_line FOREIGN KEY (plan_line_id) REFERENCES plan_line (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each reminder step is sent once per assignment, whichever node runs the job.
CREATE TABLE reminder_sent (
    assignment_id BIGINT      NOT NULL,
    step          VARCHAR(20) NOT NULL,
    sent_at       DATETIME(6) NOT NULL,
    PRIMARY KEY (assignment_id, step),
    CONSTRAINT fk_reminder_assignment FOREIGN KEY (assignment_id) REFERENCES assignment (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
