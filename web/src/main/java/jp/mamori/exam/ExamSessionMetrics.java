package jp.mamori.exam;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.concurrent.TimeUnit;
import jp.mamori.shared.db.UtcColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gauges of the exam sessions read from the database at each scrape, so every node reports the same, whole-cluster
 * figure (in Prometheus take {@code max} over the nodes, not {@code sum}): attempts in progress, and how far the
 * overdue finaliser is behind, the age of the oldest attempt still open after it should have been closed.
 * Both are one indexed query ({@code ix_exam_attempt_open}); without a database they read NaN.
 */
@Component
class ExamSessionMetrics implements MeterBinder {

    static final String ACTIVE = "mamori.exam.sessions.active";
    static final String FINALISER_LAG = "mamori.exam.finaliser.lag";

    /** When the finaliser closes an attempt: its deadline, plus the grace when the exam gives one. */
    private static final String CLOSES_AT =
            "CASE WHEN d.overdue_policy = 'GRACE' THEN a.deadline + INTERVAL d.grace_minutes MINUTE ELSE a.deadline END";

    private final JdbcClient jdbc;
    private final Clock clock;

    ExamSessionMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(ACTIVE, this, ExamSessionMetrics::activeAttempts).strongReference(true)
                .description("Exam attempts in progress with time left, on all nodes")
                .register(registry);
        TimeGauge.builder(FINALISER_LAG, this, TimeUnit.SECONDS, ExamSessionMetrics::finaliserLagSeconds).strongReference(true)
                .description("Age of the oldest attempt still open after its deadline (and grace); 0 when the finaliser is up to date")
                .register(registry);
    }

    long activeAttempts() {
        return jdbc.sql("SELECT COUNT(*) FROM exam_attempt WHERE state = 'IN_PROGRESS' AND deadline > ?")
                .param(UtcColumns.of(clock.instant())).query(Long.class).single();
    }

    /** Seconds since the oldest open attempt should have been closed. */
    double finaliserLagSeconds() {
        Instant now = clock.instant();
        LocalDateTime oldest = jdbc.sql("SELECT MIN(" + CLOSES_AT + ") FROM exam_attempt a "
                        + "JOIN exam_definition d ON d.exam_id = a.exam_id AND d.version = a.exam_version "
                        + "WHERE a.state = 'IN_PROGRESS' AND a.deadline < ? AND " + CLOSES_AT + " < ?")
                .params(UtcColumns.of(now), UtcColumns.of(now))
                .query((rs, n) -> rs.getObject(1, LocalDateTime.class)).list().getFirst();
        return oldest == null ? 0 : Duration.between(UtcColumns.instant(oldest), now).toMillis() / 1000.0;
    }
}
