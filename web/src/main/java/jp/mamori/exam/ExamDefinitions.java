package jp.mamori.exam;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditLog;
import jp.mamori.questionbank.Blueprint;
import jp.mamori.questionbank.FormAssembler;
import jp.mamori.questionbank.LocalizedText;
import jp.mamori.shared.db.UtcColumns;
import jp.mamori.shared.security.CurrentPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exam definitions as published, immutable versions: an admin edits the settings of the newest version and publishes
 * them as the next one; attempts keep pointing at the version they started on.
 */
@Service
public class ExamDefinitions {

    static final String BANK = "competency";
    private static final Pattern EXAM_ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,59}");
    private static final String COLUMNS = "exam_id, version, name_ja, name_en, bank, blueprint, time_limit_minutes, pass_mark, "
            + "overdue_policy, grace_minutes, show_rationale, attempts_allowed, wait_minutes, published_at, published_by";

    private final JdbcClient jdbc;
    private final ItemBanks banks;
    private final AuditLog auditLog;
    private final Clock clock;

    ExamDefinitions(JdbcClient jdbc, ItemBanks banks, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.banks = banks;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The newest version of every exam (the office and the auditor read it in education plans). */
    @PreAuthorize("hasAnyRole('CANDIDATE', 'TRAINING_ADMIN', 'PRIVACY_OFFICER', 'AUDITOR')")
    @Transactional(readOnly = true)
    public List<ExamDefinition> current() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exam_definition d WHERE version = "
                        + "(SELECT MAX(version) FROM exam_definition WHERE exam_id = d.exam_id) ORDER BY exam_id DESC")
                .query((rs, n) -> read(rs)).list();
    }

    /** The names of the exams (not secret: plans, assignments and reminders name them to anyone signed in). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<String, LocalizedText> names() {
        Map<String, LocalizedText> names = new LinkedHashMap<>();
        jdbc.sql("SELECT exam_id, name_ja, name_en FROM exam_definition d WHERE version = "
                        + "(SELECT MAX(version) FROM exam_definition WHERE exam_id = d.exam_id) ORDER BY exam_id")
                .query(rs -> {
                    names.put(rs.getString(1), new LocalizedText(rs.getString(2), rs.getString(3)));
                });
        return names;
    }

    /** Every published version of one exam, newest first. */
    @PreAuthorize("hasRole('TRAINING_ADMIN')")
    @Transactional(readOnly = true)
    public List<ExamDefinition> versions(String examId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exam_definition WHERE exam_id = ? ORDER BY version DESC")
                .param(examId).query((rs, n) -> read(rs)).list();
    }

    /**
     * Publishes the draft as the exam's next version (version 1 for a new exam id). Refused, with a translation key,
     * when a setting is out of range or the bank cannot fill the blueprint.
     */
    @PreAuthorize("hasRole('TRAINING_ADMIN')")
    @Transactional
    public ExamDefinition publish(ExamDefinition.Draft draft) {
        validate(draft);
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM exam_definition WHERE exam_id = ? FOR UPDATE")
                .param(draft.examId()).query(Integer.class).single() + 1;
        String admin = CurrentPrincipal.require().email();
        jdbc.sql("INSERT INTO exam_definition (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(draft.examId(), version, draft.nameJa().strip(), draft.nameEn().strip(), BANK, draft.blueprint(),
                        draft.timeLimitMinutes(), draft.passMark(), draft.overduePolicy().name(),
                        draft.overduePolicy() == OverduePolicy.GRACE ? draft.graceMinutes() : 0, draft.showRationale(),
                        draft.attemptsAllowed(), draft.waitHours() * 60, UtcColumns.of(clock.instant()), admin)
                .update();
        auditLog.record(AuditAction.CONTENT_PUBLISHED, admin, "exam:" + draft.examId(), "version " + version);
        return version(draft.examId(), version);
    }

    private void validate(ExamDefinition.Draft draft) {
        if (draft.examId() == null || !EXAM_ID.matcher(draft.examId()).matches()) {
            throw new ExamAdministrationException("exam.admin.error.id");
        }
        if (blank(draft.nameJa()) || blank(draft.nameEn()) || draft.nameJa().length() > 200 || draft.nameEn().length() > 200) {
            throw new ExamAdministrationException("exam.admin.error.name");
        }
        if (!List.of("standard", "expert").contains(draft.blueprint())) {
            throw new ExamAdministrationException("exam.admin.error.blueprint");
        }
        check(draft.timeLimitMinutes(), 1, 600, "exam.admin.error.time-limit");
        check(draft.passMark(), 1, 100, "exam.admin.error.pass-mark");
        check(draft.attemptsAllowed(), 0, 99, "exam.admin.error.attempts");
        check(draft.waitHours(), 0, 8760, "exam.admin.error.wait");
        if (draft.overduePolicy() == null) {
            throw new ExamAdministrationException("exam.admin.error.policy");
        }
        if (draft.overduePolicy() == OverduePolicy.GRACE) {
            check(draft.graceMinutes(), 1, 1440, "exam.admin.error.grace");
        }
        Blueprint blueprint = draft.blueprint().equals("expert") ? Blueprint.expert() : Blueprint.standard();
        try {
            FormAssembler.assemble(banks.bank(BANK), blueprint, new Random(0));
        } catch (FormAssembler.BlueprintException e) {
            throw new ExamAdministrationException("exam.admin.error.bank-short", e.getMessage());
        }
    }

    private static void check(int value, int min, int max, String key) {
        if (value < min || value > max) {
            throw new ExamAdministrationException(key, min, max);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    Optional<ExamDefinition> newest(String examId) {
        return jdbc.sql("SELECT MAX(version) FROM exam_definition WHERE exam_id = ?").param(examId).query(Integer.class)
                .optional().map(version -> version(examId, version));
    }

    ExamDefinition version(String examId, int version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exam_definition WHERE exam_id = ? AND version = ?")
                .params(examId, version).query((rs, n) -> read(rs)).single();
    }

    private static ExamDefinition read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ExamDefinition(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), Duration.ofMinutes(rs.getInt(7)), rs.getInt(8), OverduePolicy.valueOf(rs.getString(9)),
                Duration.ofMinutes(rs.getInt(10)), rs.getBoolean(11), rs.getInt(12), Duration.ofMinutes(rs.getInt(13)),
                UtcColumns.instant(rs.getObject(14, LocalDateTime.class)), rs.getString(15));
    }
}
