package jp.mamori.assignment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.mamori.catalog.DeckCatalog;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditLog;
import jp.mamori.evidence.EvidenceEntry;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.evidence.EvidenceRecord;
import jp.mamori.exam.ExamDefinition;
import jp.mamori.exam.ExamDefinitions;
import jp.mamori.identity.People;
import jp.mamori.shared.FiscalYears;
import jp.mamori.shared.Role;
import jp.mamori.shared.db.UtcColumns;
import jp.mamori.shared.security.CurrentPrincipal;
import jp.mamori.shared.security.MamoriPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The education plan's life: the training administrator drafts a year's plan and submits it, the privacy officer
 * approves it (an evidence record; the assignments follow at once) or returns it with a comment. An approved plan
 * never changes: a change is the next revision, which is approved again and then replaces it.
 */
@Service
public class EducationPlans {

    static final String READERS = "hasAnyRole('TRAINING_ADMIN', 'PRIVACY_OFFICER', 'AUDITOR')";
    public static final String EXAMINER_CURRICULUM = "examiner";

    private final JdbcClient jdbc;
    private final DeckCatalog decks;
    private final ExamDefinitions exams;
    private final People people;
    private final Assignments assignments;
    private final EvidenceLedger ledger;
    private final AuditLog audit;
    private final FiscalYears fiscalYears;
    private final Clock clock;

    EducationPlans(JdbcClient jdbc, DeckCatalog decks, ExamDefinitions exams, People people, Assignments assignments,
                   EvidenceLedger ledger, AuditLog audit, FiscalYears fiscalYears, Clock clock) {
        this.jdbc = jdbc;
        this.decks = decks;
        this.exams = exams;
        this.people = people;
        this.assignments = assignments;
        this.ledger = ledger;
        this.audit = audit;
        this.fiscalYears = fiscalYears;
        this.clock = clock;
    }

    @PreAuthorize("isAuthenticated()")
    public int currentYear() {
        return fiscalYears.of(clock.instant());
    }

    /** Every revision of a fiscal year's plan, newest first. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<EducationPlan> of(int fiscalYear) {
        return jdbc.sql(SELECT + "WHERE fiscal_year = ? ORDER BY revision DESC").param(fiscalYear).query(this::plan).list();
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Optional<EducationPlan> find(long planId) {
        return byId(planId);
    }

    /**
     * The revision to work on for a fiscal year: the draft or returned one if there is one, else a new draft (the
     * approved plan's lines copied, so a change starts from what is in force).
     */
    @PreAuthorize("hasRole('TRAINING_ADMIN')")
    @Transactional
    public EducationPlan draft(int fiscalYear) {
        lockYear(fiscalYear);
        List<EducationPlan> revisions = jdbc.sql(SELECT + "WHERE fiscal_year = ? ORDER BY revision DESC").param(fiscalYear)
                .query(this::plan).list();
        Optional<EducationPlan> open = revisions.stream()
                .filter(p -> p.status().editable() || p.status() == EducationPlan.Status.SUBMITTED).findFirst();
        if (open.isPresent()) {
            return open.get();
        }
        Optional<EducationPlan> approved = revisions.stream().filter(p -> p.status() == EducationPlan.Status.APPROVED).findFirst();
        String title = approved.map(EducationPlan::title).orElse(fiscalYear + "年度 教育計画");
        long id = insertPlan(fiscalYear, revisions.isEmpty() ? 1 : revisions.getFirst().revision() + 1, title,
                CurrentPrincipal.require().email());
        approved.ifPresent(plan -> insertLines(id, plan.lines().stream().map(line -> line.withId(null)).toList()));
        return byId(id).orElseThrow();
    }

    /** Replaces the title and the lines of a draft or returned plan, after checking every line; refused as a whole. */
    @PreAuthorize("hasRole('TRAINING_ADMIN')")
    @Transactional
    public EducationPlan save(long planId, String title, List<PlanLine> lines) {
        EducationPlan plan = editable(planId);
        String name = title == null ? "" : title.strip();
        if (name.isEmpty() || name.length() > 300) {
            throw new PlanException("plan.error.title");
        }
        check(plan.fiscalYear(), lines);
        jdbc.sql("UPDATE education_plan SET title = ? WHERE id = ?").params(name, planId).update();
        jdbc.sql("DELETE FROM plan_line WHERE plan_id = ?").param(planId).update();
        insertLines(planId, lines);
        return byId(planId).orElseThrow();
    }

    @PreAuthorize("hasRole('TRAINING_ADMIN')")
    @Transactional
    public EducationPlan submit(long planId) {
        EducationPlan plan = editable(planId);
        if (plan.lines().isEmpty()) {
            throw new PlanException("plan.error.no-lines");
        }
        check(plan.fiscalYear(), plan.lines());
        jdbc.sql("UPDATE education_plan SET status = 'SUBMITTED', submitted_at = ? WHERE id = ?")
                .params(UtcColumns.of(clock.instant()), planId).update();
        audit.record(AuditAction.PLAN_SUBMITTED, CurrentPrincipal.require().email(), "plan:" + plan.fiscalYear() + "/r" + plan.revision(), null);
        return byId(planId).orElseThrow();
    }

    /** Approves a submitted plan: recorded as evidence, the previous approved revision is replaced, assignments made. */
    @PreAuthorize("hasRole('PRIVACY_OFFICER')")
    @Transactional
    public EducationPlan approve(long planId) {
        MamoriPrincipal officer = CurrentPrincipal.require();
        EducationPlan plan = submitted(planId);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("title", plan.title());
        details.put("lines", plan.lines().stream().map(EducationPlans::describe).toList());
        EvidenceRecord record = ledger.append(new EvidenceEntry("PLAN_APPROVED", officer.id(), officer.email(), officer.email(),
                "plan:FY" + plan.fiscalYear(), String.valueOf(plan.revision()), "APPROVED", null, details, null));
        jdbc.sql("UPDATE education_plan SET status = 'SUPERSEDED' WHERE fiscal_year = ? AND status = 'APPROVED'")
                .param(plan.fiscalYear()).update();
        jdbc.sql("UPDATE education_plan SET status = 'APPROVED', decided_by = ?, decided_at = ?, decision_comment = NULL, "
                        + "evidence_seq = ? WHERE id = ?")
                .params(officer.email(), UtcColumns.of(clock.instant()), record.seq(), planId).update();
        EducationPlan approved = byId(planId).orElseThrow();
        assignments.assign(approved);
        return approved;
    }

    /** Returns a submitted plan to the training administrator with a comment saying what to change. */
    @PreAuthorize("hasRole('PRIVACY_OFFICER')")
    @Transactional
    public EducationPlan returnToDraft(long planId, String comment) {
        MamoriPrincipal officer = CurrentPrincipal.require();
        String text = comment == null ? "" : comment.strip();
        if (text.isEmpty() || text.length() > 2000) {
            throw new PlanException("plan.error.comment");
        }
        EducationPlan plan = submitted(planId);
        ledger.append(new EvidenceEntry("PLAN_RETURNED", officer.id(), officer.email(), officer.email(),
                "plan:FY" + plan.fiscalYear(), String.valueOf(plan.revision()), "RETURNED", null, Map.of("comment", text), null));
        jdbc.sql("UPDATE education_plan SET status = 'RETURNED', decided_by = ?, decided_at = ?, decision_comment = ? WHERE id = ?")
                .params(officer.email(), UtcColumns.of(clock.instant()), text, planId).update();
        return byId(planId).orElseThrow();
    }

    /** The plan in force for a fiscal year. */
    Optional<EducationPlan> approved(int fiscalYear) {
        return jdbc.sql(SELECT + "WHERE fiscal_year = ? AND status = 'APPROVED'").param(fiscalYear).query(this::plan).optional();
    }

    /**
     * On the first days of a fiscal year: a draft for it from last year's approved recurring lines, dates a year
     * later, unless the year has a plan already. The approval is still the privacy officer's.
     */
    Optional<Long> prepareYear(int fiscalYear, String by) {
        lockYear(fiscalYear);
        if (jdbc.sql("SELECT COUNT(*) FROM education_plan WHERE fiscal_year = ?").param(fiscalYear).query(Long.class).single() > 0) {
            return Optional.empty();
        }
        List<PlanLine> recurring = approved(fiscalYear - 1).map(plan -> plan.lines().stream().filter(PlanLine::recurring)
                .map(PlanLine::nextYear).toList()).orElse(List.of());
        if (recurring.isEmpty()) {
            return Optional.empty();
        }
        long id = insertPlan(fiscalYear, 1, fiscalYear + "年度 教育計画", by);
        insertLines(id, recurring);
        return Optional.of(id);
    }

    /** Demo data: a plan stored as approved, without the approval flow (nobody is signed in at start-up). */
    long insertApproved(int fiscalYear, String title, List<PlanLine> lines, String drafter, String approver) {
        long id = insertPlan(fiscalYear, 1, title, drafter);
        insertLines(id, lines);
        jdbc.sql("UPDATE education_plan SET status = 'APPROVED', submitted_at = created_at, decided_by = ?, decided_at = created_at "
                + "WHERE id = ?").params(approver, id).update();
        return id;
    }

    private void check(int fiscalYear, List<PlanLine> lines) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), FiscalYears.JAPAN);
        Map<Long, People.Member> members = people.members().stream().collect(Collectors.toMap(People.Member::id, m -> m));
        Set<Long> departments = jdbc.sql("SELECT id FROM department").query(Long.class).set();
        Set<String> examIds = exams.current().stream().map(ExamDefinition::examId).collect(Collectors.toSet());
        for (int i = 0; i < lines.size(); i++) {
            PlanLine line = lines.get(i);
            int n = i + 1;
            switch (line.kind()) {
                case DECK -> {
                    if (decks.latestVersion(line.itemId()).isEmpty()) {
                        throw new PlanException("plan.error.unknown-item", n, line.itemId());
                    }
                }
                case EXAM -> {
                    if (!examIds.contains(line.itemId())) {
                        throw new PlanException("plan.error.unknown-item", n, line.itemId());
                    }
                }
                case EXAMINER_CURRICULUM -> {
                    if (!EXAMINER_CURRICULUM.equals(line.itemId())) {
                        throw new PlanException("plan.error.unknown-item", n, line.itemId());
                    }
                }
            }
            if (line.roles().isEmpty() && line.departments().isEmpty() && line.people().isEmpty()) {
                throw new PlanException("plan.error.no-target", n);
            }
            for (Long department : line.departments()) {
                if (!departments.contains(department)) {
                    throw new PlanException("plan.error.unknown-department", n, department);
                }
            }
            for (Long person : line.people()) {
                People.Member member = members.get(person);
                if (member == null) {
                    throw new PlanException("plan.error.unknown-person", n, person);
                }
                if (!member.active()) {
                    throw new PlanException("plan.error.inactive-person", n, member.name());
                }
            }
            if (line.periodStart() == null || line.periodEnd() == null || line.due() == null) {
                throw new PlanException("plan.error.dates-missing", n);
            }
            if (line.periodEnd().isBefore(line.periodStart())) {
                throw new PlanException("plan.error.end-before-start", n);
            }
            if (line.due().isBefore(today)) {
                throw new PlanException("plan.error.due-past", n);
            }
            if (line.due().isBefore(line.periodStart()) || line.due().isAfter(line.periodEnd())) {
                throw new PlanException("plan.error.due-outside", n);
            }
            if (fiscalYears.of(line.periodStart()) != fiscalYear && fiscalYears.of(line.periodEnd()) != fiscalYear) {
                throw new PlanException("plan.error.other-year", n, fiscalYear);
            }
        }
    }

    private EducationPlan editable(long planId) {
        lockPlan(planId);
        EducationPlan plan = byId(planId).orElseThrow(() -> new PlanException("plan.error.unknown"));
        if (!plan.status().editable()) {
            throw new PlanException("plan.error.not-editable");
        }
        return plan;
    }

    private EducationPlan submitted(long planId) {
        lockPlan(planId);
        EducationPlan plan = byId(planId).orElseThrow(() -> new PlanException("plan.error.unknown"));
        if (plan.status() != EducationPlan.Status.SUBMITTED) {
            throw new PlanException("plan.error.not-submitted");
        }
        return plan;
    }

    private void lockPlan(long planId) {
        jdbc.sql("SELECT id FROM education_plan WHERE id = ? FOR UPDATE").param(planId).query(Long.class).optional();
    }

    /** Serialises drafting per year on the existing rows (and the gap where the next revision goes). */
    private void lockYear(int fiscalYear) {
        jdbc.sql("SELECT id FROM education_plan WHERE fiscal_year = ? FOR UPDATE").param(fiscalYear).query(Long.class).list();
    }

    private long insertPlan(int fiscalYear, int revision, String title, String by) {
        jdbc.sql("INSERT INTO education_plan (fiscal_year, revision, title, status, created_by, created_at) VALUES (?,?,?,?,?,?)")
                .params(fiscalYear, revision, title, "DRAFT", by, UtcColumns.of(clock.instant())).update();
        return jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
    }

    private void insertLines(long planId, List<PlanLine> lines) {
        for (int i = 0; i < lines.size(); i++) {
            PlanLine line = lines.get(i);
            jdbc.sql("INSERT INTO plan_line (plan_id, position, item_kind, item_id, roles, departments, people, period_start, "
                            + "period_end, due_date, recurring) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
                    .params(planId, i, line.kind().name(), line.itemId(), join(line.roles().stream().map(Role::name).sorted().toList()),
                            join(line.departments().stream().sorted().map(String::valueOf).toList()),
                            join(line.people().stream().sorted().map(String::valueOf).toList()),
                            line.periodStart(), line.periodEnd(), line.due(), line.recurring())
                    .update();
        }
    }

    private static String describe(PlanLine line) {
        return line.kind() + ":" + line.itemId() + " roles=" + line.roles().stream().map(Role::name).sorted().toList()
                + " departments=" + line.departments().stream().sorted().toList() + " people=" + line.people().stream().sorted().toList()
                + " " + line.periodStart() + ".." + line.periodEnd() + " due " + line.due() + (line.recurring() ? " recurring" : "");
    }

    private static final String SELECT = "SELECT id, fiscal_year, revision, title, status, created_by, created_at, submitted_at, "
            + "decided_by, decided_at, decision_comment, evidence_seq FROM education_plan ";

    private Optional<EducationPlan> byId(long planId) {
        return jdbc.sql(SELECT + "WHERE id = ?").param(planId).query(this::plan).optional();
    }

    private EducationPlan plan(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong(1);
        return new EducationPlan(id, rs.getInt(2), rs.getInt(3), rs.getString(4), EducationPlan.Status.valueOf(rs.getString(5)),
                rs.getString(6), instant(rs, 7).orElseThrow(), instant(rs, 8), Optional.ofNullable(rs.getString(9)), instant(rs, 10),
                Optional.ofNullable(rs.getString(11)), Optional.ofNullable(rs.getObject(12, Long.class)), lines(id));
    }

    List<PlanLine> lines(long planId) {
        return jdbc.sql("SELECT id, item_kind, item_id, roles, departments, people, period_start, period_end, due_date, recurring "
                        + "FROM plan_line WHERE plan_id = ? ORDER BY position")
                .param(planId)
                .query((rs, n) -> new PlanLine(rs.getLong(1), ItemKind.valueOf(rs.getString(2)), rs.getString(3),
                        split(rs.getString(4)).stream().map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class))),
                        split(rs.getString(5)).stream().map(Long::valueOf).collect(Collectors.toSet()),
                        split(rs.getString(6)).stream().map(Long::valueOf).collect(Collectors.toSet()),
                        rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
                        rs.getBoolean(10)))
                .list();
    }

    private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, LocalDateTime.class)).map(UtcColumns::instant);
    }

    private static String join(Collection<String> values) {
        return String.join(",", values);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }
}
