package jp.mamori.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import jp.mamori.identity.TestUsers;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import jp.mamori.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Exam administration against the real database: published versions, attempts allowed and the wait between them,
 * windows and bookings feeding the deadline, accommodations, flags and the review after the exam. Each test
 * publishes an exam of its own, so the two shipped exams stay as they are.
 */
@MamoriIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ExamAdministrationIT {

    @Autowired
    ExamDefinitions definitions;
    @Autowired
    ExamWindows windows;
    @Autowired
    Accommodations accommodations;
    @Autowired
    ExamAttempts attempts;
    @Autowired
    CandidateExams candidateExams;
    @Autowired
    ItemBanks banks;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    TestUsers users;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void publishing_makes_the_next_version_and_running_attempts_keep_theirs() {
        publish("adm-versions", 60, 0, 0, false);
        users.loginAs("adm-versions@example.jp", Role.CANDIDATE);
        AttemptView before = attempts.start("adm-versions");

        ExamDefinition second = publish("adm-versions", 45, 0, 0, false);
        users.loginAs("adm-versions@example.jp", Role.CANDIDATE);

        assertThat(second.version()).isEqualTo(2);
        assertThat(versionOf(before.attemptId())).isEqualTo(1);
        assertThat(Duration.between(clock.instant(), attempts.start("adm-versions").deadline())).isBetween(minutes(59), minutes(60));
        users.loginAs("adm-admin@example.jp", Role.TRAINING_ADMIN);
        assertThat(definitions.versions("adm-versions")).extracting(ExamDefinition::version).containsExactly(2, 1);
        assertThat(definitions.versions("adm-versions").getFirst().publishedBy()).isEqualTo("adm-admin@example.jp");
    }

    @Test
    void settings_out_of_range_are_refused_with_their_own_message_and_nothing_is_published() {
        users.loginAs("adm-admin@example.jp", Role.TRAINING_ADMIN);

        assertRefused(draft("adm-bad", 0, 0, 0, false), "exam.admin.error.time-limit");
        assertRefused(new ExamDefinition.Draft("adm-bad", " ", "Bad", "standard", 60, 70, OverduePolicy.AUTO_SUBMIT, 0, false, 0, 0),
                "exam.admin.error.name");
        assertRefused(new ExamDefinition.Draft("adm-bad", "悪い", "Bad", "standard", 60, 101, OverduePolicy.AUTO_SUBMIT, 0, false, 0, 0),
                "exam.admin.error.pass-mark");
        assertRefused(new ExamDefinition.Draft("adm-bad", "悪い", "Bad", "standard", 60, 70, OverduePolicy.GRACE, 0, false, 0, 0),
                "exam.admin.error.grace");
        assertRefused(new ExamDefinition.Draft("Adm Bad!", "悪い", "Bad", "standard", 60, 70, OverduePolicy.AUTO_SUBMIT, 0, false, 0, 0),
                "exam.admin.error.id");
        assertRefused(draft("adm-bad", 60, 100, 0, false), "exam.admin.error.attempts");

        assertThat(definitions.versions("adm-bad")).isEmpty();
    }

    @Test
    void a_candidate_has_only_the_attempts_allowed() {
        publish("adm-attempts", 60, 1, 0, false);
        users.loginAs("adm-attempts@example.jp", Role.CANDIDATE);
        attempts.submit(attempts.start("adm-attempts").attemptId());

        assertThatThrownBy(() -> attempts.start("adm-attempts")).isInstanceOf(StartRefusedException.class)
                .hasMessage("exam.refused.attempts-used");
        assertThat(sitting("adm-attempts").canStart()).isFalse();
        assertThat(sitting("adm-attempts").attemptsUsed()).isEqualTo(1);
    }

    @Test
    void the_next_attempt_waits_the_set_time_after_the_last_one() {
        publish("adm-wait", 60, 0, 24, false);
        users.loginAs("adm-wait@example.jp", Role.CANDIDATE);
        attempts.submit(attempts.start("adm-wait").attemptId());
        Instant finished = clock.instant();

        assertThatThrownBy(() -> attempts.start("adm-wait")).isInstanceOf(StartRefusedException.class)
                .hasMessage("exam.refused.wait")
                .satisfies(e -> assertThat(Duration.between(finished, (Instant) ((StartRefusedException) e).params()[0]))
                        .isBetween(Duration.ofHours(24).minusSeconds(1), Duration.ofHours(24)));
        clock.advance(Duration.ofHours(24));

        assertThat(attempts.start("adm-wait").state()).isEqualTo(AttemptState.IN_PROGRESS);
    }

    @Test
    void with_windows_only_a_booked_open_window_starts_and_its_close_bounds_the_deadline() {
        publish("adm-window", 60, 0, 0, false);
        users.loginAs("adm-admin@example.jp", Role.TRAINING_ADMIN);
        Instant opens = clock.instant().plus(Duration.ofHours(1));
        ExamWindow window = windows.open("adm-window", opens, opens.plus(Duration.ofMinutes(30)), 1);

        users.loginAs("adm-window-a@example.jp", Role.CANDIDATE);
        assertThatThrownBy(() -> attempts.start("adm-window")).hasMessage("exam.refused.not-booked");
        windows.book(window.id());
        assertThatThrownBy(() -> attempts.start("adm-window")).hasMessage("exam.refused.window-not-open");
        users.loginAs("adm-window-b@example.jp", Role.CANDIDATE);
        assertThatThrownBy(() -> windows.book(window.id())).hasMessage("exam.book.error.full");

        clock.advance(Duration.ofHours(1));
        users.loginAs("adm-window-a@example.jp", Role.CANDIDATE);
        AttemptView attempt = attempts.start("adm-window");

        assertThat(attempt.deadline()).as("the window closes before the time limit ends").isEqualTo(opens.plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MICROS));
        assertThatThrownBy(() -> windows.cancelBooking(window.id())).hasMessage("exam.book.error.started");
    }

    @Test
    void a_booking_can_be_given_back_before_the_window_opens_and_one_exam_takes_one_booking() {
        publish("adm-booking", 60, 0, 0, false);
        users.loginAs("adm-admin@example.jp", Role.TRAINING_ADMIN);
        Instant opens = clock.instant().plus(Duration.ofDays(1));
        ExamWindow first = windows.open("adm-booking", opens, opens.plus(Duration.ofHours(2)), 10);
        ExamWindow second = windows.open("adm-booking", opens.plus(Duration.ofDays(1)), opens.plus(Duration.ofDays(1).plusHours(2)), 10);
        users.loginAs("adm-booking@example.jp", Role.CANDIDATE);

        windows.book(first.id());
        assertThatThrownBy(() -> windows.book(second.id())).hasMessage("exam.book.error.already");
        windows.cancelBooking(first.id());
        windows.book(second.id());

        assertThat(windows.booking("adm-booking")).hasValueSatisfying(w -> assertThat(w.id()).isEqualTo(second.id()));
        assertThat(windows.bookable("adm-booking")).extracting(ExamWindow::booked).containsExactly(0, 1);
    }

    @Test
    void a_cancelled_window_takes_no_new_bookings() {
        publish("adm-cancel", 60, 0, 0, false);
        users.loginAs("adm-admin@example.jp", Role.TRAINING_ADMIN);
        ExamWindow window = windows.open("adm-cancel", clock.instant(), clock.instant().plus(Duration.ofHours(2)), 10);
        windows.cancel(window.id());
        users.loginAs("adm-cancel@example.jp", Role.CANDIDATE);

        assertThatThrownBy(() -> windows.book(window.id())).hasMessage("exam.book.error.gone");
        assertThat(windows.bookable("adm-cancel")).isEmpty();
    }

    @Test
    void windows_that_end_before_they_start_or_are_over_are_refused() {
        publish("adm-window-bad", 60, 0, 0, false);
        users.loginAs("adm-admin@example.jp", Role.TRAINING_ADMIN);
        Instant now = clock.instant();

        assertThatThrownBy(() -> windows.open("adm-window-bad", now.plusSeconds(60), now, 5)).hasMessage("exam.window.error.order");
        assertThatThrownBy(() -> windows.open("adm-window-bad", now.minusSeconds(600), now.minusSeconds(60), 5)).hasMessage("exam.window.error.past");
        assertThatThrownBy(() -> windows.open("adm-window-bad", now, now.plusSeconds(600), 0)).hasMessage("exam.window.error.capacity");
        assertThatThrownBy(() -> windows.open("no-such-exam", now, now.plusSeconds(600), 5)).hasMessage("exam.admin.error.unknown-exam");
        assertThat(windows.windows("adm-window-bad")).isEmpty();
    }

    @Test
    void an_accommodation_adds_its_minutes_to_the_deadline() {
        publish("adm-extra", 60, 0, 0, false);
        users.create("adm-extra@example.jp", Role.CANDIDATE);
        users.create("adm-not-candidate@example.jp", Role.LEARNER);
        users.loginAs("adm-admin@example.jp", Role.TRAINING_ADMIN);

        assertThatThrownBy(() -> accommodations.grant("adm-extra", "adm-not-candidate@example.jp", 15, "reason"))
                .hasMessage("exam.accommodation.error.candidate");
        assertThatThrownBy(() -> accommodations.grant("adm-extra", "adm-extra@example.jp", 0, "reason"))
                .hasMessage("exam.accommodation.error.minutes");
        assertThatThrownBy(() -> accommodations.grant("adm-extra", "adm-extra@example.jp", 15, " "))
                .hasMessage("exam.accommodation.error.reason");
        accommodations.grant("adm-extra", "ADM-extra@example.jp", 15, "診断書による延長");
        assertThat(accommodations.list("adm-extra")).singleElement()
                .satisfies(a -> assertThat(a.extraMinutes()).isEqualTo(15));

        users.loginAs("adm-extra@example.jp", Role.CANDIDATE);
        AttemptView attempt = attempts.start("adm-extra");

        assertThat(Duration.between(clock.instant(), attempt.deadline())).isBetween(minutes(74), minutes(75));
    }

    @Test
    void flags_are_kept_with_the_attempt() {
        publish("adm-flags", 60, 0, 0, false);
        users.loginAs("adm-flags@example.jp", Role.CANDIDATE);
        AttemptView attempt = attempts.start("adm-flags");
        String first = attempt.questions().get(0).itemId();
        String second = attempt.questions().get(1).itemId();

        attempts.flag(attempt.attemptId(), first, true);
        attempts.flag(attempt.attemptId(), second, true);
        attempts.flag(attempt.attemptId(), second, false);

        assertThat(attempts.view(attempt.attemptId()).flagged()).containsExactly(first);
        assertThatThrownBy(() -> attempts.flag(attempt.attemptId(), "not-in-attempt", true)).isInstanceOf(ExamRefusedException.class);
    }

    @Test
    void keys_and_rationale_are_shown_after_the_exam_only_when_the_definition_allows() {
        publish("adm-hidden", 60, 0, 0, false);
        publish("adm-review", 60, 0, 0, true);
        users.loginAs("adm-review@example.jp", Role.CANDIDATE);
        AttemptView hidden = attempts.start("adm-hidden");
        attempts.submit(hidden.attemptId());
        AttemptView shown = attempts.start("adm-review");
        AttemptView.Question first = shown.questions().getFirst();
        var key = banks.bank("competency").stream().filter(i -> i.id().equals(first.itemId())).findFirst().orElseThrow().key();
        attempts.save(shown.attemptId(), first.itemId(), key, 1);

        assertThatThrownBy(() -> attempts.review(shown.attemptId())).isInstanceOf(ExamRefusedException.class);
        attempts.submit(shown.attemptId());

        assertThat(attempts.review(hidden.attemptId())).isEmpty();
        AttemptReview review = attempts.review(shown.attemptId()).orElseThrow();
        assertThat(review.questions()).hasSize(60);
        assertThat(review.questions().getFirst().correct()).isTrue();
        assertThat(review.questions().getFirst().choices()).filteredOn(AttemptReview.Choice::key)
                .allSatisfy(c -> assertThat(c.chosen()).isTrue());
        assertThat(review.questions().get(1).correct()).isFalse();
    }

    @Test
    void only_training_admins_administer_exams_and_only_candidates_book() {
        users.loginAs("adm-learner@example.jp", Role.LEARNER, Role.PRIVACY_OFFICER, Role.AUDITOR, Role.SYSTEM_ADMIN);
        assertThatThrownBy(() -> definitions.publish(draft("adm-refused", 60, 0, 0, false))).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> windows.open("competency-standard", clock.instant(), clock.instant().plusSeconds(60), 1))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> accommodations.grant("competency-standard", "x@example.jp", 5, "r"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> windows.book(1)).isInstanceOf(AuthorizationDeniedException.class);

        users.loginAs("adm-candidate-only@example.jp", Role.CANDIDATE);
        assertThatThrownBy(() -> definitions.publish(draft("adm-refused", 60, 0, 0, false))).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> accommodations.list("competency-standard")).isInstanceOf(AuthorizationDeniedException.class);
    }

    private ExamDefinition publish(String examId, int minutes, int attemptsAllowed, int waitHours, boolean showRationale) {
        users.loginAs("adm-admin@example.jp", Role.TRAINING_ADMIN);
        return definitions.publish(draft(examId, minutes, attemptsAllowed, waitHours, showRationale));
    }

    private static ExamDefinition.Draft draft(String examId, int minutes, int attemptsAllowed, int waitHours, boolean showRationale) {
        return new ExamDefinition.Draft(examId, "管理テスト", "Administration test", "standard", minutes, 70, OverduePolicy.AUTO_SUBMIT, 0,
                showRationale, attemptsAllowed, waitHours);
    }

    private void assertRefused(ExamDefinition.Draft draft, String key) {
        assertThatThrownBy(() -> definitions.publish(draft)).isInstanceOf(ExamAdministrationException.class).hasMessage(key);
    }

    private static Duration minutes(int minutes) {
        return Duration.ofMinutes(minutes);
    }

    private int versionOf(long attemptId) {
        return jdbc.sql("SELECT exam_version FROM exam_attempt WHERE id = ?").param(attemptId).query(Integer.class).single();
    }

    private CandidateExams.Sitting sitting(String examId) {
        return candidateExams.sittings().stream().filter(s -> s.exam().examId().equals(examId)).findFirst().orElseThrow();
    }
}
