package jp.mamori.assignment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.mamori.attestation.Clearance;
import jp.mamori.attestation.DeclarationSigned;
import jp.mamori.attestation.ExaminerClearance;
import jp.mamori.exam.ExamPassed;
import jp.mamori.identity.People;
import jp.mamori.learning.AssignedDueDates;
import jp.mamori.learning.Audience;
import jp.mamori.learning.CurriculumProgress;
import jp.mamori.learning.DeckCompleted;
import jp.mamori.shared.FiscalYears;
import jp.mamori.shared.Role;
import jp.mamori.shared.db.UtcColumns;
import jp.mamori.shared.security.CurrentPrincipal;
import jp.mamori.shared.security.MamoriPrincipal;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who must do what by when: made from the approved plan's lines (again whenever people join or change role or
 * department), marked done by the completion events inside the completing transaction, and the source of the due
 * dates learners see.
 */
@Service
public class Assignments implements AssignedDueDates {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final People people;
    private final CurriculumProgress progress;
    private final ExaminerClearance clearance;
    private final FiscalYears fiscalYears;
    private final Clock clock;

    Assignments(JdbcClient jdbc, JdbcTemplate batch, People people, CurriculumProgress progress, ExaminerClearance clearance,
                FiscalYears fiscalYears, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.people = people;
        this.progress = progress;
        this.clearance = clearance;
        this.fiscalYears = fiscalYears;
        this.clock = clock;
    }

    /**
     * Makes the assignments of an approved plan for everyone its lines mean, idempotently: an open assignment takes
     * the newest plan's due date, a done one stays done, and work already completed this year counts at once.
     * Returns the number of people × items assigned.
     */
    int assign(EducationPlan plan) {
        List<People.Member> members = people.members();
        Instant now = clock.instant();
        List<Object[]> rows = new ArrayList<>();
        for (PlanLine line : plan.lines()) {
            for (People.Member member : members) {
                if (line.means(member)) {
                    rows.add(new Object[] {member.id(), line.id(), plan.fiscalYear(), line.kind().name(), line.itemId(), line.due(),
                            UtcColumns.of(now)});
                }
            }
        }
        batch.batchUpdate("INSERT INTO assignment (user_id, plan_line_id, fiscal_year, item_kind, item_id, due_date, assigned_at) "
                + "VALUES (?,?,?,?,?,?,?) ON DUPLICATE KEY UPDATE "
                + "plan_line_id = IF(completed_at IS NULL, VALUES(plan_line_id), plan_line_id), "
                + "due_date = IF(completed_at IS NULL, VALUES(due_date), due_date)", rows);
        countDoneWork(plan.fiscalYear(), now);
        return rows.size();
    }

    /** Work done before it was assigned (a deck finished before the plan was approved) counts. */
    private void countDoneWork(int fiscalYear, Instant now) {
        List<Object[]> done = new ArrayList<>();
        progress.completed(Audience.EMPLOYEE, fiscalYear).forEach((user, deckIds) ->
                deckIds.forEach(deck -> done.add(new Object[] {UtcColumns.of(now), user, fiscalYear, ItemKind.DECK.name(), deck})));
        progress.completed(Audience.EXAMINER, fiscalYear).forEach((user, deckIds) ->
                deckIds.forEach(deck -> done.add(new Object[] {UtcColumns.of(now), user, fiscalYear, ItemKind.DECK.name(), deck})));
        for (Clearance standing : clearance.roster(fiscalYear)) {
            if (standing.modulesMissing().isEmpty() && standing.declarationsMissing().isEmpty()) {
                done.add(new Object[] {UtcColumns.of(now), standing.userId(), fiscalYear, ItemKind.EXAMINER_CURRICULUM.name(),
                        EducationPlans.EXAMINER_CURRICULUM});
            }
        }
        batch.batchUpdate("UPDATE assignment SET completed_at = ? WHERE user_id = ? AND fiscal_year = ? AND item_kind = ? "
                + "AND item_id = ? AND completed_at IS NULL", done);
    }

    /** The signed-in person's assignments of the current fiscal year and any still open from earlier years. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Assignment> mine() {
        return jdbc.sql(SELECT + "WHERE user_id = ? AND (fiscal_year = ? OR completed_at IS NULL) ORDER BY due_date, id")
                .params(CurrentPrincipal.require().id(), fiscalYears.of(clock.instant())).query(Assignments::map).list();
    }

    /** Everyone's assignments of a fiscal year, for dashboards and reports. */
    @PreAuthorize(EducationPlans.READERS)
    @Transactional(readOnly = true)
    public List<Assignment> of(int fiscalYear) {
        return jdbc.sql(SELECT + "WHERE fiscal_year = ? ORDER BY user_id, id").param(fiscalYear).query(Assignments::map).list();
    }

    @Override
    @PreAuthorize("#userId == authentication.principal.id()")
    @Transactional(readOnly = true)
    public Optional<LocalDate> due(long userId, String deckId, int fiscalYear) {
        return jdbc.sql("SELECT due_date FROM assignment WHERE user_id = ? AND fiscal_year = ? AND item_kind = 'DECK' AND item_id = ?")
                .params(userId, fiscalYear, deckId).query(LocalDate.class).optional();
    }

    @EventListener
    void deckCompleted(DeckCompleted event) {
        complete(event.userId(), event.fiscalYear(), ItemKind.DECK, event.deckId(), event.completedAt());
        curriculumProgressed(event.userId(), event.fiscalYear(), event.completedAt());
    }

    @EventListener
    void declarationSigned(DeclarationSigned event) {
        curriculumProgressed(event.userId(), event.fiscalYear(), event.signedAt());
    }

    @EventListener
    void examPassed(ExamPassed event) {
        complete(event.userId(), fiscalYears.of(event.passedAt()), ItemKind.EXAM, event.examId(), event.passedAt());
    }

    /** The examiner curriculum is done when, in the year, every module is completed and every declaration signed. */
    private void curriculumProgressed(long userId, int fiscalYear, Instant at) {
        MamoriPrincipal me = CurrentPrincipal.get().orElse(null);
        if (me == null || me.id() != userId || !me.roles().contains(Role.EXAMINER) || fiscalYear != fiscalYears.of(clock.instant())) {
            return;
        }
        Clearance mine = clearance.mine();
        if (mine.modulesMissing().isEmpty() && mine.declarationsMissing().isEmpty()) {
            complete(userId, fiscalYear, ItemKind.EXAMINER_CURRICULUM, EducationPlans.EXAMINER_CURRICULUM, at);
        }
    }

    private void complete(long userId, int fiscalYear, ItemKind kind, String itemId, Instant at) {
        jdbc.sql("UPDATE assignment SET completed_at = ? WHERE user_id = ? AND fiscal_year = ? AND item_kind = ? AND item_id = ? "
                        + "AND completed_at IS NULL")
                .params(UtcColumns.of(at), userId, fiscalYear, kind.name(), itemId).update();
    }

    static final String SELECT = "SELECT id, user_id, fiscal_year, item_kind, item_id, due_date, assigned_at, completed_at FROM assignment ";

    static Assignment map(ResultSet rs, int row) throws SQLException {
        return new Assignment(rs.getLong(1), rs.getLong(2), rs.getInt(3), ItemKind.valueOf(rs.getString(4)), rs.getString(5),
                rs.getObject(6, LocalDate.class), UtcColumns.instant(rs.getObject(7, LocalDateTime.class)),
                Optional.ofNullable(rs.getObject(8, LocalDateTime.class)).map(UtcColumns::instant));
    }
}
