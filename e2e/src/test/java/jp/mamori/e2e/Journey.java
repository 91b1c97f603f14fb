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
import org.junit.jupiter.api.extension.ExtendWith;

/** A journey against the one application the run shares ({@link RunningApp}: embedded MariaDB with the demo data). */
@ExtendWith(RunningApp.class)
abstract class Journey extends BrowserJourney {

    static final String DEMO_PASSWORD = "mamori-demo-2026";
    static final String RULES_TITLE = KnownItems.deck("our-rules").title().ja();

    @Override
    String baseUrl() {
        return RunningApp.baseUrl();
    }

    Page login(String language, String email) {
        return login(language, email, 1280);
    }

    Page login(String language, String email, int width) {
        return login(language, email, DEMO_PASSWORD, width);
    }

    /** From a learner's home: opens the company-rules deck where they left it. */
    static void openRulesDeck(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^(受講を始める|続きから受講|規程を確認する|もう一度見る): " + RULES_TITLE + "$"))).click();
        page.waitForURL(url -> url.contains("/training/our-rules"));
        settle(page);
    }

    /** On the rules deck's last slide: confirm having read the rules, then acknowledge. */
    static void acknowledge(Page page) {
        page.getByText(Pattern.compile("^当社の個人情報取扱いルール\\(第\\d+版\\)を読み")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("確認しました")).click();
        settle(page);
        assertThat(page.getByText(Pattern.compile("規程\\(第\\d+版\\)の確認は済んでいます。")).isVisible()).isTrue();
        assertAccessible(page);
    }

    /** Pages through a deck, by arrow key and by the "next" button in turn, until its last slide is on screen. */
    static void toLastSlide(Page page) {
        Locator next = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("次へ").setExact(true));
        for (int i = 0; i < 40 && next.isEnabled(); i++) {
            if (i % 2 == 0) {
                page.keyboard().press("ArrowRight");
            } else {
                next.click();
            }
            settle(page);
        }
    }

    /** From the deck's last slide: opens the check, answers every question with its key and submits. */
    static void passCheck(Page page, String deckId, List<Item> items) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("確認テストへ")).click();
        page.waitForURL(url -> url.contains("/check/" + deckId));
        settle(page);
        assertAccessible(page);
        Locator groups = page.locator("vaadin-radio-group, vaadin-checkbox-group");
        for (int i = 0; i < groups.count(); i++) {
            Locator group = groups.nth(i);
            String label = (String) group.evaluate("g => g.label");
            Item item = items.stream().filter(candidate -> label.endsWith(candidate.stem().ja())).findFirst()
                    .orElseThrow(() -> new AssertionError("no item of " + deckId + " with the stem shown: " + label));
            AriaRole role = item.type() == ItemType.MULTIPLE ? AriaRole.CHECKBOX : AriaRole.RADIO;
            for (ItemOption option : item.choices()) {
                if (item.key().contains(option.id())) {
                    String shown = item.type() == ItemType.TRUE_FALSE ? option.text().ja() : option.id() + ". " + option.text().ja();
                    group.getByRole(role, new Locator.GetByRoleOptions().setName(shown).setExact(true)).check();
                    settle(page);
                }
            }
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("回答を送信")).click();
        settle(page);
    }

}
