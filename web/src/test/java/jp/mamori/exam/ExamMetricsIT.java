package jp.mamori.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import jp.mamori.identity.TestUsers;
import jp.mamori.shared.Role;
import jp.mamori.support.ActuatorClient;
import jp.mamori.support.ClearSecurityContext;
import jp.mamori.support.MutableClock;
import jp.mamori.support.TestClockConfiguration;
import jp.mamori.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The exam metrics as Prometheus scrapes them over HTTP: attempts in progress, answer saves timed by outcome, and the
 * finaliser's lag growing when an attempt is overdue and falling back to 0 once the finaliser has closed it.
 * The finaliser runs only when the test says so; the database is this class's alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mamori.metrics.password=" + ActuatorClient.SCRAPER_PASSWORD, "mamori.exam.finaliser-interval=PT24H"})
@ContextConfiguration(initializers = TestDatabase.class)
@Import(TestClockConfiguration.class)
@TestExecutionListeners(listeners = ClearSecurityContext.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ExamMetricsIT {

    private static final String LABELS = "{application=\"mamori\"}";
    // The names Prometheus gives the gauges: Micrometer's dots become underscores, a time gauge gains _seconds.
    private static final String ACTIVE = "mamori_exam_sessions_active" + LABELS;
    private static final String LAG = "mamori_exam_finaliser_lag_seconds" + LABELS;

    @LocalServerPort
    int port;
    @Autowired
    ExamAttempts attempts;
    @Autowired
    OverdueFinaliser finaliser;
    @Autowired
    MutableClock clock;
    @Autowired
    TestUsers users;

    @AfterEach
    void resetClock() {
        clock.reset();
        TestUsers.logout();
    }

    @Test
    void a_saved_answer_an_active_attempt_and_the_finaliser_lag_show_in_the_scrape() {
        ActuatorClient actuator = new ActuatorClient(port);
        Map<String, Double> before = actuator.scrape();
        users.loginAs("metrics-candidate@example.jp", Role.CANDIDATE);
        AttemptView attempt = attempts.start("competency-standard");
        AttemptView.Question question = attempt.questions().getFirst();

        attempts.save(attempt.attemptId(), question.itemId(), Set.of(question.choices().getFirst().id()), 1);
        assertThatThrownBy(() -> attempts.save(attempt.attemptId(), question.itemId(), Set.of("no-such-option"), 2))
                .isInstanceOf(ExamRefusedException.class);
        Map<String, Double> during = actuator.scrape();

        assertThat(before).containsEntry(ACTIVE, 0.0)
                .doesNotContainKey(saves("saved", "count"));
        assertThat(during).containsEntry(ACTIVE, 1.0)
                .containsEntry(LAG, 0.0)
                .containsEntry(saves("saved", "count"), 1.0)
                .containsEntry(saves("refused", "count"), 1.0)
                .containsKey("mamori_exam_answer_save_seconds_bucket{application=\"mamori\",outcome=\"saved\",le=\"+Inf\"}")
                .containsEntry("mamori_exam_answer_save_queued" + LABELS, 0.0);
        assertThat(during.get(saves("saved", "sum"))).isPositive().isLessThan(10.0);

        clock.advance(Duration.ofMinutes(65));
        Map<String, Double> overdue = actuator.scrape();
        finaliser.run();
        Map<String, Double> finalised = actuator.scrape();

        // The standard exam has 60 minutes and no grace: closed 5 minutes late (plus the seconds this test took).
        assertThat(overdue).containsEntry(ACTIVE, 0.0);
        assertThat(overdue.get(LAG)).isBetween(295.0, 400.0);
        assertThat(finalised).containsEntry(LAG, 0.0)
                .containsEntry(ACTIVE, 0.0);
    }

    private static String saves(String outcome, String sample) {
        return "mamori_exam_answer_save_seconds_" + sample + "{application=\"mamori\",outcome=\"" + outcome + "\"}";
    }
}
