package jp.mamori.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Pattern;
import jp.mamori.questionbank.Item;
import org.junit.jupiter.api.Test;

/**
 * An employee takes a training deck on a phone: opens it from My training, pages through every slide with the
 * arrow keys and the "next" button, passes the check and finds the deck done, with its record.
 */
class LearnerTrainingJourney extends Journey {

    private static final String DECK = "pms-and-you";
    private final List<Item> items = KnownItems.deck(DECK).items();

    @Test
    void a_learner_on_a_phone_reads_a_deck_passes_its_check_and_sees_it_done() {
        Page page = login("ja", "learner2@demo.mamori.jp", 390);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^(受講を始める|続きから受講|もう一度見る): .*PMS.*"))).click();
        page.waitForURL(url -> url.contains("/training/" + DECK));
        settle(page);
        assertAccessible(page);
        screenshot(page, "deck-ja-phone");

        toLastSlide(page);
        passCheck(page, DECK, items);
        assertThat(page.getByText("合格です。この教材の受講が完了し、記録されました。").isVisible()).isTrue();
        assertAccessible(page);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("マイ教育に戻る")).click();
        page.waitForURL(url -> url.endsWith("/learner"));
        settle(page);
        Locator done = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^もう一度見る: .*PMS.*")));
        assertThat(done.isVisible()).isTrue();
        assertAccessible(page);
        done.scrollIntoViewIfNeeded();
        screenshot(page, "my-training-ja-phone");
    }
}
