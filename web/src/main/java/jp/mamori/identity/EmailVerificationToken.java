package jp.mamori.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A one-time link that confirms a self-registered e-mail address. */
@Entity
@Table(name = "email_verification_token")
class EmailVerificationToken extends OneTimeToken {

    protected EmailVerificationToken() {
    }

    EmailVerificationToken(String tokenHash, UserAccount user, Instant createdAt, Instant expiresAt) {
        super(tokenHash, user, createdAt, expiresAt);
    }
}
