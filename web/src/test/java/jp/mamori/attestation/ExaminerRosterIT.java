package jp.mamori.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditLog;
import jp.mamori.identity.TestUsers;
import jp.mamori.mail.TestSmtp;
import jp.mamori.shared.i18n.LanguagePreferences;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Reminders to examiners who are not cleared (over real SMTP), and a signed declaration as a PDF for the auditor. */
@MamoriIntegrationTest
class ExaminerRosterIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = TestSmtp.server();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry properties) {
        TestSmtp.configure(properties, SMTP);
    }

    @Autowired
    ExaminerReminders reminders;
    @Autowired
    Declarations declarations;
    @Autowired
    Signatures signatures;
    @Autowired
    DeclarationPdf pdf;
    @Autowired
    ExaminerClearance clearance;
    @Autowired
    AuditLog audit;
    @Autowired
    TestUsers users;
    @Autowired
    jp.mamori.support.MutableClock clock;

    @Test
    void a_reminder_lists_what_is_missing_in_the_examiners_language_and_nobody_else_gets_one() {
        long missing = users.create("remind-missing@example.jp", Role.EXAMINER);
        long english = users.create("remind-english@example.jp", Role.EXAMINER);
        users.loginAs("remind-english@example.jp", Role.EXAMINER);
        jdbcLanguage(english);
        declarations.sign(new Declarations.Signing("rules-read", 1, statements("rules-read"), Map.of(), TestUsers.PASSWORD));
        long learner = users.create("remind-learner@example.jp", Role.LEARNER);

        users.loginAs("remind-admin@example.jp", Role.TRAINING_ADMIN);
        int sent = reminders.remind(Set.of(missing, english, learner));

        assertThat(sent).isEqualTo(2);
        String japanese = body("remind-missing@example.jp");
        assertThat(subject("remind-missing@example.jp")).contains("審査員必須研修・宣誓が完了していません");
        assertThat(japanese).contains("・研修: ", "・宣誓: 私物の機器・媒体に個人情報", "/examiner");
        assertThat(japanese.lines().filter(line -> line.startsWith("・"))).hasSize(8);
        String inEnglish = body("remind-english@example.jp");
        assertThat(subject("remind-english@example.jp")).contains("examiner curriculum and declarations are not complete");
        assertThat(inEnglish.lines().filter(line -> line.startsWith("- "))).as("5 modules and 2 declarations").hasSize(7);
        assertThat(TestSmtp.to(SMTP, "remind-learner@example.jp")).isEmpty();
        users.loginAs("remind-auditor@example.jp", Role.AUDITOR);
        assertThat(audit.recent(AuditAction.REMINDER_SENT, 10)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void only_the_training_admin_sends_reminders() {
        for (Role role : new Role[] {Role.PRIVACY_OFFICER, Role.AUDITOR, Role.EXAMINER, Role.SYSTEM_ADMIN}) {
            users.loginAs("remind-role-" + role.name().toLowerCase() + "@example.jp", role);
            assertThatThrownBy(() -> reminders.remind(Set.of(1L))).as(role.name()).isInstanceOf(AuthorizationDeniedException.class);
        }
    }

    @Test
    void the_auditor_reads_a_signed_declaration_as_a_pdf_with_its_text_facts_signer_and_evidence_number() throws Exception {
        users.loginAs("pdf-examiner@example.jp", Role.EXAMINER);
        LocalDate date = LocalDate.now(clock.withZone(jp.mamori.shared.FiscalYears.JAPAN)).minusDays(2);
        declarations.sign(new Declarations.Signing("past-material-destroyed", 1, statements("past-material-destroyed"),
                Map.of("disposal-date", List.of(date.toString()), "disposal-method", List.of("shredding")), TestUsers.PASSWORD));
        Signature signature = signatures.mine(clearance.currentYear()).getFirst();
        byte[] own = pdf.render(signature.id(), Locale.JAPANESE);
        assertThat(new String(own, 0, 5)).isEqualTo("%PDF-");

        users.loginAs("pdf-other@example.jp", Role.EXAMINER);
        assertThatThrownBy(() -> pdf.render(signature.id(), Locale.JAPANESE)).isInstanceOf(DeclarationException.class);

        users.loginAs("pdf-auditor@example.jp", Role.AUDITOR);
        byte[] bytes = pdf.render(signature.id(), Locale.JAPANESE);
        // Kept for people to look at (pdftoppm target/declaration-sample.pdf).
        java.nio.file.Files.write(java.nio.file.Path.of("target", "declaration-sample.pdf"), bytes);
        PdfReader reader = new PdfReader(bytes);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(page));
        }
        assertThat(text).contains("宣誓書(署名記録)", "過去の審査の資料をすべて廃棄したことの宣誓", date.toString(), "シュレッダー", "#" + signature.evidenceSeq(),
                "初回の署名");
    }

    private void jdbcLanguage(long userId) {
        languages.remember(userId, Locale.ENGLISH);
    }

    @Autowired
    LanguagePreferences languages;

    private Set<String> statements(String declarationId) {
        return declarations.thisYear().stream().filter(due -> due.declaration().id().equals(declarationId)).findFirst().orElseThrow()
                .declaration().statements().stream().map(s -> s.id()).collect(Collectors.toSet());
    }

    private static String body(String address) {
        return TestSmtp.body(message(address));
    }

    private static String subject(String address) {
        return TestSmtp.subject(message(address));
    }

    private static MimeMessage message(String address) {
        return TestSmtp.to(SMTP, address).stream().reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no mail to " + address));
    }
}
