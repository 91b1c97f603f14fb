package jp.mamori.exam;

import java.math.BigDecimal;
import java.util.Map;

/** The outcome of a closed attempt: overall score, pass or fail, and right answers out of asked per domain. */
public record ExamResult(long attemptId, AttemptState state, BigDecimal score, boolean passed, int passMark,
                         Map<String, DomainScore> domains) {

    public ExamResult {
        domains = Map.copyOf(domains);
    }

    public record DomainScore(int correct, int total) {
    }
}
