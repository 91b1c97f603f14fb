package jp.mamori.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A one-time link to set a password. */
@Entity
@Table(name = "password_token")
class PasswordToken extends OneTimeToken {

    protected PasswordToken() {
    }

    PasswordToken(String tokenHash, UserAccount user, Instant createdAt, Instant expiresAt) {
        super(tokenHash, user, createdAt, expiresAt);
    }
}
