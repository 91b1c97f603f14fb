package jp.mamori.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;
import jp.mamori.content.Deck;
import org.junit.jupiter.api.Test;

/**
 * An examiner completes a module of the mandatory curriculum and signs a declaration; the training administrator
 * finds them on the roster and exports it (CSV that Excel opens with Japanese intact); the auditor opens the signed
 * declaration as a PDF.
 */
class ExaminerJourney extends Journey {

    private static final String MODULE = "examiner-2023-leak";
    private final Deck deck = KnownItems.deck(MODULE);

    @Test
    void an_examiner_completes_a_module_and_signs_and_the_office_and_the_auditor_see_it() {
        Page examiner = login("ja", "examiner@demo.mamori.jp");
        assertThat(examiner.getByText(Pattern.compile("審査従事不可")).first().isVisible()).isTrue();
        assertAccessible(examiner);
        examiner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^(受講を始める|続きから受講|もう一度見る): " + deck.title().ja() + "$"))).click();
        examiner.waitForURL(url -> url.contains("/training/" + MODULE));
        settle(examiner);
        toLastSlide(examiner);
        passCheck(examiner, MODULE, deck.items());
        assertThat(examiner.getByText("合格です。この教材の受講が完了し、記録されました。").isVisible()).isTrue();
        examiner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("マイ教育に戻る")).click();
        examiner.waitForURL(url -> url.endsWith("/examiner"));
        settle(examiner);

        Locator sign = examiner.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^読んで署名する: 機器と審査文書")));
        if (sign.count() > 0) {
            sign.click();
            // The link navigates on the client first: wait for the signing page before counting its statements.
            examiner.waitForURL(url -> url.contains("/declarations/"));
            Locator boxes = examiner.locator("vaadin-checkbox");
            boxes.first().waitFor();
            settle(examiner);
            for (int i = 0; i < boxes.count(); i++) {
                boxes.nth(i).click();
            }
            examiner.getByLabel("パスワード(本人確認)").fill(DEMO_PASSWORD);
            assertAccessible(examiner);
            examiner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("読んで署名する")).click();
            examiner.waitForURL(url -> url.endsWith("/examiner"));
            settle(examiner);
        }
        assertThat(examiner.getByText(Pattern.compile("^署名済み")).first().isVisible()).isTrue();
        assertAccessible(examiner);
        screenshot(examiner, "examiner-home-ja");

        Page admin = login("ja", "admin@demo.mamori.jp");
        admin.navigate(RunningApp.baseUrl() + "/admin/examiners");
        settle(admin);
        assertThat(admin.getByText("examiner@demo.mamori.jp").isVisible()).isTrue();
        assertAccessible(admin);
        screenshot(admin, "examiner-roster-ja");
        Download csv = admin.waitForDownload(() -> admin.getByText("CSVで書き出す").click());
        byte[] bytes = readAll(csv);
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)).startsWith("氏名,メールアドレス,従事可否")
                .contains("佐藤 健,examiner@demo.mamori.jp,審査従事不可,1,5,");

        Page auditor = login("ja", "auditor@demo.mamori.jp");
        auditor.navigate(RunningApp.baseUrl() + "/admin/examiners");
        settle(auditor);
        auditor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("詳細: 佐藤 健")).click();
        settle(auditor);
        Download pdf = auditor.waitForDownload(() -> auditor.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("PDFで見る")).first().click());
        assertThat(readAll(pdf)).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
        assertThat(auditor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("記録する")).count()).isZero();
    }
}
