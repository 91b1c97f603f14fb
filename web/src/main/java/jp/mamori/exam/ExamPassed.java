package jp.mamori.exam;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Published inside the transaction that scores a passing attempt, so a listener's work (a certificate) is stored
 * together with the result or not at all.
 */
public record ExamPassed(long attemptId, long userId, String examId, int examVersion, String examNameJa, String examNameEn,
                         BigDecimal score, Instant passedAt) {
}
