package jp.mamori.exam;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import jp.mamori.shared.security.CurrentPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a candidate's home shows for each exam: an attempt to resume, whether a new one may start, and booking. */
@Service
public class CandidateExams {

    private final ExamDefinitions definitions;
    private final ExamWindows windows;
    private final StartRules rules;
    private final JdbcClient jdbc;
    private final Clock clock;

    CandidateExams(ExamDefinitions definitions, ExamWindows windows, StartRules rules, JdbcClient jdbc, Clock clock) {
        this.definitions = definitions;
        this.windows = windows;
        this.rules = rules;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * One exam from the candidate's side: {@code canStart} with the reason (translation key + parameters) when not,
     * the booked window, the windows still bookable (empty when the exam has none: it can be sat any time).
     */
    public record Sitting(ExamDefinition exam, boolean resumable, boolean canStart, String reasonKey, List<Object> reasonParams,
                          Optional<ExamWindow> booking, List<ExamWindow> bookable, int attemptsUsed) {
    }

    @PreAuthorize("hasRole('CANDIDATE')")
    @Transactional(readOnly = true)
    public List<Sitting> sittings() {
        long user = CurrentPrincipal.require().id();
        return definitions.current().stream().map(exam -> {
            boolean resumable = jdbc.sql("SELECT COUNT(*) FROM exam_attempt WHERE user_id = ? AND exam_id = ? AND state = 'IN_PROGRESS'")
                    .params(user, exam.examId()).query(Long.class).single() > 0;
            int used = jdbc.sql("SELECT COUNT(*) FROM exam_attempt WHERE user_id = ? AND exam_id = ? AND state <> 'IN_PROGRESS'")
                    .params(user, exam.examId()).query(Integer.class).single();
            StartRules.Decision decision = rules.decide(user, exam, clock.instant());
            return new Sitting(exam, resumable, resumable || decision.allowed(), resumable ? null : decision.reasonKey(),
                    decision.params(), windows.currentBooking(user, exam.examId()), windows.bookable(exam.examId()), used);
        }).toList();
    }
}
