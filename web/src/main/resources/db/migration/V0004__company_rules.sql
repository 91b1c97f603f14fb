-- The company's own rules: the values of the rules deck's template fields, edited as a draft and published as
-- numbered, frozen versions. A version may require everyone to acknowledge the rules again.
CREATE TABLE company_rules_version (
    version        INT          NOT NULL PRIMARY KEY,
    deck_id        VARCHAR(60)  NOT NULL,
    requires_reack BOOLEAN      NOT NULL,
    published_at   DATETIME(6)  NOT NULL,
    published_by   VARCHAR(254) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE company_rules_value (
    version  INT         NOT NULL,
    field_id VARCHAR(60) NOT NULL,
    value    TEXT        NOT NULL,
    PRIMARY KEY (version, field_id),
    CONSTRAINT fk_company_rules_value_version FOREIGN KEY (version) REFERENCES company_rules_version (version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE company_rules_draft (
    field_id   VARCHAR(60)  NOT NULL PRIMARY KEY,
    value      TEXT         NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    updated_by VARCHAR(254) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE rules_acknowledgement (
    user_id         BIGINT      NOT NULL,
    rules_version   INT         NOT NULL,
    acknowledged_at DATETIME(6) NOT NULL,
    PRIMARY KEY (user_id, rules_version),
    CONSTRAINT fk_rules_ack_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_rules_ack_version FOREIGN KEY (rules_version) REFERENCES company_rules_version (version)
) ENGINE = InnoDB;
