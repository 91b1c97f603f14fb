package jp.mamori.exam;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import jp.mamori.shared.db.UtcColumns;
import jp.mamori.shared.security.CurrentPrincipal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exam windows: an admin opens periods with a number of seats; candidates book one and may start only inside it.
 * An exam without any window can be sat at any time (a self-paced online test).
 */
@Service
public class ExamWindows {

    private static final String WINDOW = "SELECT w.id, w.exam_id, w.opens_at, w.closes_at, w.capacity, "
            + "(SELECT COUNT(*) FROM exam_booking b WHERE b.window_id = w.id), w.cancelled_at IS NOT NULL FROM exam_window w ";

    private final JdbcClient jdbc;
    private final ExamDefinitions definitions;
    private final Clock clock;

    ExamWindows(JdbcClient jdbc, ExamDefinitions definitions, Clock clock) {
        this.jdbc = jdbc;
        this.definitions = definitions;
        this.clock = clock;
    }

    /** Every window of an exam, the newest first. */
    @PreAuthorize("hasRole('TRAINING_ADMIN')")
    @Transactional(readOnly = true)
    public List<ExamWindow> windows(String examId) {
        return jdbc.sql(WINDOW + "WHERE w.exam_id = ? ORDER BY w.opens_at DESC").param(examId).query((rs, n) -> read(rs)).list();
    }

    /** Opens a window; refused when it ends before it starts, is already over, or has no seats. */
    @PreAuthorize("hasRole('TRAINING_ADMIN')")
    @Transactional
    public ExamWindow open(String examId, Instant opensAt, Instant closesAt, int capacity) {
        if (definitions.newest(examId).isEmpty()) {
            throw new ExamAdministrationException("exam.admin.error.unknown-exam", examId);
        }
        if (opensAt == null || closesAt == null || !closesAt.isAfter(opensAt)) {
            throw new ExamAdministrationException("exam.window.error.order");
        }
        if (!closesAt.isAfter(clock.instant())) {
            throw new ExamAdministrationException("exam.window.error.past");
        }
        if (capacity < 1 || capacity > 100_000) {
            throw new ExamAdministrationException("exam.window.error.capacity", 1, 100_000);
        }
        jdbc.sql("INSERT INTO exam_window (exam_id, opens_at, closes_at, capacity, created_by, created_at) VALUES (?,?,?,?,?,?)")
                .params(examId, UtcColumns.of(opensAt), UtcColumns.of(closesAt), capacity, CurrentPrincipal.require().email(),
                        UtcColumns.of(clock.instant()))
                .update();
        return window(jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single()).orElseThrow();
    }

    /** Cancels a window: nobody can start in it any more; attempts already running keep their deadline. */
    @PreAuthorize("hasRole('TRAINING_ADMIN')")
    @Transactional
    public void cancel(long windowId) {
        jdbc.sql("UPDATE exam_window SET cancelled_at = ? WHERE id = ? AND cancelled_at IS NULL")
                .params(UtcColumns.of(clock.instant()), windowId).update();
    }

    /** Windows of an exam a candidate can still book (not cancelled, not over), full ones included and marked. */
    @PreAuthorize("hasRole('CANDIDATE')")
    @Transactional(readOnly = true)
    public List<ExamWindow> bookable(String examId) {
        return jdbc.sql(WINDOW + "WHERE w.exam_id = ? AND w.cancelled_at IS NULL AND w.closes_at > ? ORDER BY w.opens_at")
                .params(examId, UtcColumns.of(clock.instant())).query((rs, n) -> read(rs)).list();
    }

    /** The candidate's booking of an exam that is not over yet, if any. */
    @PreAuthorize("hasRole('CANDIDATE')")
    @Transactional(readOnly = true)
    public Optional<ExamWindow> booking(String examId) {
        return currentBooking(CurrentPrincipal.require().id(), examId);
    }

    /** Books a seat; one booking per exam at a time, never more seats than the window has. */
    @PreAuthorize("hasRole('CANDIDATE')")
    @Transactional
    public ExamWindow book(long windowId) {
        long user = CurrentPrincipal.require().id();
        // The window row is locked so that two candidates cannot take the last seat together.
        ExamWindow window = jdbc.sql(WINDOW + "WHERE w.id = ? FOR UPDATE").param(windowId).query((rs, n) -> read(rs)).optional()
                .orElseThrow(() -> new ExamAdministrationException("exam.book.error.gone"));
        if (window.cancelled() || !window.closesAt().isAfter(clock.instant())) {
            throw new ExamAdministrationException("exam.book.error.gone");
        }
        if (currentBooking(user, window.examId()).isPresent()) {
            throw new ExamAdministrationException("exam.book.error.already");
        }
        if (window.isFull()) {
            throw new ExamAdministrationException("exam.book.error.full");
        }
        try {
            jdbc.sql("INSERT INTO exam_booking (window_id, user_id, booked_at) VALUES (?,?,?)")
                    .params(windowId, user, UtcColumns.of(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            throw new ExamAdministrationException("exam.book.error.already");
        }
        return window(windowId).orElseThrow();
    }

    /** Gives the seat back; only before the window opens. */
    @PreAuthorize("hasRole('CANDIDATE')")
    @Transactional
    public void cancelBooking(long windowId) {
        ExamWindow window = window(windowId).orElseThrow(() -> new ExamAdministrationException("exam.book.error.gone"));
        if (!clock.instant().isBefore(window.opensAt())) {
            throw new ExamAdministrationException("exam.book.error.started");
        }
        jdbc.sql("DELETE FROM exam_booking WHERE window_id = ? AND user_id = ?").params(windowId, CurrentPrincipal.require().id()).update();
    }

    boolean hasWindows(String examId) {
        return jdbc.sql("SELECT COUNT(*) FROM exam_window WHERE exam_id = ? AND cancelled_at IS NULL").param(examId)
                .query(Long.class).single() > 0;
    }

    Optional<ExamWindow> currentBooking(long userId, String examId) {
        return jdbc.sql(WINDOW + "JOIN exam_booking mine ON mine.window_id = w.id AND mine.user_id = ? "
                        + "WHERE w.exam_id = ? AND w.cancelled_at IS NULL AND w.closes_at > ? ORDER BY w.opens_at LIMIT 1")
                .params(userId, examId, UtcColumns.of(clock.instant())).query((rs, n) -> read(rs)).optional();
    }

    private Optional<ExamWindow> window(long id) {
        return jdbc.sql(WINDOW + "WHERE w.id = ?").param(id).query((rs, n) -> read(rs)).optional();
    }

    private static ExamWindow read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ExamWindow(rs.getLong(1), rs.getString(2), UtcColumns.instant(rs.getObject(3, LocalDateTime.class)),
                UtcColumns.instant(rs.getObject(4, LocalDateTime.class)), rs.getInt(5), rs.getInt(6), rs.getBoolean(7));
    }
}
