package jp.mamori.exam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import jp.mamori.shared.db.DemoMode;
import jp.mamori.shared.db.UtcColumns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: the standard exam gets a booking window for the coming year with the demo candidate booked into it,
 * so both ways of sitting an exam can be tried (the expert exam has no windows: it can be sat any time).
 */
@Component
@Order(12)
class DemoExamWindows implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoExamWindows.class);

    private final DemoMode demo;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoExamWindows(DemoMode demo, JdbcClient jdbc, Clock clock) {
        this.demo = demo;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.active() || jdbc.sql("SELECT COUNT(*) FROM exam_window").query(Long.class).single() > 0) {
            return;
        }
        Instant opens = clock.instant().truncatedTo(ChronoUnit.DAYS);
        jdbc.sql("INSERT INTO exam_window (exam_id, opens_at, closes_at, capacity, created_by, created_at) VALUES (?,?,?,?,?,?)")
                .params("competency-standard", UtcColumns.of(opens), UtcColumns.of(opens.plus(Duration.ofDays(365))), 100, "demo",
                        UtcColumns.of(clock.instant()))
                .update();
        jdbc.sql("INSERT INTO exam_booking (window_id, user_id, booked_at) SELECT LAST_INSERT_ID(), id, ? FROM app_user WHERE email = ?")
                .params(UtcColumns.of(clock.instant()), "candidate@demo.mamori.jp").update();
        log.info("Demo mode: opened a year-long window for the standard exam and booked the demo candidate into it");
    }
}
