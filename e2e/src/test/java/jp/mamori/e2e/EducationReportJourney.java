package jp.mamori.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The PMS office's year: the privacy officer reads the dashboard, the training administrator generates the
 * 教育実施報告書 from the approved plan, the officer approves it and downloads the stamped PDF; the auditor finds it.
 */
class EducationReportJourney extends Journey {

    @Test
    void the_administrator_generates_the_report_and_the_privacy_officer_approves_it() {
        Page officer = login("ja", "officer@demo.mamori.jp");
        officer.navigate(RunningApp.baseUrl() + "/office/dashboard");
        settle(officer);
        assertThat(officer.getByText("部署別の完了率").first().isVisible()).isTrue();
        assertAccessible(officer);
        screenshot(officer, "dashboard-ja");

        Page admin = login("ja", "admin@demo.mamori.jp");
        admin.navigate(RunningApp.baseUrl() + "/office/reports");
        settle(admin);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("報告書を作成して承認を依頼する")).click();
        settle(admin);
        assertThat(admin.getByText("承認待ち").first().isVisible()).isTrue();
        assertAccessible(admin);

        officer.navigate(RunningApp.baseUrl() + "/office/reports");
        settle(officer);
        officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("承認する")).first().click();
        settle(officer);
        assertThat(officer.getByText("承認済み").first().isVisible()).isTrue();
        Download pdf = officer.waitForDownload(() -> officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("PDF")).first().click());
        assertThat(readAll(pdf)).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
        screenshot(officer, "education-reports-ja");

        Page auditor = login("ja", "auditor@demo.mamori.jp");
        auditor.navigate(RunningApp.baseUrl() + "/office/reports");
        settle(auditor);
        assertThat(auditor.getByText("承認済み").first().isVisible()).isTrue();
        assertThat(auditor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("承認する")).count()).isZero();
        assertAccessible(auditor);
    }
}
