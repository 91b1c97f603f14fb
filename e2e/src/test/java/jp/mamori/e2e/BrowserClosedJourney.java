package jp.mamori.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fault (1): the candidate's browser closes in the middle of the exam; they log in again and carry on. */
class BrowserClosedJourney extends FaultJourney {

    @Test
    void after_the_browser_closes_mid_exam_the_candidate_resumes_the_same_attempt_with_every_answer_and_the_same_deadline() {
        // Given a candidate who answered three questions of the expert exam
        Candidate candidate = registerCandidate();
        Page first = login(candidate);
        openExam(first, EXPERT);
        List<Answer> answers = answerFirst(first, 3);
        ExamRecords.Attempt before = records.onlyAttempt(candidate.email(), EXPERT);
        assertThat(records.answers(before.id())).isEqualTo(stored(answers));

        // When the browser closes without a word to the server, and the candidate logs in on a new one
        first.context().close();
        Page second = login(candidate);
        resumeFromHome(second, EXPERT_NAME);

        // Then it is the same attempt, with the same deadline and every answer, on the page and in the database
        ExamRecords.Attempt after = records.onlyAttempt(candidate.email(), EXPERT);
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.state()).isEqualTo("IN_PROGRESS");
        assertThat(after.deadline()).isEqualTo(before.deadline());
        assertCountdownTo(second, after.deadline(), records.now());
        assertShown(second, answers);
        assertThat(records.answers(after.id())).isEqualTo(stored(answers));
    }
}
