package jp.mamori.certification;

import java.time.Instant;
import java.util.Locale;

/**
 * What the public verification page may tell anyone who holds a code: who, which exam, when issued, until when,
 * and whether it still stands. Nothing else (no score, no e-mail address) ever leaves through it.
 */
public record Verification(String holderName, String examNameJa, String examNameEn, Instant issuedAt, Instant expiresAt,
                           CertificateStatus status, Instant revokedAt) {

    public String examName(Locale locale) {
        return "en".equals(locale.getLanguage()) ? examNameEn : examNameJa;
    }
}
