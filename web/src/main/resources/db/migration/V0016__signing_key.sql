-- The keys the installation signs with, one per purpose (today: 'open-badges', the Ed25519 key of the Open Badges
-- credentials of certificates). Generated once on first use and never replaced, so every credential issued stays
-- verifiable. The public key is the raw 32-byte Ed25519 key; the private key is its PKCS#8 encoding, encrypted with
-- AES-256-GCM under a key derived (PBKDF2-HMAC-SHA256) from MAMORI_BADGE_KEY_SECRET when that is set
-- (protection 'aes-256-gcm/pbkdf2-sha256': 12-byte nonce followed by the ciphertext), else stored as is ('none').
CREATE TABLE signing_key (
    purpose     VARCHAR(40)   NOT NULL PRIMARY KEY,
    algorithm   VARCHAR(20)   NOT NULL,
    key_id      VARCHAR(100)  NOT NULL,
    public_key  VARBINARY(32) NOT NULL,
    private_key VARBINARY(200) NOT NULL,
    protection  VARCHAR(40)   NOT NULL,
    kdf_salt    VARBINARY(16) NULL,
    created_at  DATETIME(6)   NOT NULL,
    CONSTRAINT ck_signing_key_protection CHECK ((protection = 'none' AND kdf_salt IS NULL)
        OR (protection = 'aes-256-gcm/pbkdf2-sha256' AND kdf_salt IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
