-- Exam administration: attempt rules on the published definition, windows candidates book, accommodations,
-- and flags kept with the attempt (DESIGN.md §3: deadline = min(start + limit, window close) + accommodation).
ALTER TABLE exam_definition
    ADD COLUMN attempts_allowed INT          NOT NULL DEFAULT 0 COMMENT '0 = no limit',
    ADD COLUMN wait_minutes     INT          NOT NULL DEFAULT 0,
    ADD COLUMN published_by     VARCHAR(254) NOT NULL DEFAULT 'system';

-- Windows belong to the exam, not to one version: a new version does not cancel anyone's booking.
CREATE TABLE exam_window (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    exam_id      VARCHAR(60)  NOT NULL,
    opens_at     DATETIME(6)  NOT NULL,
    closes_at    DATETIME(6)  NOT NULL,
    capacity     INT          NOT NULL,
    created_by   VARCHAR(254) NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    cancelled_at DATETIME(6)  NULL,
    INDEX ix_exam_window_exam (exam_id, closes_at),
    CONSTRAINT ck_exam_window_order CHECK (closes_at > opens_at),
    CONSTRAINT ck_exam_window_capacity CHECK (capacity > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE exam_booking (
    window_id BIGINT      NOT NULL,
    user_id   BIGINT      NOT NULL,
    booked_at DATETIME(6) NOT NULL,
    PRIMARY KEY (window_id, user_id),
    INDEX ix_exam_booking_user (user_id),
    CONSTRAINT fk_exam_booking_window FOREIGN KEY (window_id) REFERENCES exam_window (id),
    CONSTRAINT fk_exam_booking_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Extra time for a named candidate on one exam (e.g. a documented disability).
CREATE TABLE exam_accommodation (
    exam_id       VARCHAR(60)  NOT NULL,
    user_id       BIGINT       NOT NULL,
    extra_minutes INT          NOT NULL,
    reason        VARCHAR(500) NOT NULL,
    granted_by    VARCHAR(254) NOT NULL,
    granted_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (exam_id, user_id),
    CONSTRAINT fk_exam_accommodation_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT ck_exam_accommodation_minutes CHECK (extra_minutes > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE exam_attempt
    ADD COLUMN window_id     BIGINT NULL,
    ADD COLUMN extra_minutes INT    NOT NULL DEFAULT 0,
    ADD CONSTRAINT fk_exam_attempt_window FOREIGN KEY (window_id) REFERENCES exam_window (id);

ALTER TABLE attempt_item
    ADD COLUMN flagged BOOLEAN NOT NULL DEFAULT FALSE;
