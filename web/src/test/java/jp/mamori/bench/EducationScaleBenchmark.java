package jp.mamori.bench;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import jp.mamori.assignment.EducationPlans;
import jp.mamori.attestation.ExaminerClearance;
import jp.mamori.identity.TestUsers;
import jp.mamori.reporting.EducationFigures;
import jp.mamori.reporting.EducationReports;
import jp.mamori.shared.FiscalYears;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not a test (run with {@code ./mvnw -B -pl web -am -Pbench verify -Dtest=EducationScaleBenchmark}):
 * generates an organisation of 10,000 people in 200 departments with five fiscal years of approved plans (five
 * employee decks each), assignments, completions, check results and reminders, then times what the dashboard loads
 * for the current year and the 教育実施報告書 PDF of the current year's plan. Targets: dashboard ≤ 2 s, report ≤ 10 s.
 */
@MamoriIntegrationTest
class EducationScaleBenchmark {

    private static final int PEOPLE = Integer.getInteger("bench.people", 10_000);
    private static final int DEPARTMENTS = Integer.getInteger("bench.departments", 200);
    private static final int YEARS = 5;
    private static final List<String> DECKS = List.of("why-pi-matters", "incident-trends", "our-rules", "when-incidents-happen", "pms-and-you");

    @Autowired
    JdbcTemplate batch;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    EducationFigures figures;
    @Autowired
    EducationReports reports;
    @Autowired
    EducationPlans plans;
    @Autowired
    ExaminerClearance clearance;
    @Autowired
    FiscalYears fiscalYears;
    @Autowired
    Clock clock;

    @Test
    void dashboard_and_report_for_ten_thousand_people_over_five_years() {
        int year = fiscalYears.of(clock.instant());
        long started = System.nanoTime();
        List<Long> plansByYear = generate(year);
        System.out.printf("generated %,d people, %,d departments, %,d assignments in %.1f s%n", PEOPLE, DEPARTMENTS,
                jdbc.sql("SELECT COUNT(*) FROM assignment").query(Long.class).single(), (System.nanoTime() - started) / 1e9);

        users.loginAs("bench-officer@example.jp", Role.PRIVACY_OFFICER, Role.TRAINING_ADMIN);
        List<Double> dashboard = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            long t = System.nanoTime();
            figures.total(year);
            int departments = figures.byDepartment(year).size();
            figures.byItem(year);
            int overdue = figures.overdue(year).size();
            figures.examDomains(year);
            clearance.roster(year);
            dashboard.add((System.nanoTime() - t) / 1e6);
            if (run == 0) {
                System.out.printf("dashboard rows: %d departments, %,d overdue%n", departments, overdue);
            }
        }
        System.out.printf("dashboard load (all its queries), 5 runs: first %.0f ms, median %.0f ms, max %.0f ms (target <= 2000 ms)%n",
                dashboard.getFirst(), dashboard.stream().sorted().toList().get(2), dashboard.stream().mapToDouble(d -> d).max().orElseThrow());

        long t = System.nanoTime();
        EducationReports.Report report = reports.generate(plansByYear.getLast());
        double reportMs = (System.nanoTime() - t) / 1e6;
        byte[] pdf = reports.pdf(report.id());
        System.out.printf("education report PDF for FY%d: %.0f ms, %,d bytes (target <= 10000 ms)%n", year, reportMs, pdf.length);
        t = System.nanoTime();
        reports.approve(report.id());
        System.out.printf("approval stamp on it: %.0f ms%n", (System.nanoTime() - t) / 1e6);
    }

    /** The organisation and its history, written in JDBC batches; returns the approved plan of each year, oldest first. */
    private List<Long> generate(int year) {
        Random random = new Random(42);
        LocalDateTime now = LocalDateTime.now();
        List<Object[]> departments = new ArrayList<>();
        for (int d = 0; d < DEPARTMENTS; d++) {
            departments.add(new Object[] {String.format("B%03d", d), "部署 " + d, now});
        }
        batch.batchUpdate("INSERT INTO department (code, name, created_at) VALUES (?,?,?)", departments);
        List<Long> departmentIds = jdbc.sql("SELECT id FROM department WHERE code LIKE 'B%' ORDER BY id").query(Long.class).list();
        List<Object[]> people = new ArrayList<>();
        for (int p = 0; p < PEOPLE; p++) {
            people.add(new Object[] {String.format("bench%05d@example.jp", p), "社員 " + p, departmentIds.get(p % DEPARTMENTS), now});
        }
        batch.batchUpdate("INSERT INTO app_user (email, display_name, department_id, created_at) VALUES (?,?,?,?)", people);
        List<Long> ids = jdbc.sql("SELECT id FROM app_user WHERE email LIKE 'bench%@example.jp' ORDER BY id").query(Long.class).list();
        batch.batchUpdate("INSERT INTO user_role (user_id, role) VALUES (?, 'LEARNER')", ids.stream().map(id -> new Object[] {id}).toList());

        List<Long> planIds = new ArrayList<>();
        for (int fy = year - YEARS + 1; fy <= year; fy++) {
            jdbc.sql("INSERT INTO education_plan (fiscal_year, revision, title, status, created_by, created_at, decided_by, decided_at) "
                            + "VALUES (?, 1, ?, 'APPROVED', 'bench', ?, 'bench', ?)")
                    .params(fy, fy + "年度 全社教育計画", now, now).update();
            long planId = jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
            planIds.add(planId);
            LocalDate start = fiscalYears.firstDay(fy);
            LocalDate end = fiscalYears.lastDay(fy);
            boolean current = fy == year;
            for (int i = 0; i < DECKS.size(); i++) {
                String deck = DECKS.get(i);
                LocalDate due = current ? LocalDate.now(clock.withZone(FiscalYears.JAPAN)).minusDays(10 - i * 5L) : start.plusMonths(6);
                jdbc.sql("INSERT INTO plan_line (plan_id, position, item_kind, item_id, roles, period_start, period_end, due_date, recurring) "
                                + "VALUES (?,?,?,?,?,?,?,?,TRUE)")
                        .params(planId, i, "DECK", deck, "LEARNER", start, end, due).update();
                long lineId = jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
                List<Object[]> assignments = new ArrayList<>();
                List<Object[]> progress = new ArrayList<>();
                List<Object[]> checks = new ArrayList<>();
                for (long user : ids) {
                    boolean done = random.nextDouble() < (current ? 0.7 : 0.96);
                    LocalDateTime completed = done ? start.plusMonths(2).atTime(10, 0) : null;
                    assignments.add(new Object[] {user, lineId, fy, deck, due, now, completed});
                    if (done) {
                        progress.add(new Object[] {user, deck, fy, completed, completed, completed});
                        checks.add(new Object[] {user, deck, fy, completed, completed, 60 + random.nextInt(5) * 10});
                    }
                }
                batch.batchUpdate("INSERT INTO assignment (user_id, plan_line_id, fiscal_year, item_kind, item_id, due_date, assigned_at, "
                        + "completed_at) VALUES (?,?,?,'DECK',?,?,?,?)", assignments);
                batch.batchUpdate("INSERT INTO deck_progress (user_id, deck_id, fiscal_year, deck_version, current_slide, seen_slides, "
                        + "started_at, updated_at, completed_at) VALUES (?,?,?,1,0,'',?,?,?)", progress);
                batch.batchUpdate("INSERT INTO check_attempt (user_id, deck_id, deck_version, fiscal_year, items, started_at, submitted_at, "
                        + "answers, score, passed) VALUES (?,?,1,?,'',?,?,'',?,TRUE)", checks);
            }
        }
        batch.update("INSERT INTO reminder_sent (assignment_id, step, sent_at) SELECT id, '1', NOW() FROM assignment "
                + "WHERE completed_at IS NULL AND fiscal_year = ?", year);
        return planIds;
    }
}
