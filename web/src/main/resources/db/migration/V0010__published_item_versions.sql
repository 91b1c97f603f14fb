-- Every exam item version ever offered, as published: attempts name an item id and version, and must stay scoreable
-- (and reviewable) after the bundled bank moves on to newer versions or drops an item.
CREATE TABLE bank_item_version (
    item_id      VARCHAR(80) NOT NULL,
    version      INT         NOT NULL,
    bank         VARCHAR(60) NOT NULL,
    yaml         MEDIUMTEXT  NOT NULL,
    sha256       CHAR(64)    NOT NULL,
    published_at DATETIME(6) NOT NULL,
    PRIMARY KEY (item_id, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
