package jp.mamori.certification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/** A stored certificate as its holder and the PMS office see it; {@code code} is canonical (see {@link CertificateCode}). */
public record Certificate(long id, String code, long holderId, String holderName, String examId, int examVersion,
                          String examNameJa, String examNameEn, BigDecimal score, Instant issuedAt, Instant expiresAt,
                          Instant revokedAt, String revokedBy, String revokedReason) {

    public CertificateStatus status(Instant now) {
        if (revokedAt != null) {
            return CertificateStatus.REVOKED;
        }
        return now.isBefore(expiresAt) ? CertificateStatus.VALID : CertificateStatus.EXPIRED;
    }

    /** The code as printed: five dash-separated groups. */
    public String shownCode() {
        return CertificateCode.grouped(code);
    }

    public String examName(Locale locale) {
        return "en".equals(locale.getLanguage()) ? examNameEn : examNameJa;
    }
}
