package jp.mamori.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fault (3): every database connection drops for 10 s in the middle of an exam (the proxy between the application and
 * MariaDB closes them all and refuses new ones). The candidate sees that answers wait to be saved, and nothing is lost
 * once the database is back.
 */
class DatabaseOutageJourney extends FaultJourney {

    private static final String RECONNECTING = "解答を保存できません。再接続しています";

    @Test
    void while_the_database_is_unreachable_for_10_s_the_page_says_it_is_reconnecting_and_no_answer_is_lost_once_it_is_back() {
        // Given a candidate who answered two questions of the expert exam
        Candidate candidate = registerCandidate();
        Page page = login(candidate);
        openExam(page, EXPERT);
        List<Answer> before = answerFirst(page, 2);
        long attempt = records.onlyAttempt(candidate.email(), EXPERT).id();

        // When every connection to the database drops and the candidate answers two more questions meanwhile
        Instant cut = Instant.now();
        site.databaseLine().cut();
        List<Answer> during = new java.util.ArrayList<>();
        try {
            for (int position = 2; position < 4; position++) {
                goTo(page, position);
                during.add(choose(page, position));
                // Each save now waits up to 5 s for a connection, fails, and the page keeps the answer to send again.
                page.locator(".mamori-reconnecting").filter(new Locator.FilterOptions().setHasText("未保存の解答 " + during.size() + " 件"))
                        .waitFor(new Locator.WaitForOptions().setTimeout(30_000));
            }
            assertThat(page.locator(".mamori-reconnecting").textContent()).startsWith(RECONNECTING);
            assertAccessible(page);
            screenshot(page, "exam-reconnecting-ja");
            assertThat(records.answers(attempt)).as("only the answers from before the cut are stored")
                    .isEqualTo(stored(before));
            await("10 s of outage", Duration.ofSeconds(15), () -> Duration.between(cut, Instant.now()).toSeconds() >= 10);
        } finally {
            site.databaseLine().restore();
        }

        // Then the page sends them again by itself: the notice goes, and every answer is stored and still shown
        page.locator(".mamori-reconnecting").waitFor(new Locator.WaitForOptions()
                .setState(WaitForSelectorState.DETACHED).setTimeout(60_000));
        settle(page);
        assertThat(page.getByText("解答を保存しました。").isVisible()).isTrue();
        List<Answer> all = new java.util.ArrayList<>(before);
        all.addAll(during);
        assertThat(records.answers(attempt)).isEqualTo(stored(all));
        assertShown(page, all);
    }
}
