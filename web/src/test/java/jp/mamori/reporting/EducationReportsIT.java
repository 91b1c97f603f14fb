package jp.mamori.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.mamori.assignment.EducationPlan;
import jp.mamori.assignment.EducationPlans;
import jp.mamori.assignment.ItemKind;
import jp.mamori.assignment.PlanLine;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.identity.TestUsers;
import jp.mamori.learning.TestTraining;
import jp.mamori.shared.FiscalYears;
import jp.mamori.shared.Role;
import jp.mamori.shared.Sha256;
import jp.mamori.support.MamoriIntegrationTest;
import jp.mamori.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** Dashboard figures and the 教育実施報告書 from generation through approval to the auditor. */
@MamoriIntegrationTest
class EducationReportsIT {

    @Autowired
    EducationPlans plans;
    @Autowired
    EducationReports reports;
    @Autowired
    EducationFigures figures;
    @Autowired
    EvidenceLedger ledger;
    @Autowired
    TestUsers users;
    @Autowired
    TestTraining taking;
    @Autowired
    FiscalYears fiscalYears;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_office_sees_completion_and_overdue_and_the_officer_approves_a_stamped_report_the_auditor_can_check() throws Exception {
        clock.advance(Duration.ofDays(366 * 5));
        jdbc.sql("INSERT INTO department (code, name, created_at) VALUES ('REP-D', '報告部', NOW())").update();
        long department = jdbc.sql("SELECT id FROM department WHERE code = 'REP-D'").query(Long.class).single();
        long done = users.create("report-done@example.jp", Role.LEARNER);
        long late = users.create("report-late@example.jp", Role.LEARNER);
        jdbc.sql("UPDATE app_user SET department_id = ? WHERE id IN (?, ?)").params(department, done, late).update();
        users.loginAs("report-admin@example.jp", Role.TRAINING_ADMIN);
        int year = plans.currentYear();
        LocalDate today = LocalDate.ofInstant(clock.instant(), FiscalYears.JAPAN);
        EducationPlan draft = plans.draft(year);
        plans.save(draft.id(), "報告テスト計画", List.of(new PlanLine(null, ItemKind.DECK, "pms-and-you", Set.of(), Set.of(department),
                Set.of(), today, today.plusDays(20), today.plusDays(5), false)));
        plans.submit(draft.id());
        users.loginAs("report-officer@example.jp", Role.PRIVACY_OFFICER);
        plans.approve(draft.id());
        users.loginAs("report-done@example.jp", Role.LEARNER);
        taking.complete("pms-and-you");
        clock.advance(Duration.ofDays(8));

        users.loginAs("report-admin@example.jp", Role.TRAINING_ADMIN);
        EducationFigures.Completion total = figures.total(year);
        assertThat(total.assigned()).isEqualTo(2);
        assertThat(total.completed()).isEqualTo(1);
        assertThat(total.overdue()).isEqualTo(1);
        assertThat(figures.byDepartment(year)).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("報告部");
            assertThat(d.rate()).isEqualByComparingTo("50.0");
        });
        assertThat(figures.overdue(year)).singleElement().satisfies(o -> assertThat(o.email()).isEqualTo("report-late@example.jp"));

        EducationReports.Report report = reports.generate(draft.id());
        String reviewed = text(reports.pdf(report.id()));
        assertThat(reviewed).doesNotContain("Test report-officer@example.jp");
        assertThat(reviewed).contains("教育実施報告書", "報告テスト計画", "承認欄(個人情報保護管理者)", "PMSとあなたの役割", "版: 1", "50.0%",
                "Test report-late@example.jp", "#" + report.chainSeq());
        assertThat(reviewed).doesNotContain("Test report-done@example.jp");
        assertThatThrownBy(() -> reports.approve(report.id())).isInstanceOf(AuthorizationDeniedException.class);

        long officer = users.loginAs("report-officer@example.jp", Role.PRIVACY_OFFICER).id();
        assertThatThrownBy(() -> reports.generate(draft.id())).isInstanceOf(AuthorizationDeniedException.class);
        EducationReports.Report approved = reports.approve(report.id());
        byte[] stamped = reports.pdf(report.id());
        Files.write(Path.of("target", "education-report-sample.pdf"), stamped);
        assertThat(approved.status()).isEqualTo("APPROVED");
        assertThat(approved.pdfSha256()).isEqualTo(Sha256.hex(stamped));
        assertThat(text(stamped)).contains("承認欄(個人情報保護管理者)", "承認", "Test report-officer@example.jp");
        assertThat(ledger.recordsOf(officer)).filteredOn(r -> r.kind().equals("REPORT_APPROVED")).singleElement()
                .satisfies(r -> assertThat(r.detailsJson()).contains(Sha256.hex(stamped), "\"chainSeq\":" + report.chainSeq()));
        assertThatThrownBy(() -> reports.approve(report.id())).isInstanceOf(EducationReports.ReportException.class)
                .hasMessage("report.error.not-submitted");

        users.loginAs("report-admin@example.jp", Role.TRAINING_ADMIN);
        long lineId = plans.find(draft.id()).orElseThrow().lines().getFirst().id();
        String scoped = text(reports.pdf(reports.generate(draft.id(), new EducationReports.Scope(Optional.of(lineId),
                Optional.of(today), Optional.of(today.plusDays(6)))).id()));
        assertThat(scoped.replace("\n", "")).contains("報告テスト計画 — PMSとあなたの役割", "期限 " + today + " 〜 " + today.plusDays(6));
        String outside = text(reports.pdf(reports.generate(draft.id(), new EducationReports.Scope(Optional.empty(),
                Optional.of(today.plusDays(6)), Optional.empty())).id()));
        assertThat(outside).doesNotContain("Test report-late@example.jp");
        assertThatThrownBy(() -> reports.generate(draft.id(), new EducationReports.Scope(Optional.empty(), Optional.of(today),
                Optional.of(today.minusDays(1))))).hasMessage("report.error.period");
        assertThatThrownBy(() -> reports.generate(draft.id(), new EducationReports.Scope(Optional.of(-1L), Optional.empty(),
                Optional.empty()))).hasMessage("report.error.unknown-line");

        users.loginAs("report-auditor@example.jp", Role.AUDITOR);
        assertThat(reports.of(year)).filteredOn(r -> r.id() == report.id()).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo("APPROVED"));
        assertThat(reports.pdf(report.id())).isEqualTo(stamped);
        users.loginAs("report-learner@example.jp", Role.LEARNER);
        assertThatThrownBy(() -> reports.of(year)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> figures.total(year)).isInstanceOf(AuthorizationDeniedException.class);
    }

    private static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(page));
        }
        return text.toString();
    }
}
