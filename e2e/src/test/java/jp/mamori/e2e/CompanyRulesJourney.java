package jp.mamori.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import jp.mamori.content.Deck;
import org.junit.jupiter.api.Test;

/**
 * The company's own rules: a learner completes the rules deck and acknowledges the published rules; the training
 * administrator (working in English) changes a rule and publishes a new version that everyone must acknowledge again;
 * the learner is asked again, acknowledges the new version and the deck is done once more.
 */
class CompanyRulesJourney extends Journey {

    private static final String DECK = "our-rules";
    private final Deck deck = KnownItems.deck(DECK);

    @Test
    void a_learner_acknowledges_the_rules_again_after_the_admin_publishes_a_new_version() {
        Page learner = login("ja", "learner@demo.mamori.jp");
        openRulesDeck(learner);
        toLastSlide(learner);
        acknowledge(learner);
        passCheck(learner, DECK, deck.items());
        assertThat(learner.getByText("合格です。この教材の受講が完了し、記録されました。").isVisible()).isTrue();

        Page admin = login("en", "admin@demo.mamori.jp");
        admin.navigate(RunningApp.baseUrl() + "/admin/rules");
        settle(admin);
        assertAccessible(admin);
        Locator firstField = admin.locator("vaadin-text-field input").first();
        firstField.fill(firstField.inputValue() + " (revised)");
        admin.getByText("Ask learners who already acknowledged to acknowledge again").click();
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish as a new version")).click();
        admin.locator("vaadin-button[slot=confirm-button]").click();
        settle(admin);
        assertThat(admin.getByText(Pattern.compile("Version \\d+ is published\\.")).isVisible()).isTrue();
        screenshot(admin, "company-rules-en");

        learner.navigate(RunningApp.baseUrl() + "/learner");
        settle(learner);
        assertThat(learner.getByText("規程の再確認が必要").isVisible()).isTrue();
        learner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("規程を確認する: " + deck.title().ja())).click();
        settle(learner);
        toLastSlide(learner);
        acknowledge(learner);

        learner.navigate(RunningApp.baseUrl() + "/learner");
        settle(learner);
        assertThat(learner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("もう一度見る: " + deck.title().ja())).isVisible()).isTrue();
        assertThat(learner.getByText("規程の再確認が必要").count()).isZero();
    }

}
