package jp.mamori.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.evidence.EvidenceRecord;
import jp.mamori.identity.ImportRequest;
import jp.mamori.identity.PeopleImport;
import jp.mamori.identity.TestUsers;
import jp.mamori.learning.Audience;
import jp.mamori.learning.TestTraining;
import jp.mamori.learning.Training;
import jp.mamori.mail.TestSmtp;
import jp.mamori.reporting.EducationReports;
import jp.mamori.shared.FiscalYears;
import jp.mamori.shared.Role;
import jp.mamori.shared.security.SystemTask;
import jp.mamori.support.MamoriIntegrationTest;
import jp.mamori.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The PMS office's chain end to end: people imported by CSV, a plan drafted, submitted and approved (evidence),
 * assignments made, reminders received over SMTP at the configured steps and escalated to the manager, a deck
 * completed (assignment done, no more reminders), the education report generated and approved, the auditor verifying
 * the chain; new joiners and next year's draft.
 */
@MamoriIntegrationTest
class EducationPlanIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = TestSmtp.server();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry properties) {
        TestSmtp.configure(properties, SMTP);
        properties.add("mamori.reminders.steps", () -> "-7,1");
        properties.add("mamori.reminders.escalation-days", () -> "5");
    }

    @Autowired
    EducationPlans plans;
    @Autowired
    Assignments assignments;
    @Autowired
    AssignmentJobs jobs;
    @Autowired
    PeopleImport imports;
    @Autowired
    TestUsers users;
    @Autowired
    TestTraining taking;
    @Autowired
    Training training;
    @Autowired
    EvidenceLedger ledger;
    @Autowired
    EducationReports reports;
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
    void import_plan_approval_assignments_reminders_escalation_and_completion_work_as_one_chain() {
        users.loginAs("plan-admin@example.jp", Role.TRAINING_ADMIN);
        imports.confirm(imports.dryRun(new ImportRequest(
                csv("code,name,manager_email", "PLAN-S,営業部,plan-boss@example.jp"),
                csv("email,name,department_code,roles,language", "plan-boss@example.jp,上司 一郎,PLAN-S,LEARNER,ja",
                        "plan-a@example.jp,受講 花子,PLAN-S,LEARNER,ja", "plan-b@example.jp,Bob Learner,PLAN-S,LEARNER,en"), false)));
        long sales = jdbc.sql("SELECT id FROM department WHERE code = 'PLAN-S'").query(Long.class).single();
        LocalDate today = today();
        int year = plans.currentYear();
        LocalDate due = today.plusDays(10);

        EducationPlan draft = plans.draft(year);
        plans.save(draft.id(), "営業部の教育", List.of(line(ItemKind.DECK, "pms-and-you", Set.of(), Set.of(sales), Set.of(), due)));
        plans.submit(draft.id());
        users.loginAs("plan-officer@example.jp", Role.PRIVACY_OFFICER);
        EducationPlan approved = plans.approve(draft.id());

        assertThat(approved.status()).isEqualTo(EducationPlan.Status.APPROVED);
        assertThat(ledger.recordsOf(users.loginAs("plan-officer@example.jp", Role.PRIVACY_OFFICER).id()))
                .filteredOn(r -> r.kind().equals("PLAN_APPROVED")).singleElement()
                .extracting(EvidenceRecord::detailsJson).asString().contains("DECK:pms-and-you");
        long a = userId("plan-a@example.jp");
        users.loginAs("plan-a@example.jp", Role.LEARNER);
        assertThat(assignments.mine()).singleElement().satisfies(x -> {
            assertThat(x.itemId()).isEqualTo("pms-and-you");
            assertThat(x.due()).isEqualTo(due);
        });
        assertThat(training.programme(Audience.EMPLOYEE)).filteredOn(e -> e.deckId().equals("pms-and-you"))
                .singleElement().satisfies(e -> assertThat(e.due()).isEqualTo(due));

        runJobs();
        assertThat(mailsTo("plan-a@example.jp")).as("10 days before: no step reached yet").isEmpty();
        clock.advance(Duration.ofDays(4));
        runJobs();
        runJobs();
        assertThat(mailsTo("plan-a@example.jp")).as("7 days before, once").hasSize(1);
        assertThat(subject(mailsTo("plan-b@example.jp").getFirst())).startsWith("[Mamori] The PMS and your part in it is due on");

        users.loginAs("plan-a@example.jp", Role.LEARNER);
        taking.complete("pms-and-you");
        users.loginAs("plan-a@example.jp", Role.LEARNER);
        assertThat(assignments.mine()).singleElement().satisfies(x -> assertThat(x.completedAt()).isPresent());

        clock.advance(Duration.ofDays(12));
        runJobs();
        assertThat(mailsTo("plan-a@example.jp")).as("done: nothing more").hasSize(1);
        assertThat(mailsTo("plan-b@example.jp")).as("overdue reminder").hasSize(2);
        assertThat(mailsTo("plan-boss@example.jp")).filteredOn(m -> subject(m).contains("期限を過ぎています"))
                .singleElement().satisfies(m -> assertThat(body(m)).contains("Bob Learner").doesNotContain("受講 花子"));
        runJobs();
        assertThat(mailsTo("plan-boss@example.jp")).filteredOn(m -> subject(m).contains("期限を過ぎています")).hasSize(1);
        assertThat(a).isPositive();

        users.loginAs("plan-admin@example.jp", Role.TRAINING_ADMIN);
        EducationReports.Report report = reports.generate(approved.id());
        users.loginAs("plan-officer@example.jp", Role.PRIVACY_OFFICER);
        reports.approve(report.id());
        users.loginAs("plan-auditor@example.jp", Role.AUDITOR);
        assertThat(ledger.verify().intact()).as("the auditor verifies the chain the report was made from").isTrue();
        assertThat(reports.of(year)).filteredOn(r -> r.id() == report.id()).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo("APPROVED"));
    }

    @Test
    void a_new_joiner_gets_the_approved_plans_assignments_and_a_leaver_is_refused_by_name() {
        yearsAhead(1);
        users.loginAs("plan2-admin@example.jp", Role.TRAINING_ADMIN);
        int year = plans.currentYear();
        EducationPlan draft = plans.draft(year);
        long leaver = users.create("plan2-leaver@example.jp", Role.LEARNER);
        jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE id = ?").param(leaver).update();
        assertRefused(() -> plans.save(draft.id(), "t", List.of(line(ItemKind.DECK, "why-pi-matters", Set.of(), Set.of(), Set.of(leaver),
                today().plusDays(20)))), "plan.error.inactive-person");
        plans.save(draft.id(), "t", List.of(line(ItemKind.EXAMINER_CURRICULUM, EducationPlans.EXAMINER_CURRICULUM, Set.of(Role.EXAMINER),
                Set.of(), Set.of(), today().plusDays(20))));
        plans.submit(draft.id());
        users.loginAs("plan2-officer@example.jp", Role.PRIVACY_OFFICER);
        plans.approve(draft.id());

        long joiner = users.create("plan2-joiner@example.jp", Role.EXAMINER);
        runJobs();

        users.loginAs("plan2-joiner@example.jp", Role.EXAMINER);
        assertThat(assignments.mine()).extracting(Assignment::kind).contains(ItemKind.EXAMINER_CURRICULUM);
        assertThat(joiner).isPositive();
    }

    @Test
    void bad_plan_lines_are_refused_with_their_line_number_and_nothing_is_saved() {
        yearsAhead(2);
        users.loginAs("plan3-admin@example.jp", Role.TRAINING_ADMIN);
        int year = plans.currentYear();
        EducationPlan draft = plans.draft(year);
        LocalDate today = today();
        PlanLine good = line(ItemKind.DECK, "why-pi-matters", Set.of(Role.LEARNER), Set.of(), Set.of(), today.plusDays(5));

        assertRefused(() -> plans.save(draft.id(), "t", List.of(good, new PlanLine(null, ItemKind.DECK, "why-pi-matters",
                Set.of(Role.LEARNER), Set.of(), Set.of(), today.plusDays(5), today.plusDays(1), today.plusDays(3), false))),
                "plan.error.end-before-start");
        assertRefused(() -> plans.save(draft.id(), "t", List.of(new PlanLine(null, ItemKind.DECK, "why-pi-matters",
                Set.of(Role.LEARNER), Set.of(), Set.of(), today.minusDays(10), today.plusDays(10), today.minusDays(1), false))),
                "plan.error.due-past");
        assertRefused(() -> plans.save(draft.id(), "t", List.of(line(ItemKind.DECK, "no-such-deck", Set.of(Role.LEARNER), Set.of(),
                Set.of(), today.plusDays(5)))), "plan.error.unknown-item");
        assertRefused(() -> plans.save(draft.id(), "t", List.of(line(ItemKind.DECK, "why-pi-matters", Set.of(), Set.of(), Set.of(),
                today.plusDays(5)))), "plan.error.no-target");
        assertRefused(() -> plans.save(draft.id(), "t", List.of(line(ItemKind.DECK, "why-pi-matters", Set.of(), Set.of(999_999L),
                Set.of(), today.plusDays(5)))), "plan.error.unknown-department");
        assertRefused(() -> plans.submit(draft.id()), "plan.error.no-lines");
        assertThat(plans.find(draft.id()).orElseThrow().lines()).isEmpty();

        plans.save(draft.id(), "t", List.of(good));
        plans.submit(draft.id());
        users.loginAs("plan3-officer@example.jp", Role.PRIVACY_OFFICER);
        assertRefused(() -> plans.returnToDraft(draft.id(), " "), "plan.error.comment");
        EducationPlan returned = plans.returnToDraft(draft.id(), "Add the rules deck for new joiners");
        assertThat(returned.status()).isEqualTo(EducationPlan.Status.RETURNED);
        assertThat(returned.comment()).contains("Add the rules deck for new joiners");
        assertRefused(() -> plans.approve(draft.id()), "plan.error.not-submitted");
    }

    @Test
    void a_new_fiscal_year_gets_a_draft_from_last_years_recurring_lines_and_last_years_assignments_stay() {
        yearsAhead(3);
        users.create("plan4-learner@example.jp", Role.LEARNER);
        users.loginAs("plan4-admin@example.jp", Role.TRAINING_ADMIN);
        int year = plans.currentYear();
        EducationPlan draft = plans.draft(year);
        PlanLine recurring = new PlanLine(null, ItemKind.DECK, "incident-trends", Set.of(Role.LEARNER), Set.of(), Set.of(),
                today(), fiscalYears.lastDay(year), fiscalYears.lastDay(year), true);
        plans.save(draft.id(), "t", List.of(recurring));
        plans.submit(draft.id());
        users.loginAs("plan4-officer@example.jp", Role.PRIVACY_OFFICER);
        plans.approve(draft.id());

        clock.advance(Duration.between(clock.instant(), fiscalYears.firstDay(year + 1).atStartOfDay(FiscalYears.JAPAN).toInstant()
                .plusSeconds(3600)));
        runJobs();

        users.loginAs("plan4-auditor@example.jp", Role.AUDITOR);
        List<EducationPlan> next = plans.of(year + 1);
        assertThat(next).singleElement().satisfies(plan -> {
            assertThat(plan.status()).isEqualTo(EducationPlan.Status.DRAFT);
            assertThat(plan.lines()).singleElement().satisfies(l -> assertThat(l.due()).isEqualTo(fiscalYears.lastDay(year + 1)));
        });
        assertThat(assignments.of(year)).isNotEmpty();
        assertThat(assignments.of(year + 1)).isEmpty();
    }

    @Test
    void only_the_training_admin_drafts_only_the_privacy_officer_decides_and_others_are_refused() {
        for (Role role : new Role[] {Role.PRIVACY_OFFICER, Role.AUDITOR, Role.LEARNER, Role.SYSTEM_ADMIN}) {
            users.loginAs("plan5-" + role.name().toLowerCase() + "@example.jp", role);
            assertThatThrownBy(() -> plans.draft(2026)).as(role.name()).isInstanceOf(AuthorizationDeniedException.class);
        }
        for (Role role : new Role[] {Role.TRAINING_ADMIN, Role.AUDITOR, Role.LEARNER}) {
            users.loginAs("plan5-decide-" + role.name().toLowerCase() + "@example.jp", role);
            assertThatThrownBy(() -> plans.approve(1)).as(role.name()).isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> plans.returnToDraft(1, "x")).as(role.name()).isInstanceOf(AuthorizationDeniedException.class);
        }
        users.loginAs("plan5-learner@example.jp", Role.LEARNER);
        assertThatThrownBy(() -> plans.of(2026)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> assignments.of(2026)).isInstanceOf(AuthorizationDeniedException.class);
    }

    private PlanLine line(ItemKind kind, String item, Set<Role> roles, Set<Long> departments, Set<Long> people, LocalDate due) {
        return new PlanLine(null, kind, item, roles, departments, people, today(), due.plusDays(30).isAfter(fiscalYears.lastDay(
                plans.currentYear())) ? fiscalYears.lastDay(plans.currentYear()) : due.plusDays(30), due, false);
    }

    /** Each test plans its own fiscal year: plans are per year and the tests share one database. */
    private void yearsAhead(int years) {
        clock.advance(Duration.ofDays(366L * years));
    }

    private void runJobs() {
        SystemTask.run(jobs::runAll);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), FiscalYears.JAPAN);
    }

    private long userId(String email) {
        return jdbc.sql("SELECT id FROM app_user WHERE email = ?").param(email).query(Long.class).single();
    }

    private static byte[] csv(String... lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static void assertRefused(Runnable action, String key) {
        assertThatThrownBy(action::run).isInstanceOf(PlanException.class).hasMessage(key);
    }

    private static List<MimeMessage> mailsTo(String address) {
        return TestSmtp.to(SMTP, address);
    }

    private static String subject(MimeMessage message) {
        return TestSmtp.subject(message);
    }

    private static String body(MimeMessage message) {
        return TestSmtp.body(message);
    }
}
