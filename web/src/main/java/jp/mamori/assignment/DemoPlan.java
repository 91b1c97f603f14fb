package jp.mamori.assignment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import jp.mamori.shared.FiscalYears;
import jp.mamori.shared.Role;
import jp.mamori.shared.db.DemoMode;
import jp.mamori.shared.security.SystemTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: this fiscal year's education plan, approved and assigned — every LEARNER takes the five employee
 * decks and every EXAMINER the examiner curriculum, due at the end of the year — so due dates, assignments and
 * reminders can be tried at once. (It is written directly, as if drafted by the demo admin and approved by the demo
 * officer, since nobody is signed in at start-up.)
 */
@Component
@Order(13)
class DemoPlan implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPlan.class);
    private static final List<String> EMPLOYEE_DECKS = List.of("why-pi-matters", "incident-trends", "our-rules",
            "when-incidents-happen", "pms-and-you");

    private final DemoMode demo;
    private final EducationPlans plans;
    private final Assignments assignments;
    private final FiscalYears fiscalYears;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoPlan(DemoMode demo, EducationPlans plans, Assignments assignments, FiscalYears fiscalYears, JdbcClient jdbc,
             TransactionTemplate transaction, Clock clock) {
        this.demo = demo;
        this.plans = plans;
        this.assignments = assignments;
        this.fiscalYears = fiscalYears;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int year = fiscalYears.of(clock.instant());
        if (!demo.active() || jdbc.sql("SELECT COUNT(*) FROM education_plan").query(Long.class).single() > 0) {
            return;
        }
        LocalDate start = fiscalYears.firstDay(year);
        LocalDate end = fiscalYears.lastDay(year);
        List<PlanLine> lines = new java.util.ArrayList<>(EMPLOYEE_DECKS.stream().map(deck -> new PlanLine(null, ItemKind.DECK, deck,
                Set.of(Role.LEARNER), Set.of(), Set.of(), start, end, end, true)).toList());
        lines.add(new PlanLine(null, ItemKind.EXAMINER_CURRICULUM, EducationPlans.EXAMINER_CURRICULUM, Set.of(Role.EXAMINER), Set.of(),
                Set.of(), start, end, end, true));
        transaction.executeWithoutResult(status -> SystemTask.run(() -> {
            long id = plans.insertApproved(year, year + "年度 全社教育計画(デモ)", lines, "admin@demo.mamori.jp", "officer@demo.mamori.jp");
            assignments.assign(plans.approved(year).orElseThrow());
            log.info("Demo mode: approved the FY{} education plan {} and assigned it", year, id);
        }));
    }
}
