package jp.mamori.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jp.mamori.questionbank.Item;
import jp.mamori.questionbank.ItemOption;
import jp.mamori.questionbank.ItemType;
import org.junit.jupiter.api.Test;

/**
 * A new candidate registers, confirms their address through the mailed link (read from the outbox, since the journey
 * app has no SMTP server), sits the expert exam in Japanese, answers every question right, submits, passes and
 * downloads the certificate; the certificate code is then confirmed by the public verification page, without logging
 * in. While the attempt is open, nothing the server sends to the browser carries a rationale or an option's
 * explanation.
 */
class CandidateExamJourney extends Journey {

    private final Map<String, Item> bank = KnownItems.competency().stream()
            .collect(Collectors.toMap(item -> item.stem().ja(), Function.identity(), (a, b) -> a));

    @Test
    void a_new_candidate_registers_passes_downloads_the_certificate_and_no_key_explanation_reaches_the_browser_before_submission() {
        String email = "e2e-" + System.currentTimeMillis() + "@example.jp";
        String password = "journey-password-" + System.nanoTime();
        register(email, password);
        Page page = login("ja", email, password, 1280);
        List<String> sentWhileOpen = new ArrayList<>();
        page.onResponse(response -> {
            if (response.url().contains("v-r=uidl")) {
                sentWhileOpen.add(response.text());
            }
        });
        // "Start" on a fresh database, "resume" when a run against a running app was cut short.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^(受験を始める|受験を再開する): 個人情報保護力量検定 エキスパート$"))).click();
        page.waitForURL(url -> url.contains("/exam/competency-expert"));
        settle(page);
        assertAccessible(page);
        screenshot(page, "exam-ja");

        List<Item> asked = new ArrayList<>();
        int questions = page.locator(".mamori-navigator button").count();
        for (int i = 0; i < questions; i++) {
            Item item = current(page);
            asked.add(item);
            answer(page, item);
            if (i < questions - 1) {
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("次へ").setExact(true)).click();
                settle(page);
            }
        }
        List<String> beforeSubmit = List.copyOf(sentWhileOpen);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("解答を提出").setExact(true)).first().click();
        page.locator("vaadin-button[slot=confirm-button]").click();
        settle(page);

        assertThat(questions).isEqualTo(80);
        assertThat(page.getByText("合格です。得点 100%").isVisible()).isTrue();
        assertAccessible(page);
        screenshot(page, "exam-result-ja");

        page.getByText("合格証を見る").click();
        page.waitForURL(url -> url.endsWith("/certificates"));
        settle(page);
        String code = page.locator(".mamori-code").first().textContent().strip();
        Download pdf = page.waitForDownload(() -> page.getByText("PDFをダウンロード").first().click());
        assertThat(readAll(pdf)).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
        Page visitor = open("ja", 390);
        visitor.navigate(RunningApp.baseUrl() + "/verify/" + code);
        settle(visitor);
        assertThat(visitor.getByText("この証明書番号の合格証が見つかりました。").isVisible()).isTrue();
        assertThat(visitor.getByText("状態: 有効").isVisible()).isTrue();
        assertAccessible(visitor);
        screenshot(visitor, "verify-ja");
        String traffic = String.join("\n", beforeSubmit);
        for (Item item : asked) {
            assertThat(traffic).as("rationale of " + item.id()).doesNotContain(item.rationale().ja());
            for (ItemOption option : item.options()) {
                if (option.why() != null && !option.why().ja().isBlank()) {
                    assertThat(traffic).as("explanation of " + item.id() + "/" + option.id()).doesNotContain(option.why().ja());
                }
            }
        }
    }

    /** Registers on the public page and opens the confirmation link the admin finds in the outbox. */
    private void register(String email, String password) {
        Page visitor = open("ja", 1280);
        visitor.navigate(RunningApp.baseUrl() + "/register");
        settle(visitor);
        assertAccessible(visitor);
        visitor.getByLabel("氏名").fill("受検 花子");
        visitor.getByLabel("メールアドレス").fill(email);
        visitor.getByLabel("新しいパスワード", new Page.GetByLabelOptions().setExact(true)).fill(password);
        visitor.getByLabel("新しいパスワード(確認)").fill(password);
        visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登録する")).click();
        settle(visitor);
        assertThat(visitor.getByText("メールを確認してください").isVisible()).isTrue();

        Page admin = login("ja", "admin@demo.mamori.jp");
        admin.navigate(RunningApp.baseUrl() + "/admin/outbox");
        settle(admin);
        admin.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(email)).first().click();
        settle(admin);
        Matcher link = Pattern.compile("/verify-email/[A-Za-z0-9_-]+").matcher(admin.locator(".mamori-mail-body").textContent());
        assertThat(link.find()).as("the confirmation link in the mail").isTrue();

        visitor.navigate(RunningApp.baseUrl() + link.group());
        settle(visitor);
        assertThat(visitor.getByText("メールアドレスを確認しました。").isVisible()).isTrue();
    }

    /** The item on screen, found by its stem in the question's label ("問 n / N. stem"). */
    private Item current(Page page) {
        String label = questionLabel(page);
        return bank.entrySet().stream().filter(e -> label.endsWith(e.getKey())).map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no item with the stem shown: " + label));
    }

    private void answer(Page page, Item item) {
        AriaRole role = item.type() == ItemType.MULTIPLE ? AriaRole.CHECKBOX : AriaRole.RADIO;
        for (ItemOption option : item.choices()) {
            if (item.key().contains(option.id())) {
                page.getByRole(role, new Page.GetByRoleOptions().setName(option.text().ja()).setExact(true)).check();
                settle(page);
            }
        }
    }
}
