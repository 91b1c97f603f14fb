-- Outgoing mail (a log of every mail, an outbox when no SMTP server is configured) and candidate self-registration.

-- Every mail Mamori sends, puts in the outbox or fails to send. The text of sent mail is not kept: it may hold
-- one-time links.
CREATE TABLE mail_log (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    created_at DATETIME(6)   NOT NULL,
    recipient  VARCHAR(254)  NOT NULL,
    language   VARCHAR(8)    NOT NULL,
    template   VARCHAR(100)  NOT NULL,
    subject    VARCHAR(300)  NOT NULL,
    status     VARCHAR(10)   NOT NULL,
    detail     VARCHAR(1000) NULL,
    INDEX ix_mail_log_time (created_at),
    CONSTRAINT ck_mail_log_status CHECK (status IN ('SENT', 'OUTBOX', 'FAILED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Mail that was not sent because no SMTP server is configured: the full text, readable in the Outbox view.
CREATE TABLE mail_outbox (
    mail_id BIGINT     NOT NULL PRIMARY KEY,
    body    MEDIUMTEXT NOT NULL,
    CONSTRAINT fk_mail_outbox_log FOREIGN KEY (mail_id) REFERENCES mail_log (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A self-registered account cannot log in while this is NULL. Accounts that an administrator created (or that
-- existed before) count as verified from their creation: the administrator vouched for the address.
ALTER TABLE app_user ADD COLUMN email_verified_at DATETIME(6) NULL;
UPDATE app_user SET email_verified_at = created_at;

-- One-time links that confirm a self-registered e-mail address; only the SHA-256 of the token is stored.
CREATE TABLE email_verification_token (
    token_hash CHAR(64)    NOT NULL PRIMARY KEY,
    user_id    BIGINT      NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    used_at    DATETIME(6) NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_email_verification_token_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
