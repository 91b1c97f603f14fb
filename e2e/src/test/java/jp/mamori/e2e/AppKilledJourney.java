package jp.mamori.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fault (2): the application process is killed (SIGKILL) in the middle of an exam and started again. */
class AppKilledJourney extends FaultJourney {

    @Test
    void after_kill_9_and_a_restart_the_candidate_resumes_with_every_saved_answer_and_the_deadline_intact() {
        // Given a candidate who answered three questions of the expert exam, each save acknowledged on the page
        Candidate candidate = registerCandidate();
        Page page = login(candidate);
        openExam(page, EXPERT);
        List<Answer> answers = answerFirst(page, 3);
        ExamRecords.Attempt before = records.onlyAttempt(candidate.email(), EXPERT);
        assertThat(records.answers(before.id())).isEqualTo(stored(answers));

        // When the application is killed with SIGKILL: the open page's next poll finds no server, and says so
        site.node().kill();
        Locator indicator = page.locator("vaadin-connection-indicator[reconnecting][expanded]");
        indicator.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED).setTimeout(30_000));
        // The words stay while the server is away (Vaadin's default shows them for 2 s, then only a thin bar).
        page.waitForTimeout(5000);
        assertThat(indicator.count()).as("the reconnecting notice, still spelled out").isEqualTo(1);
        assertThat(indicator.textContent()).contains("サーバーに接続できません。再接続しています");
        screenshot(page, "exam-app-down-ja");
        // and it is started again on the same database
        site.node().start();

        // Then the candidate logs in again and resumes the same attempt: same deadline, every saved answer
        Page again = login(candidate);
        resumeFromHome(again, EXPERT_NAME);
        ExamRecords.Attempt after = records.onlyAttempt(candidate.email(), EXPERT);
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.state()).isEqualTo("IN_PROGRESS");
        assertThat(after.deadline()).isEqualTo(before.deadline());
        assertCountdownTo(again, after.deadline(), records.now());
        assertShown(again, answers);
        assertThat(records.answers(after.id())).isEqualTo(stored(answers));
    }
}
