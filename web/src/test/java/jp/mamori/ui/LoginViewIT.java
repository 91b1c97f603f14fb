package jp.mamori.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import jp.mamori.identity.TestUsers;
import jp.mamori.identity.ui.LoginView;
import jp.mamori.identity.ui.UsersView;
import jp.mamori.learning.ui.LearnerHomeView;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.NotFoundView;
import jp.mamori.support.MamoriBrowserlessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/** The login page in both languages, and the messages a person sees when something stands in the way. */
class LoginViewIT extends MamoriBrowserlessTest {

    @Autowired
    TestUsers users;


    @Test
    void a_visitor_sees_the_login_form_in_japanese() {
        speak(Locale.JAPANESE);

        navigate(LoginView.class);

        assertThat(i18n()).contains("メールアドレス", "パスワード", "ログイン");
        assertThat($view(LoginForm.class).single().isError()).isFalse();
    }

    @Test
    void the_same_form_speaks_english_when_english_is_chosen() {
        speak(Locale.ENGLISH);

        navigate(LoginView.class);

        assertThat(i18n()).contains("E-mail address", "Password", "Log in");
    }

    @Test
    void a_wrong_password_is_explained_without_saying_which_part_was_wrong() {
        speak(Locale.JAPANESE);
        failure(new BadCredentialsException("bad"));

        show("error");

        assertThat($view(LoginForm.class).single().isError()).isTrue();
        assertThat(i18n()).contains("メールアドレスまたはパスワードが正しくありません");
    }

    @Test
    void a_locked_account_is_told_that_it_is_locked_and_what_to_do() {
        speak(Locale.ENGLISH);
        failure(new LockedException("locked"));

        show("error");

        assertThat(i18n()).contains("Account locked", "unlock it");
    }

    @Test
    void an_expired_session_is_explained_on_the_login_page() {
        speak(Locale.JAPANESE);

        show("expired");

        assertThat($view(Paragraph.class).all()).anyMatch(p -> p.getText().contains("セッションが終了しました"));
    }

    @Test
    void a_learner_opening_the_people_page_gets_a_clear_refusal_not_the_page() {
        users.loginAs("curious-learner@example.jp", Role.LEARNER);
        speak(Locale.JAPANESE);
        navigate("", LearnerHomeView.class);

        UI.getCurrent().navigate(UsersView.class);

        assertThat(getCurrentView()).isNotInstanceOf(UsersView.class);
        assertThat($(H2.class).all()).extracting(H2::getText)
                .anyMatch(text -> text.equals("このページを開く権限がありません") || text.equals("ページが見つかりません"));
    }

    @Test
    void an_unknown_address_shows_not_found_in_the_persons_language() {
        users.loginAs("lost-learner@example.jp", Role.LEARNER);
        speak(Locale.ENGLISH);

        UI.getCurrent().navigate("no/such/page");

        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
        assertThat($(H2.class).first().getText()).isEqualTo("Page not found");
    }

    /** Opens the login page with a query flag, as Spring Security's redirects do. */
    private void show(String flag) {
        UI.getCurrent().navigate("login", QueryParameters.of(flag, ""));
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
    }


    private static void failure(Exception exception) {
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, exception);
    }

    private String i18n() {
        return String.valueOf($view(LoginForm.class).single().getElement().getPropertyRaw("i18n"));
    }
}
