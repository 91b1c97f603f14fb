package jp.mamori.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/** The login page in both languages: accessible, and a wrong password says so without saying which part was wrong. */
class LoginJourney extends Journey {

    @Test
    void the_japanese_login_page_is_accessible_and_a_wrong_password_is_explained() {
        Page page = open("ja", 1280);
        page.navigate(RunningApp.baseUrl() + "/login");
        settle(page);

        assertAccessible(page);
        screenshot(page, "login-ja");
        page.locator("input[name=username]").fill("learner@demo.mamori.jp");
        page.locator("input[name=password]").fill("not the password");
        page.locator("input[name=password]").press("Enter");

        assertThat(page.getByText("ログインできませんでした")).isVisible();
    }

    @Test
    void an_english_browser_gets_the_english_login_page() {
        Page page = open("en", 390);
        page.navigate(RunningApp.baseUrl() + "/login");
        settle(page);

        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))).isVisible();
        assertAccessible(page);
    }
}
