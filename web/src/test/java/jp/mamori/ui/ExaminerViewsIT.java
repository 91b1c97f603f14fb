package jp.mamori.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.mamori.attestation.Clearance;
import jp.mamori.attestation.ui.ExaminerHomeView;
import jp.mamori.attestation.ui.ExaminerRosterView;
import jp.mamori.attestation.ui.SignDeclarationView;
import jp.mamori.identity.TestUsers;
import jp.mamori.shared.FiscalYears;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriBrowserlessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The examiner's home and correction flow, and the roster as the training admin and as the auditor see it. */
class ExaminerViewsIT extends MamoriBrowserlessTest {

    @Autowired
    TestUsers users;
    @Autowired
    jp.mamori.support.MutableClock clock;

    @Test
    void the_examiner_home_says_not_cleared_lists_the_modules_and_a_signed_declaration_can_be_corrected() {
        users.loginAs("ui-exam-home@example.jp", Role.EXAMINER);
        navigate(ExaminerHomeView.class);

        assertThat(texts()).anyMatch(t -> t.contains("まだ審査に従事できません(審査従事不可)"))
                .anyMatch(t -> t.startsWith("未完了: 必須研修 5 / 5 件、宣誓 3 / 3 件"))
                .anyMatch(t -> t.startsWith("期限: "));
        assertThat($view(Button.class).all()).filteredOn(b -> b.getText().equals("受講を始める")).hasSize(5);

        sign("rules-read");
        assertThat(getCurrentView()).isInstanceOf(ExaminerHomeView.class);
        assertThat($view(Anchor.class).all()).filteredOn(a -> a.getText().equals("訂正する")).singleElement()
                .satisfies(a -> assertThat(a.getHref()).contains("declarations/rules-read?corrects="));
        String correct = $view(Anchor.class).all().stream().filter(a -> a.getText().equals("訂正する")).findFirst().orElseThrow().getHref();

        open(correct);
        assertThat(getCurrentView()).isInstanceOf(SignDeclarationView.class);
        assertThat(texts()).anyMatch(t -> t.contains("の署名を訂正します"));
        $view(Checkbox.class).all().forEach(box -> test(box).click());
        test($view(PasswordField.class).single()).setValue(TestUsers.PASSWORD);
        test($view(Button.class).withText("読んで署名する").single()).click();

        assertThat(getCurrentView()).isInstanceOf(ExaminerHomeView.class);
        assertThat(texts()).anyMatch(t -> t.equals("訂正版(第1版)"));
    }

    @Test
    void a_correction_link_to_someone_elses_signature_is_not_found() {
        users.loginAs("ui-exam-owner@example.jp", Role.EXAMINER);
        navigate(ExaminerHomeView.class);
        sign("rules-read");
        String theirs = $view(Anchor.class).all().stream().filter(a -> a.getText().equals("訂正する")).findFirst().orElseThrow().getHref();

        users.loginAs("ui-exam-intruder@example.jp", Role.EXAMINER);
        navigate(ExaminerHomeView.class);
        open(theirs);
        assertThat(getCurrentView()).isInstanceOf(jp.mamori.shared.ui.NotFoundView.class);
        assertThat($view(PasswordField.class).all()).isEmpty();
    }

    @Test
    void the_training_admin_filters_reminds_and_records_a_spot_check_while_the_auditor_only_reads() {
        users.create("ui-roster-a@example.jp", Role.EXAMINER);
        users.loginAs("ui-roster-admin@example.jp", Role.TRAINING_ADMIN);
        navigate(ExaminerRosterView.class);

        Grid<Clearance> grid = roster();
        assertThat(grid.getListDataView().getItems()).anyMatch(c -> c.email().equals("ui-roster-a@example.jp"));
        test($view(TextField.class).single()).setValue("ui-roster-a");
        assertThat(grid.getListDataView().getItems()).singleElement().satisfies(c -> assertThat(c.cleared()).isFalse());
        Button remind = $view(Button.class).withText("選んだ審査員に督促メールを送る").single();
        assertThat(remind.isEnabled()).isFalse();
        grid.select(grid.getListDataView().getItems().findFirst().orElseThrow());
        assertThat(remind.isEnabled()).isTrue();
        assertThat($view(Anchor.class).all()).extracting(Anchor::getText).contains("CSVで書き出す", "Excelで書き出す");

        users.loginAs("ui-roster-auditor@example.jp", Role.AUDITOR);
        navigate(jp.mamori.evidence.ui.AuditLogView.class);
        navigate(ExaminerRosterView.class);
        assertThat($view(Button.class).all()).extracting(Button::getText).doesNotContain("選んだ審査員に督促メールを送る");
        assertThat(roster().getSelectionModel()).isInstanceOf(com.vaadin.flow.component.grid.GridSingleSelectionModel.class);
        test((Button) test(roster()).getCellComponent(0, 6)).click();
        Dialog details = $(Dialog.class).single();
        assertThat($(Button.class, details).all()).extracting(Button::getText).containsExactly("閉じる");
        assertThat($(TextArea.class, details).all()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private Grid<Clearance> roster() {
        return $view(Grid.class).single();
    }

    @Test
    void after_single_sign_on_the_examiner_confirms_at_the_provider_instead_of_typing_a_password() {
        users.loginThroughProviderAs("ui-exam-sso@example.jp", clock.instant().minus(Duration.ofMinutes(30)), Role.EXAMINER);
        navigate(SignDeclarationView.class, "rules-read");

        assertThat($view(PasswordField.class).all()).isEmpty();
        assertThat($view(Button.class).withText("読んで署名する").single().isEnabled()).isFalse();
        assertThat($view(Button.class).withText("認証基盤で本人確認する").exists()).isTrue();
        assertThat(texts()).anyMatch(t -> t.startsWith("シングルサインオンでログインしています。"));

        // Back from the provider: a full page load in the browser, a fresh view here.
        navigate(ExaminerHomeView.class);
        users.loginThroughProviderAs("ui-exam-sso@example.jp", clock.instant(), Role.EXAMINER);
        navigate(SignDeclarationView.class, "rules-read");
        assertThat(texts()).anyMatch(t -> t.startsWith("認証基盤で本人確認しました。"));
        $view(Checkbox.class).all().forEach(box -> test(box).click());
        test($view(Button.class).withText("読んで署名する").single()).click();

        assertThat(getCurrentView()).isInstanceOf(ExaminerHomeView.class);
    }

    /** Follows a link with a query string, as the browser does. */
    private static void open(String href) {
        String[] parts = href.split("\\?", 2);
        com.vaadin.flow.component.UI.getCurrent().navigate(parts[0],
                com.vaadin.flow.router.QueryParameters.fromString(parts.length > 1 ? parts[1] : ""));
    }

    private void sign(String declarationId) {
        navigate(SignDeclarationView.class, declarationId);
        $view(Checkbox.class).all().forEach(box -> test(box).click());
        test($view(PasswordField.class).single()).setValue(TestUsers.PASSWORD);
        test($view(Button.class).withText("読んで署名する").single()).click();
    }

    private List<String> texts() {
        return $view(Paragraph.class).all().stream().map(Paragraph::getText).toList();
    }
}
