package jp.mamori.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Locale;
import jp.mamori.identity.EmailNotVerifiedException;
import jp.mamori.identity.TestUsers;
import jp.mamori.identity.ui.LoginView;
import jp.mamori.identity.ui.RegisterView;
import jp.mamori.identity.ui.VerifyEmailView;
import jp.mamori.learning.ui.LearnerHomeView;
import jp.mamori.mail.MailEntry;
import jp.mamori.mail.TestMails;
import jp.mamori.mail.ui.OutboxView;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriBrowserlessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.WebAttributes;

/** The register, confirm and outbox pages as visitors and administrators see them, in Japanese and English. */
class RegistrationViewsIT extends MamoriBrowserlessTest {

    private static final String PASSWORD = "a long enough secret";

    @Autowired
    TestUsers users;
    @Autowired
    TestMails mails;

    @Test
    void the_login_page_links_to_registration_in_both_languages() {
        speak(Locale.JAPANESE);
        navigate(LoginView.class);
        assertThat($view(RouterLink.class).withText("アカウント登録").exists()).isTrue();

        speak(Locale.ENGLISH);
        navigate(LoginView.class);
        assertThat($view(RouterLink.class).withText("Register as a candidate").exists()).isTrue();
    }

    @Test
    void a_visitor_registers_in_japanese_and_is_told_to_check_the_mail() {
        speak(Locale.JAPANESE);
        navigate(RegisterView.class);
        assertThat($view(H2.class).first().getText()).isEqualTo("アカウント登録（受検者）");

        fill("鈴木 花子", "view-ja@example.jp", PASSWORD, PASSWORD, "氏名", "メールアドレス", "新しいパスワード", "新しいパスワード(確認)");
        test($view(Button.class).withText("登録する").single()).click();

        assertThat($view(H2.class).first().getText()).isEqualTo("メールを確認してください");
        assertThat(paragraphs()).anyMatch(text -> text.contains("view-ja@example.jp 宛てにメールを送信しました"));
        assertThat(users.find("view-ja@example.jp").isEmailVerified()).isFalse();
        assertThat(users.find("view-ja@example.jp").getLanguage()).isEqualTo("ja");
    }

    @Test
    void the_register_page_speaks_english_and_keeps_english_for_the_account() {
        speak(Locale.ENGLISH);
        navigate(RegisterView.class);
        assertThat($view(H2.class).first().getText()).isEqualTo("Register as a candidate");
        assertThat(test($view(Select.class).withLabel("Language (screens and mail)").single()).getSelected())
                .isEqualTo(Locale.ENGLISH);

        fill("Jane Doe", "view-en@example.jp", PASSWORD, PASSWORD, "Name", "E-mail address", "New password", "New password (again)");
        test($view(Button.class).withText("Register").single()).click();

        assertThat($view(H2.class).first().getText()).isEqualTo("Check your mail");
        assertThat(mails.to("view-en@example.jp").getFirst().subject()).isEqualTo("[Mamori] Confirm your e-mail address");
    }

    @Test
    void bad_input_marks_the_fields_and_creates_nothing() {
        speak(Locale.ENGLISH);
        navigate(RegisterView.class);

        fill("", "view-bad@", "short", "different", "Name", "E-mail address", "New password", "New password (again)");
        test($view(Button.class).withText("Register").single()).click();

        TextField name = $view(TextField.class).withLabel("Name").single();
        EmailField email = $view(EmailField.class).withLabel("E-mail address").single();
        PasswordField password = $view(PasswordField.class).withLabel("New password").single();
        PasswordField repeat = $view(PasswordField.class).withLabel("New password (again)").single();
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Enter a name (at most 200 characters).");
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("This is not a valid e-mail address.");
        assertThat(password.getErrorMessage()).isEqualTo("Use at least 12 characters.");
        assertThat(repeat.getErrorMessage()).isEqualTo("The two passwords differ.");
        assertThat($view(H2.class).first().getText()).isEqualTo("Register as a candidate");
        assertThat(mails.to("view-bad@")).isEmpty();
    }

    @Test
    void the_mailed_link_confirms_the_address_once_and_then_offers_a_new_link() {
        speak(Locale.JAPANESE);
        navigate(RegisterView.class);
        fill("確認 次郎", "view-verify@example.jp", PASSWORD, PASSWORD, "氏名", "メールアドレス", "新しいパスワード", "新しいパスワード(確認)");
        test($view(Button.class).withText("登録する").single()).click();
        String token = TestMails.verificationToken(mails.to("view-verify@example.jp").getFirst().body());

        UI.getCurrent().navigate(VerifyEmailView.class, token);

        assertThat(paragraphs()).anyMatch(text -> text.startsWith("メールアドレスを確認しました"));
        assertThat($view(RouterLink.class).withText("ログインする").exists()).isTrue();
        assertThat(users.find("view-verify@example.jp").isEmailVerified()).isTrue();

        UI.getCurrent().navigate(VerifyEmailView.class, token);

        assertThat(paragraphs()).anyMatch(text -> text.startsWith("このリンクはすでに使用されています"));
        assertThat($view(Button.class).withText("再送する").exists()).isTrue();
    }

    @Test
    void an_unknown_link_says_so_in_english_and_a_new_link_can_be_requested() {
        speak(Locale.ENGLISH);

        UI.getCurrent().navigate(VerifyEmailView.class, "not-a-real-token");

        assertThat(paragraphs()).anyMatch(text -> text.startsWith("This link is not valid."));
        test($view(EmailField.class).withLabel("E-mail address").single()).setValue("view-someone@example.jp");
        test($view(Button.class).withText("Send").single()).click();
        assertThat(paragraphs()).contains("If an account at view-someone@example.jp waits for confirmation, a new link is on its way.");
    }

    @Test
    void a_login_before_confirmation_is_explained_and_the_link_can_be_sent_again_from_the_login_page() {
        speak(Locale.ENGLISH);
        navigate(RegisterView.class);
        fill("Early Login", "view-early@example.jp", PASSWORD, PASSWORD, "Name", "E-mail address", "New password", "New password (again)");
        test($view(Button.class).withText("Register").single()).click();
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION,
                new EmailNotVerifiedException("view-early@example.jp"));

        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));

        assertThat($view(LoginForm.class).single().isError()).isTrue();
        assertThat(String.valueOf($view(LoginForm.class).single().getElement().getPropertyRaw("i18n")))
                .contains("Confirm your e-mail address first");
        test($view(Button.class).withText("Send the confirmation mail again").single()).click();
        assertThat(paragraphs()).anyMatch(text -> text.startsWith("We sent a new confirmation mail."));
        assertThat(mails.to("view-early@example.jp")).hasSize(2);
    }

    @Test
    void an_administrator_reads_an_outbox_mail_with_its_link() {
        speak(Locale.ENGLISH);
        navigate(RegisterView.class);
        fill("Outbox Reader", "view-outbox@example.jp", PASSWORD, PASSWORD, "Name", "E-mail address", "New password", "New password (again)");
        test($view(Button.class).withText("Register").single()).click();
        users.loginAs("view-outbox-admin@example.jp", Role.TRAINING_ADMIN);
        speak(Locale.JAPANESE);

        navigate(OutboxView.class);

        @SuppressWarnings("unchecked")
        Grid<MailEntry> grid = $view(Grid.class).single();
        int row = rowOf(grid, "view-outbox@example.jp");
        assertThat(test(grid).getCellText(row, 2)).isEqualTo("[Mamori] Confirm your e-mail address");
        assertThat(test(grid).getCellText(row, 3)).isEqualTo("送信箱（未送信）");
        test(grid).select(row);
        assertThat($view(Pre.class).single().getText()).contains("Dear Outbox Reader,", "http://localhost:8080/verify-email/");
    }

    @Test
    void a_learner_opening_the_outbox_is_refused() {
        users.loginAs("view-curious@example.jp", Role.LEARNER);
        navigate("", LearnerHomeView.class);

        UI.getCurrent().navigate(OutboxView.class);

        assertThat(getCurrentView()).isNotInstanceOf(OutboxView.class);
    }

    private void fill(String name, String email, String password, String repeat,
                      String nameLabel, String emailLabel, String passwordLabel, String repeatLabel) {
        test($view(TextField.class).withLabel(nameLabel).single()).setValue(name);
        test($view(EmailField.class).withLabel(emailLabel).single()).setValue(email);
        test($view(PasswordField.class).withLabel(passwordLabel).single()).setValue(password);
        test($view(PasswordField.class).withLabel(repeatLabel).single()).setValue(repeat);
    }

    private List<String> paragraphs() {
        return $view(Paragraph.class).all().stream().filter(p -> p.isVisible()).map(Paragraph::getText).toList();
    }

    private int rowOf(Grid<MailEntry> grid, String recipient) {
        for (int row = 0; row < test(grid).size(); row++) {
            if (test(grid).getRow(row).recipient().equals(recipient)) {
                return row;
            }
        }
        throw new AssertionError("no mail to " + recipient + " in the outbox");
    }
}
