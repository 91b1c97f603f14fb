package jp.mamori.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditEntry;
import jp.mamori.evidence.AuditLog;
import jp.mamori.mail.MailEntry;
import jp.mamori.mail.MailStatus;
import jp.mamori.mail.TestMails;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import jp.mamori.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Self-registration without an SMTP server: mail lands in the outbox; verification, refusals, limits and audit. */
@MamoriIntegrationTest
class RegistrationIT {

    private static final String PASSWORD = "a long enough secret";

    @Autowired
    Registration registration;
    @Autowired
    TestMails mails;
    @Autowired
    TestUsers users;
    @Autowired
    UserAccountRepository accounts;
    @Autowired
    AuditLog auditLog;
    @Autowired
    UserAdministration administration;
    @Autowired
    MutableClock clock;
    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void without_smtp_the_confirmation_mail_lands_in_the_outbox_and_its_link_opens_the_account() throws Exception {
        registration.register(request("Outbox Taro", "reg-outbox@example.jp", Locale.JAPANESE), "192.0.2.1");

        MailEntry mail = mails.to("reg-outbox@example.jp").getFirst();
        assertThat(mail.status()).isEqualTo(MailStatus.OUTBOX);
        assertThat(mail.subject()).isEqualTo("【Mamori】メールアドレスの確認");
        assertThat(mail.body()).contains("Outbox Taro 様", "http://localhost:8080/verify-email/");
        UserAccount created = users.find("reg-outbox@example.jp");
        assertThat(created.getRoles()).containsExactly(Role.CANDIDATE);
        assertThat(created.getLanguage()).isEqualTo("ja");
        assertThat(created.isEmailVerified()).isFalse();

        assertThat(registration.verify(TestMails.verificationToken(mail.body()))).isEqualTo(Registration.Verification.VERIFIED);

        assertThat(users.find("reg-outbox@example.jp").isEmailVerified()).isTrue();
        assertThat(login("reg-outbox@example.jp", PASSWORD).getResponse().getRedirectedUrl()).doesNotContain("error");
        assertThat(audit(AuditAction.REGISTRATION_REQUESTED)).anyMatch(e -> "reg-outbox@example.jp".equals(e.target())
                && e.detail().contains("created"));
        assertThat(audit(AuditAction.EMAIL_VERIFIED)).anyMatch(e -> "reg-outbox@example.jp".equals(e.target()));
    }

    @Test
    void logging_in_before_confirming_is_refused_with_its_own_reason_and_does_not_count_toward_the_lockout() throws Exception {
        registration.register(request("Early Bird", "reg-early@example.jp", Locale.ENGLISH), "192.0.2.2");

        MvcResult result = login("reg-early@example.jp", PASSWORD);

        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login?error");
        assertThat(failureOf(result)).isInstanceOfSatisfying(EmailNotVerifiedException.class,
                e -> assertThat(e.email()).isEqualTo("reg-early@example.jp"));
        assertThat(users.find("reg-early@example.jp").getFailedLogins()).isZero();
        assertThat(audit(AuditAction.LOGIN_FAILED)).anyMatch(e -> "reg-early@example.jp".equals(e.actor())
                && e.detail().contains("not verified"));
    }

    @Test
    void a_wrong_password_on_an_unconfirmed_account_says_only_that_the_login_failed() throws Exception {
        registration.register(request("Wrong Pass", "reg-wrong@example.jp", Locale.ENGLISH), "192.0.2.3");

        MvcResult result = login("reg-wrong@example.jp", "not the password at all");

        assertThat(failureOf(result)).isNotInstanceOf(EmailNotVerifiedException.class);
    }

    @Test
    void an_expired_link_is_refused_and_leaves_the_account_closed_until_a_new_link_is_used() {
        registration.register(request("Late Reader", "reg-late@example.jp", Locale.ENGLISH), "192.0.2.4");
        String token = TestMails.verificationToken(mails.to("reg-late@example.jp").getFirst().body());

        clock.advance(Duration.ofHours(24).plusMinutes(1));

        assertThat(registration.verify(token)).isEqualTo(Registration.Verification.EXPIRED);
        assertThat(users.find("reg-late@example.jp").isEmailVerified()).isFalse();

        registration.resend("reg-late@example.jp", "192.0.2.4");

        List<MailEntry> sent = mails.to("reg-late@example.jp");
        assertThat(sent).hasSize(2);
        assertThat(sent.getFirst().subject()).isEqualTo("[Mamori] Confirm your e-mail address");
        String fresh = TestMails.verificationToken(sent.getFirst().body());
        assertThat(fresh).isNotEqualTo(token);
        assertThat(registration.verify(fresh)).isEqualTo(Registration.Verification.VERIFIED);
        assertThat(audit(AuditAction.VERIFICATION_LINK_RESENT)).anyMatch(e -> "reg-late@example.jp".equals(e.target())
                && "new link mailed".equals(e.detail()));
    }

    @Test
    void a_link_works_once_and_an_unknown_token_is_refused() {
        registration.register(request("Twice Clicker", "reg-twice@example.jp", Locale.ENGLISH), "192.0.2.5");
        String token = TestMails.verificationToken(mails.to("reg-twice@example.jp").getFirst().body());

        assertThat(registration.verify(token)).isEqualTo(Registration.Verification.VERIFIED);
        assertThat(registration.verify(token)).isEqualTo(Registration.Verification.ALREADY_USED);
        assertThat(registration.verify("no-such-token-anywhere")).isEqualTo(Registration.Verification.UNKNOWN);
        assertThat(registration.verify("")).isEqualTo(Registration.Verification.UNKNOWN);
    }

    @Test
    void a_registered_address_gets_the_same_answer_and_an_already_registered_mail_and_nothing_changes() {
        users.create("reg-existing@example.jp", Role.LEARNER);
        UserAccount before = users.find("reg-existing@example.jp");

        registration.register(request("Someone Else", "Reg-Existing@example.jp", Locale.ENGLISH), "192.0.2.6");

        UserAccount after = users.find("reg-existing@example.jp");
        assertThat(after.getDisplayName()).isEqualTo(before.getDisplayName());
        assertThat(after.getPasswordHash()).isEqualTo(before.getPasswordHash());
        assertThat(after.getRoles()).containsExactly(Role.LEARNER);
        assertThat(after.isEmailVerified()).isTrue();
        MailEntry mail = mails.to("reg-existing@example.jp").getFirst();
        assertThat(mail.template()).isEqualTo("registration.already");
        assertThat(mail.subject()).isEqualTo("[Mamori] You already have an account");
        assertThat(mail.body()).contains("Test reg-existing@example.jp", "http://localhost:8080/login")
                .doesNotContain("/verify-email/");
        assertThat(audit(AuditAction.REGISTRATION_REQUESTED)).anyMatch(e -> "reg-existing@example.jp".equals(e.target())
                && e.detail().contains("already registered"));
    }

    @Test
    void bad_input_is_refused_field_by_field_and_creates_and_sends_nothing() {
        long accountsBefore = accounts.count();

        assertThatThrownBy(() -> registration.register(new Registration.Request(" ", "not-an-address", "short", "other",
                Locale.ENGLISH), "192.0.2.7"))
                .isInstanceOfSatisfying(RegistrationException.class, e -> assertThat(e.problems()).isEqualTo(Map.of(
                        Registration.Field.NAME, "users.error.name-required",
                        Registration.Field.EMAIL, "users.error.email-invalid",
                        Registration.Field.PASSWORD, "password.error.too-short",
                        Registration.Field.PASSWORD_REPEAT, "password.error.mismatch")));
        assertThatThrownBy(() -> registration.register(new Registration.Request("Same As Mail", "reg-same@example.jp",
                "reg-same@example.jp", "reg-same@example.jp", Locale.ENGLISH), "192.0.2.7"))
                .isInstanceOfSatisfying(RegistrationException.class, e -> assertThat(e.problems())
                        .containsOnlyKeys(Registration.Field.PASSWORD));

        assertThat(accounts.count()).isEqualTo(accountsBefore);
        assertThat(mails.to("not-an-address")).isEmpty();
        assertThat(mails.to("reg-same@example.jp")).isEmpty();
    }

    @Test
    void an_address_may_register_ten_times_an_hour_then_is_refused_until_the_hour_has_passed() {
        for (int i = 1; i <= 10; i++) {
            registration.register(request("Flood " + i, "reg-flood-" + i + "@example.jp", Locale.ENGLISH), "198.51.100.9");
        }

        assertThatThrownBy(() -> registration.register(request("Flood 11", "reg-flood-11@example.jp", Locale.ENGLISH),
                "198.51.100.9"))
                .isInstanceOfSatisfying(RegistrationException.class, e -> assertThat(e.problems())
                        .isEqualTo(Map.of(Registration.Field.FORM, "register.error.too-many")));
        assertThat(accounts.findByEmailIgnoreCase("reg-flood-11@example.jp")).isEmpty();
        registration.register(request("Elsewhere", "reg-elsewhere@example.jp", Locale.ENGLISH), "198.51.100.10");
        assertThat(accounts.findByEmailIgnoreCase("reg-elsewhere@example.jp")).isPresent();

        clock.advance(Duration.ofMinutes(61));

        registration.register(request("Flood 11", "reg-flood-11@example.jp", Locale.ENGLISH), "198.51.100.9");
        assertThat(accounts.findByEmailIgnoreCase("reg-flood-11@example.jp")).isPresent();
    }

    @Test
    void resending_is_limited_too_and_says_nothing_about_unknown_or_confirmed_addresses() {
        users.create("reg-confirmed@example.jp", Role.LEARNER);

        registration.resend("reg-nobody@example.jp", "198.51.100.20");
        registration.resend("reg-confirmed@example.jp", "198.51.100.20");

        assertThat(mails.to("reg-nobody@example.jp")).isEmpty();
        assertThat(mails.to("reg-confirmed@example.jp")).isEmpty();
        for (int i = 3; i <= 10; i++) {
            registration.resend("reg-nobody@example.jp", "198.51.100.20");
        }
        assertThatThrownBy(() -> registration.resend("reg-nobody@example.jp", "198.51.100.20"))
                .isInstanceOfSatisfying(RegistrationException.class, e -> assertThat(e.problems())
                        .containsOnlyKeys(Registration.Field.FORM));
        assertThatThrownBy(() -> registration.resend("no address", "198.51.100.21"))
                .isInstanceOfSatisfying(RegistrationException.class, e -> assertThat(e.problems())
                        .isEqualTo(Map.of(Registration.Field.EMAIL, "users.error.email-invalid")));
    }

    @Test
    void accounts_an_administrator_creates_need_no_confirmation() {
        users.loginAs("reg-admin@example.jp", Role.TRAINING_ADMIN);

        administration.create(new UserAdministration.NewUser("reg-hired@example.jp", "Hired Person", null, Set.of(Role.LEARNER)));

        assertThat(users.find("reg-hired@example.jp").isEmailVerified()).isTrue();
    }

    private static Registration.Request request(String name, String email, Locale language) {
        return new Registration.Request(name, email, PASSWORD, PASSWORD, language);
    }

    private MvcResult login(String email, String password) throws Exception {
        return mvc.perform(formLogin("/login").user(email).password(password)).andReturn();
    }

    private static Object failureOf(MvcResult result) {
        return result.getRequest().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }

    private List<AuditEntry> audit(AuditAction action) {
        users.loginAs("reg-auditor@example.jp", Role.AUDITOR);
        try {
            return auditLog.recent(action, 200);
        } finally {
            TestUsers.logout();
        }
    }
}
