package jp.mamori.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What an education report says, gathered once and then drawn as a PDF. */
record ReportContent(int fiscalYear, String planTitle, int planRevision, Optional<String> planApprovedBy, Instant generatedAt,
                     String generatedBy, long chainSeq, String chainHash, List<Line> lines,
                     List<EducationFigures.Completion> departments) {

    /** One plan line as carried out: what was taught (title and versions), to whom, how far, and who has not finished. */
    record Line(String title, String versions, String audience, LocalDate periodStart, LocalDate periodEnd, LocalDate due,
                long assigned, long completed, Optional<BigDecimal> averageScore, List<Unfinished> unfinished) {

        BigDecimal rate() {
            return assigned == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(completed * 100)
                    .divide(BigDecimal.valueOf(assigned), 1, java.math.RoundingMode.HALF_UP);
        }
    }

    /** A person who has not finished, and the follow-up so far. */
    record Unfinished(String name, String department, LocalDate due, long reminders, boolean escalated) {
    }
}
