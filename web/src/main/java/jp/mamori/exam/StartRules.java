package jp.mamori.exam;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import jp.mamori.shared.db.UtcColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a candidate may start a new attempt now (attempts left, the wait since the last one, a booked window that
 * is open), and the deadline it gets: min(start + time limit, window close) + the candidate's accommodation.
 */
@Component
class StartRules {

    private final JdbcClient jdbc;
    private final ExamWindows windows;
    private final Accommodations accommodations;

    StartRules(JdbcClient jdbc, ExamWindows windows, Accommodations accommodations) {
        this.jdbc = jdbc;
        this.windows = windows;
        this.accommodations = accommodations;
    }

    Decision decide(long userId, ExamDefinition exam, Instant now) {
        List<Instant> finished = jdbc.sql("SELECT COALESCE(finished_at, started_at) FROM exam_attempt WHERE user_id = ? AND exam_id = ? "
                        + "AND state <> 'IN_PROGRESS' ORDER BY 1 DESC")
                .params(userId, exam.examId())
                .query((rs, n) -> UtcColumns.instant(rs.getObject(1, LocalDateTime.class))).list();
        if (exam.attemptsAllowed() > 0 && finished.size() >= exam.attemptsAllowed()) {
            return Decision.refused("exam.refused.attempts-used", exam.attemptsAllowed());
        }
        if (!finished.isEmpty() && now.isBefore(finished.getFirst().plus(exam.waitBetween()))) {
            return Decision.refused("exam.refused.wait", finished.getFirst().plus(exam.waitBetween()));
        }
        int extra = accommodations.extraMinutes(userId, exam.examId());
        if (!windows.hasWindows(exam.examId())) {
            return new Decision(true, null, List.of(), null, null, extra);
        }
        Optional<ExamWindow> booked = windows.currentBooking(userId, exam.examId());
        if (booked.isEmpty()) {
            return Decision.refused("exam.refused.not-booked");
        }
        if (!booked.get().isOpenAt(now)) {
            return Decision.refused("exam.refused.window-not-open", booked.get().opensAt());
        }
        return new Decision(true, null, List.of(), booked.get().id(), booked.get().closesAt(), extra);
    }

    /** The outcome, with the reason (a translation key and its parameters) when the start is refused. */
    record Decision(boolean allowed, String reasonKey, List<Object> params, Long windowId, Instant windowCloses, int extraMinutes) {

        static Decision refused(String reasonKey, Object... params) {
            return new Decision(false, reasonKey, List.of(params), null, null, 0);
        }

        Instant deadline(Instant start, Duration timeLimit) {
            Instant end = start.plus(timeLimit);
            if (windowCloses != null && windowCloses.isBefore(end)) {
                end = windowCloses;
            }
            return end.plus(Duration.ofMinutes(extraMinutes));
        }
    }
}
