package jp.mamori.certification;

import jp.mamori.shared.FiscalYears;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditLog;
import jp.mamori.evidence.EvidenceEntry;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.exam.ExamPassed;
import jp.mamori.shared.db.UtcColumns;
import jp.mamori.shared.security.CurrentPrincipal;
import jp.mamori.shared.security.MamoriPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certificates of the competency test: issued with the passing result, listed for their holder (with the PDF),
 * listed for the PMS office and auditors, revoked by the training administrator with a reason. Issue and
 * revocation are evidence records.
 */
@Service
public class Certificates {

    /** Certificate dates are Japanese dates: the same day on paper and on the verification page for everyone. */
    public static final ZoneId CERTIFICATE_ZONE = FiscalYears.JAPAN;
    static final int REASON_MAX = 500;
    private static final String OFFICE = "hasAnyRole('TRAINING_ADMIN','PRIVACY_OFFICER','AUDITOR')";
    private static final String COLUMNS = "id, code, holder_id, holder_name, exam_id, exam_version, exam_name_ja, exam_name_en, "
            + "score, issued_at, expires_at, revoked_at, revoked_by, revoked_reason";
    private static final RowMapper<Certificate> ROW = (rs, n) -> new Certificate(rs.getLong(1), rs.getString(2), rs.getLong(3),
            rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getBigDecimal(9),
            UtcColumns.instant(rs.getObject(10, LocalDateTime.class)), UtcColumns.instant(rs.getObject(11, LocalDateTime.class)),
            instantOrNull(rs.getObject(12, LocalDateTime.class)), rs.getString(13), rs.getString(14));

    private final JdbcClient jdbc;
    private final EvidenceLedger ledger;
    private final AuditLog auditLog;
    private final CertificatePdf pdf;
    private final OpenBadgeCredentials credentials;
    private final Clock clock;
    private final Period validity;

    Certificates(JdbcClient jdbc, EvidenceLedger ledger, AuditLog auditLog, CertificatePdf pdf, OpenBadgeCredentials credentials, Clock clock,
                 @Value("${mamori.certificate.validity:P2Y}") Period validity) {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("mamori.certificate.validity must be a positive period (e.g. P2Y): " + validity);
        }
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.auditLog = auditLog;
        this.pdf = pdf;
        this.credentials = credentials;
        this.clock = clock;
        this.validity = validity;
    }

    /**
     * Issues the certificate of a passing attempt. It runs inside the transaction that stores the result, so a pass
     * is never stored without its certificate (and a failure to issue undoes the pass).
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void issue(ExamPassed passed) {
        Holder holder = jdbc.sql("SELECT display_name, email FROM app_user WHERE id = ?").param(passed.userId())
                .query((rs, n) -> new Holder(rs.getString(1), rs.getString(2))).single();
        Instant issuedAt = passed.passedAt().truncatedTo(ChronoUnit.MICROS);
        Instant expiresAt = issuedAt.atZone(CERTIFICATE_ZONE).plus(validity).toInstant();
        String code = unusedCode();
        jdbc.sql("INSERT INTO certificate (code, attempt_id, holder_id, holder_name, exam_id, exam_version, exam_name_ja, "
                        + "exam_name_en, score, issued_at, expires_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
                .params(code, passed.attemptId(), passed.userId(), holder.name(), passed.examId(), passed.examVersion(),
                        passed.examNameJa(), passed.examNameEn(), passed.score(), UtcColumns.of(issuedAt), UtcColumns.of(expiresAt))
                .update();
        long id = jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("certificate", id);
        details.put("code", CertificateCode.grouped(code));
        details.put("attempt", passed.attemptId());
        details.put("expiresAt", expiresAt.toString());
        ledger.append(new EvidenceEntry("CERTIFICATE_ISSUED", passed.userId(), holder.email(),
                CurrentPrincipal.get().map(MamoriPrincipal::email).orElse("system"), "exam:" + passed.examId(),
                String.valueOf(passed.examVersion()), "ISSUED", passed.score(), details, null));
    }

    /** The logged-in candidate's own certificates, newest first. */
    @PreAuthorize("hasRole('CANDIDATE')")
    @Transactional(readOnly = true)
    public List<Certificate> mine() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM certificate WHERE holder_id = ? ORDER BY issued_at DESC, id DESC")
                .param(CurrentPrincipal.require().id()).query(ROW).list();
    }

    /** The certificate as a PDF; only its holder downloads it, and never once it is revoked. */
    @PreAuthorize("hasRole('CANDIDATE')")
    @Transactional(readOnly = true)
    public byte[] pdf(long certificateId) {
        MamoriPrincipal me = CurrentPrincipal.require();
        Certificate certificate = find(certificateId, "").filter(c -> c.holderId() == me.id())
                .orElseThrow(() -> refuse(me, certificateId, "PDF of a certificate that is not theirs", "certificate.error.unknown"));
        if (certificate.revokedAt() != null) {
            throw refuse(me, certificateId, "PDF of a revoked certificate", "certificate.error.revoked");
        }
        return pdf.render(certificate);
    }

    /**
     * The certificate as a signed Open Badges 3.0 credential (compact JWS, see {@link OpenBadgeCredentials}); only its
     * holder downloads it, and never once it is revoked.
     */
    @PreAuthorize("hasRole('CANDIDATE')")
    @Transactional(readOnly = true)
    public String openBadge(long certificateId) {
        MamoriPrincipal me = CurrentPrincipal.require();
        Certificate certificate = find(certificateId, "").filter(c -> c.holderId() == me.id())
                .orElseThrow(() -> refuse(me, certificateId, "Open Badge of a certificate that is not theirs", "certificate.error.unknown"));
        if (certificate.revokedAt() != null) {
            throw refuse(me, certificateId, "Open Badge of a revoked certificate", "certificate.error.revoked");
        }
        return credentials.issue(certificate, me.email());
    }

    /** Every certificate, newest first, for the PMS office and auditors. */
    @PreAuthorize(OFFICE)
    @Transactional(readOnly = true)
    public List<Certificate> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM certificate ORDER BY issued_at DESC, id DESC").query(ROW).list();
    }

    /**
     * Revokes a certificate for the reason given; the verification page shows it as revoked from now on.
     * An empty reason or a certificate already revoked is refused and nothing changes.
     */
    @PreAuthorize("hasRole('TRAINING_ADMIN')")
    @Transactional
    public Certificate revoke(long certificateId, String reason) {
        MamoriPrincipal admin = CurrentPrincipal.require();
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new CertificateRefusedException("certificate.error.reason-required");
        }
        if (why.length() > REASON_MAX) {
            throw new CertificateRefusedException("certificate.error.reason-too-long");
        }
        Certificate certificate = find(certificateId, " FOR UPDATE")
                .orElseThrow(() -> new CertificateRefusedException("certificate.error.unknown"));
        if (certificate.revokedAt() != null) {
            throw new CertificateRefusedException("certificate.error.already-revoked");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("UPDATE certificate SET revoked_at = ?, revoked_by = ?, revoked_reason = ? WHERE id = ?")
                .params(UtcColumns.of(now), admin.email(), why, certificateId).update();
        String holderEmail = jdbc.sql("SELECT email FROM app_user WHERE id = ?").param(certificate.holderId())
                .query(String.class).single();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("certificate", certificateId);
        details.put("code", certificate.shownCode());
        details.put("reason", why);
        ledger.append(new EvidenceEntry("CERTIFICATE_REVOKED", certificate.holderId(), holderEmail, admin.email(),
                "exam:" + certificate.examId(), String.valueOf(certificate.examVersion()), "REVOKED", null, details, null));
        auditLog.record(AuditAction.CERTIFICATE_REVOKED, admin.email(), "certificate " + certificateId, why);
        return find(certificateId, "").orElseThrow();
    }

    private Optional<Certificate> find(long certificateId, String lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM certificate WHERE id = ?" + lock).param(certificateId).query(ROW).optional();
    }

    /** A fresh code; with 100 random bits a clash is practically impossible, but the database is asked anyway. */
    private String unusedCode() {
        for (int attempt = 0; attempt < 5; attempt++) {
            String code = CertificateCode.generate();
            if (jdbc.sql("SELECT COUNT(*) FROM certificate WHERE code = ?").param(code).query(Integer.class).single() == 0) {
                return code;
            }
        }
        throw new IllegalStateException("no unused certificate code after 5 attempts: the random source is broken");
    }

    private CertificateRefusedException refuse(MamoriPrincipal who, long certificateId, String why, String messageKey) {
        auditLog.record(AuditAction.CERTIFICATE_REQUEST_REFUSED, who.email(), "certificate " + certificateId, why);
        return new CertificateRefusedException(messageKey);
    }

    static Instant instantOrNull(LocalDateTime column) {
        return column == null ? null : UtcColumns.instant(column);
    }

    private record Holder(String name, String email) {
    }
}
