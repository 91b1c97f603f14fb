package jp.mamori.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditLog;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.evidence.EvidenceRecord;
import jp.mamori.exam.ExamPassed;
import jp.mamori.exam.ExamResult;
import jp.mamori.exam.TestAttempts;
import jp.mamori.identity.TestUsers;
import jp.mamori.shared.Role;
import jp.mamori.shared.db.UtcColumns;
import jp.mamori.support.MamoriIntegrationTest;
import jp.mamori.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/** Certificates on the real database: issue with a pass, expiry, revocation, the PDF, verification, and who may do what. */
@MamoriIntegrationTest
class CertificatesIT {

    @Autowired
    Certificates certificates;
    @Autowired
    CertificateVerifier verifier;
    @Autowired
    CertificatePdf pdf;
    @Autowired
    OpenBadgeCredentials credentials;
    @Autowired
    VerificationUrls urls;
    @Autowired
    TestAttempts exams;
    @Autowired
    TestUsers users;
    @Autowired
    EvidenceLedger ledger;
    @Autowired
    AuditLog auditLog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    MutableClock clock;
    @Autowired
    FilterChainProxy security;
    @Autowired
    WebApplicationContext context;

    @AfterEach
    void resetClock() {
        clock.reset();
        TestUsers.logout();
    }

    @Test
    void a_passing_attempt_issues_exactly_one_certificate_and_one_evidence_record() {
        long id = users.loginAs("cert-pass@example.jp", Role.CANDIDATE).id();

        ExamResult result = exams.pass();

        List<Certificate> mine = certificates.mine();
        assertThat(result.passed()).isTrue();
        assertThat(mine).singleElement().satisfies(certificate -> {
            assertThat(certificate.holderName()).isEqualTo("Test cert-pass@example.jp");
            assertThat(certificate.examId()).isEqualTo("competency-standard");
            assertThat(certificate.examNameJa()).isEqualTo("個人情報保護力量検定 スタンダード");
            assertThat(certificate.examNameEn()).isEqualTo("PI Protection Competency Test, Standard");
            assertThat(certificate.score()).isEqualByComparingTo("100");
            assertThat(certificate.issuedAt()).isEqualTo(finishedAt(result.attemptId()));
            assertThat(certificate.expiresAt()).isEqualTo(certificate.issuedAt().atZone(ZoneId.of("Asia/Tokyo")).plusYears(2).toInstant());
            assertThat(certificate.status(clock.instant())).isEqualTo(CertificateStatus.VALID);
            assertThat(certificate.shownCode()).matches("([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}");
        });
        List<EvidenceRecord> issued = ledger.recordsOf(id).stream().filter(r -> r.kind().equals("CERTIFICATE_ISSUED")).toList();
        assertThat(issued).singleElement().satisfies(record -> {
            assertThat(record.result()).isEqualTo("ISSUED");
            assertThat(record.itemRef()).isEqualTo("exam:competency-standard");
            assertThat(record.detailsJson()).contains(mine.getFirst().shownCode(), "\"attempt\":" + result.attemptId());
        });
    }

    @Test
    void a_failing_attempt_issues_no_certificate() {
        long id = users.loginAs("cert-fail@example.jp", Role.CANDIDATE).id();

        ExamResult result = exams.fail();

        assertThat(result.passed()).isFalse();
        assertThat(certificates.mine()).isEmpty();
        assertThat(ledger.recordsOf(id)).extracting(EvidenceRecord::kind).containsExactly("EXAM_RESULT");
    }

    @Test
    void the_expiry_follows_the_configured_validity_in_japanese_dates() {
        users.loginAs("cert-validity@example.jp", Role.CANDIDATE);
        ExamResult failed = exams.fail();
        long holder = users.find("cert-validity@example.jp").getId();
        Certificates sixMonths = new Certificates(jdbc, ledger, auditLog, pdf, credentials, clock, Period.ofMonths(6));
        // 2026-08-30 20:00 UTC is 31 August 05:00 in Japan: six months later is 28 February 05:00 there
        // (counted in UTC it would be 28 February 20:00 UTC, a day later).
        Instant passedAt = Instant.parse("2026-08-30T20:00:00Z");

        transaction.executeWithoutResult(status -> sixMonths.issue(new ExamPassed(failed.attemptId(), holder, "competency-standard", 1,
                "個人情報保護力量検定 スタンダード", "PI Protection Competency Test, Standard", new BigDecimal("75.00"), passedAt)));

        assertThat(certificates.mine()).singleElement().satisfies(certificate -> {
            assertThat(certificate.issuedAt()).isEqualTo(passedAt);
            assertThat(certificate.expiresAt()).isEqualTo(Instant.parse("2027-02-27T20:00:00Z"));
        });
        assertThatThrownBy(() -> new Certificates(jdbc, ledger, auditLog, pdf, credentials, clock, Period.ZERO))
                .hasMessageContaining("mamori.certificate.validity");
    }

    @Test
    void a_certificate_is_issued_only_inside_the_transaction_that_stores_the_pass() {
        assertThatThrownBy(() -> certificates.issue(new ExamPassed(1, 1, "competency-standard", 1, "a", "b", BigDecimal.TEN, Instant.now())))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    @Test
    void verification_shows_valid_expired_and_revoked_certificates_and_nothing_for_unknown_altered_or_malformed_codes() {
        Certificate certificate = passAs("cert-verify@example.jp");
        String address = "192.0.2.10";

        Verification valid = found(verifier.verify(certificate.shownCode().toLowerCase(), address));
        assertThat(valid).isEqualTo(new Verification("Test cert-verify@example.jp", certificate.examNameJa(), certificate.examNameEn(),
                certificate.issuedAt(), certificate.expiresAt(), CertificateStatus.VALID, null));
        assertThat(verifier.verify(tampered(certificate.code()), address)).isInstanceOf(VerificationResult.NotFound.class);
        assertThat(verifier.verify(CertificateCode.generate(), address)).isInstanceOf(VerificationResult.NotFound.class);
        assertThat(verifier.verify("not a code", address)).isInstanceOf(VerificationResult.NotFound.class);
        assertThat(verifier.verify(null, address)).isInstanceOf(VerificationResult.NotFound.class);

        clock.advance(Duration.between(clock.instant(), certificate.expiresAt()));
        assertThat(found(verifier.verify(certificate.code(), address)).status()).isEqualTo(CertificateStatus.EXPIRED);
        clock.reset();

        users.loginAs("cert-admin@example.jp", Role.TRAINING_ADMIN);
        Certificate revoked = certificates.revoke(certificate.id(), "本人確認書類の不正が判明したため");
        assertThat(found(verifier.verify(certificate.shownCode(), address)))
                .extracting(Verification::status, Verification::revokedAt)
                .containsExactly(CertificateStatus.REVOKED, revoked.revokedAt());
    }

    @Test
    void lookups_beyond_the_limit_per_address_are_refused_without_a_lookup_until_the_minute_is_over() {
        Instant start = clock.instant();
        for (int i = 0; i < 20; i++) {
            assertThat(verifier.verify("0000-0000-0000-0000-000" + (i % 10), "198.51.100.7")).isInstanceOf(VerificationResult.NotFound.class);
        }

        VerificationResult refused = verifier.verify("0000-0000-0000-0000-0000", "198.51.100.7");

        assertThat(refused).isInstanceOfSatisfying(VerificationResult.Limited.class,
                limited -> assertThat(limited.retryAt()).isBetween(start.plusSeconds(60), clock.instant().plusSeconds(60)));
        assertThat(verifier.verify("0000-0000-0000-0000-0000", "198.51.100.8")).as("another address").isInstanceOf(VerificationResult.NotFound.class);
        clock.advance(Duration.ofSeconds(61));
        assertThat(verifier.verify("0000-0000-0000-0000-0000", "198.51.100.7")).isInstanceOf(VerificationResult.NotFound.class);
    }

    @Test
    void the_rate_limit_keeps_a_bounded_number_of_addresses() {
        VerificationRateLimit limit = new VerificationRateLimit(clock, 20);

        for (int i = 0; i <= VerificationRateLimit.MAX_ADDRESSES + 500; i++) {
            limit.refuse("10.0." + (i / 256) + "." + (i % 256));
        }

        assertThat(limit.addressesKept()).isEqualTo(VerificationRateLimit.MAX_ADDRESSES);
        assertThatThrownBy(() -> new VerificationRateLimit(clock, 0)).hasMessageContaining("verifications-per-minute");
    }

    @Test
    void revoking_needs_a_reason_is_recorded_as_evidence_and_cannot_happen_twice() {
        Certificate certificate = passAs("cert-revoke@example.jp");
        users.loginAs("cert-revoker@example.jp", Role.TRAINING_ADMIN);

        assertThatThrownBy(() -> certificates.revoke(certificate.id(), "   "))
                .isInstanceOfSatisfying(CertificateRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("certificate.error.reason-required"));
        assertThat(revokedAt(certificate.id())).isNull();

        Certificate revoked = certificates.revoke(certificate.id(), "  受験資格の不備  ");

        assertThat(revoked.revokedAt()).isNotNull();
        assertThat(revoked.revokedBy()).isEqualTo("cert-revoker@example.jp");
        assertThat(revoked.revokedReason()).isEqualTo("受験資格の不備");
        assertThat(revoked.status(clock.instant())).isEqualTo(CertificateStatus.REVOKED);
        assertThat(ledger.recordsOf(certificate.holderId())).filteredOn(r -> r.kind().equals("CERTIFICATE_REVOKED"))
                .singleElement().satisfies(record -> {
                    assertThat(record.actor()).isEqualTo("cert-revoker@example.jp");
                    assertThat(record.subject()).isEqualTo("cert-revoke@example.jp");
                    assertThat(record.detailsJson()).contains("受験資格の不備", certificate.shownCode());
                });
        assertThatThrownBy(() -> certificates.revoke(certificate.id(), "二度目"))
                .isInstanceOfSatisfying(CertificateRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("certificate.error.already-revoked"));
        assertThat(certificates.all()).filteredOn(c -> c.id() == certificate.id()).singleElement()
                .extracting(Certificate::revokedReason).isEqualTo("受験資格の不備");
        users.loginAs("cert-auditor@example.jp", Role.AUDITOR);
        assertThat(auditLog.recent(AuditAction.CERTIFICATE_REVOKED, 20)).anyMatch(e -> "cert-revoker@example.jp".equals(e.actor()));
    }

    @Test
    void the_pdf_names_holder_exam_dates_and_code_and_only_its_holder_downloads_it() throws Exception {
        Certificate certificate = passAs("cert-pdf@example.jp");

        byte[] bytes = certificates.pdf(certificate.id());

        assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(bytes);
        assertThat(reader.getNumberOfPages()).isEqualTo(1);
        assertThat(reader.getPageSizeWithRotation(1).getWidth()).as("landscape").isGreaterThan(reader.getPageSizeWithRotation(1).getHeight());
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        reader.close();
        var japan = certificate.issuedAt().atZone(ZoneId.of("Asia/Tokyo")).toLocalDate();
        var expires = certificate.expiresAt().atZone(ZoneId.of("Asia/Tokyo")).toLocalDate();
        assertThat(text).contains("個人情報保護力量検定 合格証", "Test cert-pdf@example.jp", "個人情報保護力量検定 スタンダード",
                "PI Protection Competency Test, Standard", certificate.shownCode(),
                japan.getYear() + "年" + japan.getMonthValue() + "月" + japan.getDayOfMonth() + "日",
                expires.getYear() + "年" + expires.getMonthValue() + "月" + expires.getDayOfMonth() + "日",
                "/verify/" + certificate.shownCode());

        users.loginAs("cert-pdf-other@example.jp", Role.CANDIDATE);
        assertThatThrownBy(() -> certificates.pdf(certificate.id())).isInstanceOf(CertificateRefusedException.class);
        users.loginAs("cert-pdf-auditor@example.jp", Role.AUDITOR);
        assertThat(auditLog.recent(AuditAction.CERTIFICATE_REQUEST_REFUSED, 20)).anyMatch(e -> "cert-pdf-other@example.jp".equals(e.actor()));
    }

    @Test
    void the_qr_code_decodes_to_the_verification_url() throws Exception {
        String url = urls.of("7K3MQ9TX2B8RD4FVH6WZ");

        BitMatrix matrix = VerificationQr.matrix(url);

        assertThat(url).isEqualTo("http://localhost:8080/verify/7K3M-Q9TX-2B8R-D4FV-H6WZ");
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new MatrixLuminance(matrix, 4, 4)))).getText();
        assertThat(decoded).isEqualTo(url);
    }

    @Test
    void only_the_office_lists_only_candidates_read_their_own_and_only_the_training_admin_revokes() {
        Certificate certificate = passAs("cert-roles@example.jp");
        Set<Role> office = EnumSet.of(Role.TRAINING_ADMIN, Role.PRIVACY_OFFICER, Role.AUDITOR);

        for (Role role : Role.values()) {
            users.loginAs("cert-role-" + role.name().toLowerCase() + "@example.jp", role);
            if (office.contains(role)) {
                assertThat(certificates.all()).as(role.name()).isNotEmpty();
            } else {
                assertThatThrownBy(() -> certificates.all()).as(role.name()).isInstanceOf(AuthorizationDeniedException.class);
            }
            if (role != Role.CANDIDATE) {
                assertThatThrownBy(() -> certificates.mine()).as(role.name()).isInstanceOf(AuthorizationDeniedException.class);
                assertThatThrownBy(() -> certificates.pdf(certificate.id())).as(role.name()).isInstanceOf(AuthorizationDeniedException.class);
            }
            if (role != Role.TRAINING_ADMIN) {
                assertThatThrownBy(() -> certificates.revoke(certificate.id(), "reason")).as(role.name())
                        .isInstanceOf(AuthorizationDeniedException.class);
            }
        }
        assertThat(revokedAt(certificate.id())).isNull();
    }

    @Test
    void visitors_who_are_not_logged_in_get_through_the_security_filters_to_the_verification_page() throws Exception {
        assertThat(passesSecurity("/verify/7K3M-Q9TX-2B8R-D4FV-H6WZ")).as("verify/<code>").isTrue();
        assertThat(passesSecurity("/verify")).as("verify").isTrue();
        assertThat(passesSecurity("/certificates")).as("a page that needs a login").isFalse();
    }

    /** Runs an anonymous GET through Spring Security alone: true when it reaches the application behind the filters. */
    private boolean passesSecurity(String path) throws Exception {
        // The application's servlet context, as a real request has: the actuator's chain looks up its endpoints there.
        MockHttpServletRequest request = new MockHttpServletRequest(context.getServletContext(), "GET", path);
        request.setServletPath(path);
        MockFilterChain application = new MockFilterChain();
        security.doFilter(request, new MockHttpServletResponse(), application);
        return application.getRequest() != null;
    }

    private Certificate passAs(String email) {
        users.loginAs(email, Role.CANDIDATE);
        exams.pass();
        return certificates.mine().getFirst();
    }

    private Instant finishedAt(long attemptId) {
        return UtcColumns.instant(jdbc.sql("SELECT finished_at FROM exam_attempt WHERE id = ?").param(attemptId)
                .query(LocalDateTime.class).single());
    }

    private LocalDateTime revokedAt(long certificateId) {
        return jdbc.sql("SELECT revoked_at FROM certificate WHERE id = ?").param(certificateId).query(LocalDateTime.class).optional().orElse(null);
    }

    private static Verification found(VerificationResult result) {
        assertThat(result).isInstanceOf(VerificationResult.Found.class);
        return ((VerificationResult.Found) result).certificate();
    }

    /** The code with one character changed to another of the alphabet. */
    static String tampered(String code) {
        char last = code.charAt(code.length() - 1);
        char other = CertificateCode.ALPHABET.charAt((CertificateCode.ALPHABET.indexOf(last) + 1) % CertificateCode.ALPHABET.length());
        return CertificateCode.grouped(code.substring(0, code.length() - 1) + other);
    }

    /** The QR matrix as a picture ZXing can read: each module {@code scale} pixels, with a white quiet zone. */
    private static final class MatrixLuminance extends LuminanceSource {

        private final BitMatrix matrix;
        private final int scale;
        private final int quiet;

        MatrixLuminance(BitMatrix matrix, int scale, int quietModules) {
            super((matrix.getWidth() + 2 * quietModules) * scale, (matrix.getHeight() + 2 * quietModules) * scale);
            this.matrix = matrix;
            this.scale = scale;
            this.quiet = quietModules;
        }

        @Override
        public byte[] getRow(int y, byte[] row) {
            byte[] out = row != null && row.length >= getWidth() ? row : new byte[getWidth()];
            for (int x = 0; x < getWidth(); x++) {
                out[x] = luminance(x, y);
            }
            return out;
        }

        @Override
        public byte[] getMatrix() {
            byte[] all = new byte[getWidth() * getHeight()];
            for (int y = 0; y < getHeight(); y++) {
                System.arraycopy(getRow(y, null), 0, all, y * getWidth(), getWidth());
            }
            return all;
        }

        private byte luminance(int x, int y) {
            int mx = x / scale - quiet;
            int my = y / scale - quiet;
            boolean dark = mx >= 0 && my >= 0 && mx < matrix.getWidth() && my < matrix.getHeight() && matrix.get(mx, my);
            return dark ? 0 : (byte) 255;
        }
    }
}
