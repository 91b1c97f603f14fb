package jp.mamori.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A learner acknowledges the company rules, which leaves an evidence record; the auditor lands on the evidence
 * ledger, sees the record, has the whole hash chain recomputed and is told it is intact with the number of records
 * checked; the ledger offers nothing that changes a record.
 */
class AuditorJourney extends Journey {

    @Test
    void the_auditor_verifies_the_evidence_chain_and_finds_it_intact() {
        Page learner = login("ja", "learner2@demo.mamori.jp");
        openRulesDeck(learner);
        toLastSlide(learner);
        if (learner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("確認しました")).count() > 0) {
            acknowledge(learner);
        }

        Page page = login("ja", "auditor@demo.mamori.jp");
        assertThat(page.getByText("規程の確認").first().isVisible()).isTrue();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("証跡台帳")).isVisible()).isTrue();
        assertAccessible(page);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("台帳を検証")).click();
        settle(page);

        assertThat(page.getByText(Pattern.compile("^チェーンは正常です。[1-9]\\d* 件の記録をすべて検証しました")).isVisible()).isTrue();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName(Pattern.compile("削除|編集|変更|保存"))).count()).isZero();
        assertAccessible(page);
        screenshot(page, "evidence-verified-ja");
    }
}
