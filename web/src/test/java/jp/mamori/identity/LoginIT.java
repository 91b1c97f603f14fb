package jp.mamori.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditEntry;
import jp.mamori.evidence.AuditLog;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import jp.mamori.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Form login through the real security filter chain: success, failure, lockout, unlock, audit trail. */
@MamoriIntegrationTest
class LoginIT {

    @Autowired
    WebApplicationContext context;
    @Autowired
    TestUsers users;
    @Autowired
    UserAdministration administration;
    @Autowired
    AuditLog auditLog;
    @Autowired
    MutableClock clock;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        TestUsers.logout();
    }

    @Test
    void the_right_password_logs_in_and_is_audited() throws Exception {
        users.create("login-ok@example.jp", Role.LEARNER);

        MvcResult result = login("login-ok@example.jp", TestUsers.PASSWORD);

        assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
        assertThat(audit(AuditAction.LOGIN)).anyMatch(e -> "login-ok@example.jp".equals(e.actor()));
    }

    /**
     * More people than database connections log in at the same moment (a class starting an exam at nine): everyone
     * gets in, whatever the letter case they type, and a wrong password among them counts only on its own account.
     * Found by the exam load benchmark: the locking lookup scanned and locked every account, so logins queued and the
     * pool ran dry.
     */
    @Test
    void a_rush_of_logins_at_the_same_moment_all_get_in() throws Exception {
        List<String> emails = IntStream.range(0, 24).mapToObj(i -> "login-rush-" + i + "@example.jp").toList();
        emails.forEach(email -> users.create(email, Role.LEARNER));
        CyclicBarrier together = new CyclicBarrier(emails.size());
        List<Future<MvcResult>> logins = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(emails.size())) {
            for (int i = 0; i < emails.size(); i++) {
                String typed = i % 2 == 0 ? emails.get(i) : emails.get(i).toUpperCase(Locale.ROOT);
                String password = i == 5 ? "not the password" : TestUsers.PASSWORD;
                logins.add(threads.submit(() -> {
                    together.await();
                    return login(typed, password);
                }));
            }
            for (int i = 0; i < emails.size(); i++) {
                String redirect = logins.get(i).get(60, TimeUnit.SECONDS).getResponse().getRedirectedUrl();
                assertThat(redirect).as(emails.get(i)).isEqualTo(i == 5 ? "/login?error" : "/");
            }
        }
        assertThat(users.find(emails.get(5)).getFailedLogins()).isEqualTo(1);
        assertThat(users.find(emails.get(4)).getFailedLogins()).isZero();
    }

    @Test
    void passwords_are_stored_as_argon2id_with_the_agreed_parameters() {
        users.create("login-hash@example.jp", Role.LEARNER);

        assertThat(users.find("login-hash@example.jp").getPasswordHash()).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void a_wrong_password_fails_with_bad_credentials_and_is_audited() throws Exception {
        users.create("login-wrong@example.jp", Role.LEARNER);

        MvcResult result = login("login-wrong@example.jp", "not the password");

        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login?error");
        assertThat(failureOf(result)).isInstanceOf(BadCredentialsException.class);
        assertThat(audit(AuditAction.LOGIN_FAILED)).anyMatch(e -> "login-wrong@example.jp".equals(e.actor()));
    }

    @Test
    void an_unknown_account_fails_like_a_wrong_password() throws Exception {
        MvcResult result = login("nobody@example.jp", "whatever it is");

        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login?error");
        assertThat(failureOf(result)).isInstanceOf(BadCredentialsException.class);
        assertThat(audit(AuditAction.LOGIN_FAILED)).anyMatch(e -> "nobody@example.jp".equals(e.actor())
                && "unknown account".equals(e.detail()));
    }

    @Test
    void ten_failures_within_fifteen_minutes_lock_the_account_even_against_the_right_password() throws Exception {
        users.create("login-lock@example.jp", Role.LEARNER);
        for (int i = 1; i <= 9; i++) {
            login("login-lock@example.jp", "wrong " + i);
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(users.find("login-lock@example.jp").isLocked(clock.instant())).isFalse();

        login("login-lock@example.jp", "wrong 10");

        assertThat(users.find("login-lock@example.jp").isLocked(clock.instant())).isTrue();
        assertThat(failureOf(login("login-lock@example.jp", TestUsers.PASSWORD))).isInstanceOf(LockedException.class);
        assertThat(audit(AuditAction.ACCOUNT_LOCKED)).anyMatch(e -> "login-lock@example.jp".equals(e.target()));
    }

    @Test
    void failures_spread_over_more_than_fifteen_minutes_do_not_lock() throws Exception {
        users.create("login-slow@example.jp", Role.LEARNER);

        for (int i = 1; i <= 12; i++) {
            login("login-slow@example.jp", "wrong " + i);
            clock.advance(Duration.ofMinutes(4));
        }

        assertThat(users.find("login-slow@example.jp").isLocked(clock.instant())).isFalse();
    }

    @Test
    void a_lock_ends_by_itself_after_thirty_minutes() throws Exception {
        lock("login-wait@example.jp");

        clock.advance(Duration.ofMinutes(31));

        assertThat(login("login-wait@example.jp", TestUsers.PASSWORD).getResponse().getRedirectedUrl()).doesNotContain("error");
    }

    @Test
    void an_administrator_unlocks_at_once_and_it_is_audited() throws Exception {
        long id = lock("login-unlock@example.jp");
        users.loginAs("login-admin@example.jp", Role.TRAINING_ADMIN);

        administration.unlock(id);

        TestUsers.logout();
        assertThat(login("login-unlock@example.jp", TestUsers.PASSWORD).getResponse().getRedirectedUrl()).doesNotContain("error");
        assertThat(audit(AuditAction.ACCOUNT_UNLOCKED)).anyMatch(e -> "login-unlock@example.jp".equals(e.target())
                && "login-admin@example.jp".equals(e.actor()));
    }

    private long lock(String email) throws Exception {
        long id = users.create(email, Role.LEARNER);
        for (int i = 1; i <= 10; i++) {
            login(email, "wrong " + i);
        }
        assertThat(users.find(email).isLocked(clock.instant())).isTrue();
        return id;
    }

    private MvcResult login(String email, String password) throws Exception {
        return mvc.perform(formLogin("/login").user(email).password(password)).andReturn();
    }

    private static Object failureOf(MvcResult result) {
        return result.getRequest().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }

    private java.util.List<AuditEntry> audit(AuditAction action) {
        users.loginAs("login-auditor@example.jp", Role.AUDITOR);
        try {
            return auditLog.recent(action, 200);
        } finally {
            TestUsers.logout();
        }
    }
}
