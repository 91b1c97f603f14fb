package jp.mamori.certification;

import java.time.Clock;
import java.time.LocalDateTime;
import jp.mamori.shared.db.UtcColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The public side of certificates: anyone with a code may check it, without logging in. Unknown, malformed and
 * altered codes get one and the same answer after one and the same indexed lookup, so neither the answer nor its
 * timing tells a guesser anything; lookups per client address are limited.
 */
@Service
public class CertificateVerifier {

    /** Never stored (U is not in the alphabet): what a malformed code is looked up as. */
    static final String NO_CODE = "UUUUUUUUUUUUUUUUUUUU";

    private final JdbcClient jdbc;
    private final VerificationRateLimit limit;
    private final OpenBadgeCredentials credentials;
    private final Clock clock;

    CertificateVerifier(JdbcClient jdbc, VerificationRateLimit limit, OpenBadgeCredentials credentials, Clock clock) {
        this.jdbc = jdbc;
        this.limit = limit;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** The largest credential file {@link #verifyCredential} reads. */
    public static int maxCredentialBytes() {
        return OpenBadgeCredentials.MAX_FILE_BYTES;
    }

    /**
     * Checks an uploaded Open Badges credential for a visitor at {@code clientAddress}; open to everyone. A credential
     * whose signature is this installation's gets the same answer as its code would (holder, exam, dates, status,
     * which tells expired and revoked); anything else gets only the reason it is refused. It counts as one lookup.
     */
    @PreAuthorize("permitAll()")
    public VerificationResult verifyCredential(byte[] file, String clientAddress) {
        if (file.length > OpenBadgeCredentials.MAX_FILE_BYTES) {
            return new VerificationResult.Rejected(CredentialProblem.TOO_LARGE);
        }
        var refused = limit.refuse(clientAddress);
        if (refused.isPresent()) {
            return new VerificationResult.Limited(refused.get());
        }
        OpenBadgeCredentials.Check check = credentials.check(file);
        if (check.problem() != null) {
            return new VerificationResult.Rejected(check.problem());
        }
        VerificationResult found = lookup(check.code());
        return found instanceof VerificationResult.NotFound ? new VerificationResult.Rejected(CredentialProblem.NOT_OURS) : found;
    }

    /**
     * Looks the typed code up for a visitor at {@code clientAddress}; open to everyone, logged in or not. One SELECT
     * needs no transaction, and a refused visitor does not even borrow a database connection.
     */
    @PreAuthorize("permitAll()")
    public VerificationResult verify(String typedCode, String clientAddress) {
        var refused = limit.refuse(clientAddress);
        if (refused.isPresent()) {
            return new VerificationResult.Limited(refused.get());
        }
        return lookup(CertificateCode.normalise(typedCode).orElse(NO_CODE));
    }

    private VerificationResult lookup(String code) {
        return jdbc.sql("SELECT holder_name, exam_name_ja, exam_name_en, issued_at, expires_at, revoked_at "
                        + "FROM certificate WHERE code = ?")
                .param(code)
                .query((rs, n) -> {
                    var revokedAt = Certificates.instantOrNull(rs.getObject(6, LocalDateTime.class));
                    var expiresAt = UtcColumns.instant(rs.getObject(5, LocalDateTime.class));
                    CertificateStatus status = revokedAt != null ? CertificateStatus.REVOKED
                            : clock.instant().isBefore(expiresAt) ? CertificateStatus.VALID : CertificateStatus.EXPIRED;
                    return new Verification(rs.getString(1), rs.getString(2), rs.getString(3),
                            UtcColumns.instant(rs.getObject(4, LocalDateTime.class)), expiresAt, status, revokedAt);
                })
                .optional()
                .<VerificationResult>map(VerificationResult.Found::new)
                .orElseGet(VerificationResult.NotFound::new);
    }
}
