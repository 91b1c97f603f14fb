package jp.mamori.exam;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import jp.mamori.shared.db.UtcColumns;
import jp.mamori.shared.security.CurrentPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Extra time granted to a named candidate on one exam; it is added to the deadline of every attempt they start. */
@Service
public class Accommodations {

    private final JdbcClient jdbc;
    private final ExamDefinitions definitions;
    private final Clock clock;

    Accommodations(JdbcClient jdbc, ExamDefinitions definitions, Clock clock) {
        this.jdbc = jdbc;
        this.definitions = definitions;
        this.clock = clock;
    }

    /** A grant of extra time as the admin's list shows it. */
    public record Accommodation(String examId, long userId, String email, String name, int extraMinutes, String reason,
                                String grantedBy, Instant grantedAt) {
    }

    @PreAuthorize("hasRole('TRAINING_ADMIN')")
    @Transactional(readOnly = true)
    public List<Accommodation> list(String examId) {
        return jdbc.sql("SELECT a.exam_id, a.user_id, u.email, u.display_name, a.extra_minutes, a.reason, a.granted_by, a.granted_at "
                        + "FROM exam_accommodation a JOIN app_user u ON u.id = a.user_id WHERE a.exam_id = ? ORDER BY u.email")
                .param(examId)
                .query((rs, n) -> new Accommodation(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getString(6), rs.getString(7), UtcColumns.instant(rs.getObject(8, LocalDateTime.class))))
                .list();
    }

    /** Grants (or changes) a candidate's extra time; the candidate is named by e-mail and must hold the CANDIDATE role. */
    @PreAuthorize("hasRole('TRAINING_ADMIN')")
    @Transactional
    public void grant(String examId, String email, int extraMinutes, String reason) {
        if (definitions.newest(examId).isEmpty()) {
            throw new ExamAdministrationException("exam.admin.error.unknown-exam", examId);
        }
        Long user = jdbc.sql("SELECT u.id FROM app_user u JOIN user_role r ON r.user_id = u.id AND r.role = 'CANDIDATE' "
                        + "WHERE u.email = ?")
                .param(email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT)).query(Long.class).optional()
                .orElseThrow(() -> new ExamAdministrationException("exam.accommodation.error.candidate", email));
        if (extraMinutes < 1 || extraMinutes > 600) {
            throw new ExamAdministrationException("exam.accommodation.error.minutes", 1, 600);
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new ExamAdministrationException("exam.accommodation.error.reason");
        }
        jdbc.sql("INSERT INTO exam_accommodation (exam_id, user_id, extra_minutes, reason, granted_by, granted_at) VALUES (?,?,?,?,?,?) "
                        + "ON DUPLICATE KEY UPDATE extra_minutes = VALUES(extra_minutes), reason = VALUES(reason), "
                        + "granted_by = VALUES(granted_by), granted_at = VALUES(granted_at)")
                .params(examId, user, extraMinutes, reason.strip(), CurrentPrincipal.require().email(), UtcColumns.of(clock.instant()))
                .update();
    }

    /** Withdraws a grant; attempts already started keep the time they were given. */
    @PreAuthorize("hasRole('TRAINING_ADMIN')")
    @Transactional
    public void withdraw(String examId, long userId) {
        jdbc.sql("DELETE FROM exam_accommodation WHERE exam_id = ? AND user_id = ?").params(examId, userId).update();
    }

    int extraMinutes(long userId, String examId) {
        return jdbc.sql("SELECT extra_minutes FROM exam_accommodation WHERE exam_id = ? AND user_id = ?").params(examId, userId)
                .query(Integer.class).optional().orElse(0);
    }
}
