package jp.mamori.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fault (4): the deadline passes while the application is down. After the restart the overdue finaliser (every 15 s,
 * the production setting) closes the attempt with the answers saved before the deadline.
 */
class DeadlineWhileDownJourney extends FaultJourney {

    @Test
    void when_the_deadline_passes_while_the_app_is_down_the_finaliser_closes_the_attempt_with_the_saved_answers_after_restart() {
        // Given a candidate booked into a standard-exam window that closes in 40 s, who answered three questions
        Candidate candidate = registerCandidate();
        Page page = login(candidate);
        Instant windowCloses = records.openWindowClosingIn(STANDARD, candidate.email(), Duration.ofSeconds(40));
        openExam(page, STANDARD);
        List<Answer> answers = answerFirst(page, 3);
        ExamRecords.Attempt open = records.onlyAttempt(candidate.email(), STANDARD);
        assertThat(open.deadline()).as("deadline = the window's close").isEqualTo(windowCloses);
        assertThat(records.answers(open.id())).isEqualTo(stored(answers));

        // When the application is killed before the deadline and started again only after it
        site.node().kill();
        assertThat(records.now()).as("killed before the deadline").isBefore(open.deadline());
        await("the deadline passes", Duration.ofSeconds(60), () -> records.now().isAfter(open.deadline()));
        assertThat(records.onlyAttempt(candidate.email(), STANDARD).state()).as("nothing closed it while the app was down")
                .isEqualTo("IN_PROGRESS");
        site.node().start();

        // Then the finaliser closes it, scored on the three answers saved before the deadline (against the keys)
        await("the finaliser closes the attempt", Duration.ofSeconds(60),
                () -> !records.onlyAttempt(candidate.email(), STANDARD).state().equals("IN_PROGRESS"));
        ExamRecords.Attempt closed = records.onlyAttempt(candidate.email(), STANDARD);
        assertThat(closed.state()).isEqualTo("FINALISED");
        assertThat(records.answers(closed.id())).isEqualTo(stored(answers));
        BigDecimal expected = BigDecimal.valueOf(answers.stream().filter(Answer::correct).count() * 100L)
                .divide(BigDecimal.valueOf(records.questions(closed.id())), 2, RoundingMode.HALF_UP);
        assertThat(closed.score()).as("score from the saved answers").isEqualByComparingTo(expected);

        // And the candidate, logging in again, finds the result among their records and no attempt left to resume
        Page again = login(candidate);
        Locator history = again.locator("vaadin-grid-cell-content");
        history.filter(new Locator.FilterOptions().setHasText("exam:" + STANDARD)).first().waitFor();
        assertThat(history.allTextContents()).contains("試験結果", "不合格", expected.toPlainString());
        assertThat(again.getByText("受験を再開する").count()).isZero();
    }
}
