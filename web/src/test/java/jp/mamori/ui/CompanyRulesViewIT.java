package jp.mamori.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import jp.mamori.catalog.CompanyRules;
import jp.mamori.identity.TestUsers;
import jp.mamori.learning.ui.CompanyRulesView;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriBrowserlessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The training administrator edits the company's rules, sees a preview, and cannot save a blank rule. */
class CompanyRulesViewIT extends MamoriBrowserlessTest {

    @Autowired
    TestUsers users;
    @Autowired
    CompanyRules rules;

    @BeforeEach
    void admin() {
        users.loginAs("rules-view-admin@example.jp", Role.TRAINING_ADMIN);
        VaadinSession.getCurrent().setLocale(Locale.JAPANESE);
        UI.getCurrent().setLocale(Locale.JAPANESE);
    }


    @Test
    void the_form_has_a_field_per_blank_and_the_preview_shows_the_typed_values() {
        navigate(CompanyRulesView.class);
        TextField company = $view(TextField.class).withCaption("会社名").single();

        test(company).setValue("株式会社テスト商事");
        test($view(Button.class).withText("プレビュー").single()).click();

        Dialog preview = $(Dialog.class).single();
        assertThat($(Html.class, preview).all()).anyMatch(html -> html.getInnerHtml().contains("株式会社テスト商事"));
    }

    @Test
    void a_blank_rule_is_refused_with_the_field_marked_and_nothing_saved() {
        navigate(CompanyRulesView.class);
        TextField company = $view(TextField.class).withCaption("会社名").single();
        String before = rules.draft().get("company_name");

        test(company).setValue("");
        test($view(Button.class).withText("下書きを保存").single()).click();

        assertThat(company.isInvalid()).isTrue();
        assertThat(company.getErrorMessage()).isEqualTo("この項目を記入してください。");
        assertThat(rules.draft().get("company_name")).isEqualTo(before);
    }
}
