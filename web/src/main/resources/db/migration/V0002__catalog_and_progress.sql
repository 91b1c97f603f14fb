-- Published deck versions are frozen: the deck folder is kept as a zip, with its hash, and never changed.
CREATE TABLE deck_version (
    deck_id      VARCHAR(60)  NOT NULL,
    version      INT          NOT NULL,
    title_ja     VARCHAR(300) NOT NULL,
    title_en     VARCHAR(300) NOT NULL,
    audience     VARCHAR(20)  NOT NULL,
    archive      LONGBLOB     NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    source       VARCHAR(20)  NOT NULL,
    published_at DATETIME(6)  NOT NULL,
    published_by VARCHAR(254) NOT NULL,
    PRIMARY KEY (deck_id, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Where a learner is in a deck: the version they started (kept until they finish), the slides seen, the last slide.
CREATE TABLE deck_progress (
    user_id      BIGINT       NOT NULL,
    deck_id      VARCHAR(60)  NOT NULL,
    deck_version INT          NOT NULL,
    current_slide INT         NOT NULL,
    seen_slides  VARCHAR(200) NOT NULL,
    started_at   DATETIME(6)  NOT NULL,
    updated_at   DATETIME(6)  NOT NULL,
    completed_at DATETIME(6)  NULL,
    PRIMARY KEY (user_id, deck_id),
    CONSTRAINT fk_deck_progress_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_deck_progress_version FOREIGN KEY (deck_id, deck_version) REFERENCES deck_version (deck_id, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
