package jp.mamori.assignment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A revision of a fiscal year's education plan and where it stands in approval. */
public record EducationPlan(long id, int fiscalYear, int revision, String title, Status status, String createdBy,
                            Instant createdAt, Optional<Instant> submittedAt, Optional<String> decidedBy,
                            Optional<Instant> decidedAt, Optional<String> comment, Optional<Long> evidenceSeq,
                            List<PlanLine> lines) {

    public enum Status {
        DRAFT, SUBMITTED, APPROVED, RETURNED, SUPERSEDED;

        public String labelKey() {
            return "plan.status." + name();
        }

        boolean editable() {
            return this == DRAFT || this == RETURNED;
        }
    }

    public EducationPlan {
        lines = List.copyOf(lines);
    }
}
