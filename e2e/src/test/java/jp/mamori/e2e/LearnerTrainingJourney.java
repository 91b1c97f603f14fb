package jp.mamori.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Pattern;
import jp.mamori.questionbank.Item;
import jp.mamori.questionbank.ItemOption;
import jp.mamori.questionbank.ItemType;
import org.junit.jupiter.api.Test;

/**
 * An employee takes a training deck on a phone: opens it from My training, pages through every slide with the
 * arrow keys and the "next" button, passes the check and finds the deck done, with its record.
 */
class LearnerTrainingJourney extends Journey {

    private static final String DECK = "pms-and-you";
    private final List<Item> items = KnownItems.deck(DECK);

    @Test
    void a_learner_on_a_phone_reads_a_deck_passes_its_check_and_sees_it_done() {
        Page page = login("ja", "learner2@demo.mamori.jp", 390);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^(受講を始める|続きから受講|もう一度見る): .*PMS.*"))).click();
        page.waitForURL(url -> url.contains("/training/" + DECK));
        settle(page);
        assertAccessible(page);
        screenshot(page, "deck-ja-phone");

        Locator toCheck = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("確認テストへ"));
        for (int i = 0; i < 40 && !toCheck.isVisible(); i++) {
            if (i % 2 == 0) {
                page.keyboard().press("ArrowRight");
            } else {
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("次へ").setExact(true)).click();
            }
            settle(page);
        }
        toCheck.click();
        page.waitForURL(url -> url.contains("/check/" + DECK));
        settle(page);
        assertAccessible(page);

        Locator groups = page.locator("vaadin-radio-group, vaadin-checkbox-group");
        for (int i = 0; i < groups.count(); i++) {
            Locator group = groups.nth(i);
            answer(page, group, item((String) group.evaluate("g => g.label")));
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("回答を送信")).click();
        settle(page);
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

    /** The deck item whose stem ends the question's label ("問n. stem"). */
    private Item item(String label) {
        return items.stream().filter(item -> label.endsWith(item.stem().ja())).findFirst()
                .orElseThrow(() -> new AssertionError("no item of " + DECK + " with the stem shown: " + label));
    }

    private static void answer(Page page, Locator group, Item item) {
        AriaRole role = item.type() == ItemType.MULTIPLE ? AriaRole.CHECKBOX : AriaRole.RADIO;
        for (ItemOption option : item.choices()) {
            if (item.key().contains(option.id())) {
                String shown = item.type() == ItemType.TRUE_FALSE ? option.text().ja() : option.id() + ". " + option.text().ja();
                group.getByRole(role, new Locator.GetByRoleOptions().setName(shown).setExact(true)).check();
                settle(page);
            }
        }
    }
}
