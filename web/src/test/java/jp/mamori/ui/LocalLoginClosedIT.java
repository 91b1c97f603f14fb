package jp.mamori.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.component.UI;
import java.util.Locale;
import jp.mamori.identity.LocalLoginClosedException;
import jp.mamori.identity.Registration;
import jp.mamori.identity.RegistrationException;
import jp.mamori.identity.SsoLogin;
import jp.mamori.identity.TestUsers;
import jp.mamori.identity.ui.LoginView;
import jp.mamori.shared.Role;
import jp.mamori.system.ui.SystemView;
import com.vaadin.flow.component.html.Span;
import jp.mamori.support.MamoriBrowserlessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import com.vaadin.flow.server.VaadinSession;

/**
 * An organisation that has turned local login off, whose provider cannot be reached (nothing listens on the
 * configured port): the application keeps working, the login page says single sign-on is unavailable, and only the
 * break-glass administrator can log in with a password. Self-registration is closed.
 */
@TestPropertySource(properties = {
        "mamori.sso.issuer-uri=http://127.0.0.1:9/realms/none",
        "mamori.sso.client-id=mamori",
        "mamori.sso.local-login=false",
        "mamori.sso.break-glass=Rescue@Example.jp"})
class LocalLoginClosedIT extends MamoriBrowserlessTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    TestUsers users;
    @Autowired
    SsoLogin sso;
    @Autowired
    Registration registration;
    @Autowired
    JdbcClient jdbc;

    @Test
    void only_the_break_glass_address_logs_in_with_a_password_and_others_are_told_to_use_single_sign_on() throws Exception {
        users.create("rescue@example.jp", Role.SYSTEM_ADMIN);
        users.create("employee@example.jp", Role.LEARNER);
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();

        mvc.perform(post("/login").param("username", "rescue@example.jp").param("password", TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/"));
        var refused = mvc.perform(post("/login").param("username", "employee@example.jp").param("password", TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/login?error")).andReturn();

        assertThat(refused.getRequest().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION))
                .isInstanceOf(LocalLoginClosedException.class);
        assertThat(jdbc.sql("select detail from audit_log where action = 'LOGIN_FAILED' and actor = 'employee@example.jp'")
                .query(String.class).list()).containsExactly("local login is turned off");
        assertThat(jdbc.sql("select failed_logins from app_user where email = 'employee@example.jp'").query(Integer.class).single())
                .as("a right password is not a failure toward the lockout").isZero();
    }

    @Test
    void starting_single_sign_on_while_the_provider_is_unreachable_returns_to_the_login_page_with_the_reason() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();

        mvc.perform(get("/oauth2/authorization/sso")).andExpect(redirectedUrl("/login?sso=unavailable"));
        assertThat(sso.problem()).hasValueSatisfying(problem -> assertThat(problem)
                .contains("http://127.0.0.1:9/realms/none/.well-known/openid-configuration", "cannot be reached"));
    }

    @Test
    void the_login_page_offers_single_sign_on_folds_the_password_form_away_and_hides_registration() {
        speak(Locale.JAPANESE);
        navigate(LoginView.class);

        Button button = $view(Button.class).withText("シングルサインオンでログイン").single();
        assertThat(button.isEnabled()).as("the provider cannot be reached").isFalse();
        assertThat($view(Paragraph.class).all()).anyMatch(p -> p.getText().contains("現在シングルサインオンを利用できません"));
        Details breakGlass = $view(Details.class).single();
        assertThat(breakGlass.getSummaryText()).isEqualTo("管理者のパスワードログイン（緊急時用）");
        assertThat(breakGlass.isOpened()).isFalse();
        assertThat($view(LoginForm.class).exists()).isTrue();
        assertThat($view(RouterLink.class).all()).noneMatch(link -> link.getText().contains("登録"));
    }

    @Test
    void a_refused_password_login_opens_the_break_glass_form_with_the_reason_in_english() {
        speak(Locale.ENGLISH);
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION,
                new LocalLoginClosedException("employee@example.jp"));

        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));

        assertThat($view(Details.class).single().isOpened()).isTrue();
        assertThat(String.valueOf($view(LoginForm.class).single().getElement().getPropertyRaw("i18n")))
                .contains("Use single sign-on", "Logging in with a password is turned off");
    }

    @Test
    void the_system_administrator_sees_why_single_sign_on_is_not_available() {
        users.loginAs("operator@example.jp", Role.SYSTEM_ADMIN);
        speak(Locale.ENGLISH);

        navigate(SystemView.class);

        assertThat($view(Span.class).all()).extracting(Span::getText)
                .contains("http://127.0.0.1:9/realms/none",
                        "Turned off except for the break-glass addresses (MAMORI_SSO_BREAK_GLASS)")
                .anyMatch(text -> text.startsWith("Not available: the provider at http://127.0.0.1:9/realms/none/.well-known/openid-configuration cannot be reached"));
    }

    @Test
    void self_registration_is_closed() {
        assertThatThrownBy(() -> registration.register(new Registration.Request("New Candidate", "new-candidate@example.jp",
                "a long enough passphrase", "a long enough passphrase", Locale.JAPANESE), "192.0.2.1"))
                .isInstanceOfSatisfying(RegistrationException.class,
                        refused -> assertThat(refused.problems()).containsValue("register.error.closed"));
        assertThat(jdbc.sql("select count(*) from app_user where email = 'new-candidate@example.jp'").query(Long.class).single()).isZero();
    }
}
