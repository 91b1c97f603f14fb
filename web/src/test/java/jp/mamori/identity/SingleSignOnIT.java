package jp.mamori.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;
import jp.mamori.shared.Role;
import jp.mamori.support.MutableClock;
import oidcprovider.OpenIdProvider;
import jp.mamori.support.ClearSecurityContext;
import jp.mamori.support.TestClockConfiguration;
import jp.mamori.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Single sign-on end to end over real HTTP against a real OpenID provider (Spring Authorization Server, started by
 * the test): the authorization code flow with PKCE, the ID token checked by Spring Security, accounts matched by
 * e-mail address or created just in time, and the refusals the login page explains.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
@Import(TestClockConfiguration.class)
@TestExecutionListeners(listeners = ClearSecurityContext.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class SingleSignOnIT {

    static final OpenIdProvider PROVIDER = OpenIdProvider.start(
            person("hanako", "Hanako.Sato@Example.jp", true, "佐藤 花子", "SALES"),
            person("taro", "taro.admin@example.jp", true, "Taro", null),
            person("leaver", "leaver@example.jp", true, "Leaver", null),
            person("unverified", "unverified@example.jp", false, "Unverified", null),
            new OpenIdProvider.Person("nomail", Map.of("name", "No Mail")));

    @DynamicPropertySource
    static void sso(DynamicPropertyRegistry registry) {
        registry.add("mamori.sso.issuer-uri", PROVIDER::issuer);
        registry.add("mamori.sso.client-id", () -> OpenIdProvider.CLIENT_ID);
        registry.add("mamori.sso.client-secret", () -> "client secret");
        registry.add("mamori.sso.department-claim", () -> "department");
        registry.add("mamori.sso.provider-name", () -> "Example ID");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    UserAdministration administration;
    @Autowired
    PasswordConfirmation confirmation;
    @Autowired
    MutableClock clock;

    @BeforeEach
    void provider() {
        PROVIDER.redirectTo(app("/login/oauth2/code/sso").toString());
        PROVIDER.clientSecret("client secret");
        if (jdbc.sql("select count(*) from department where code = 'SALES'").query(Long.class).single() == 0) {
            jdbc.sql("insert into department (code, name, created_at) values ('SALES', '営業部', now(6))").update();
        }
    }

    @Test
    void a_new_person_gets_a_learner_account_in_the_department_the_provider_names_and_a_second_login_reuses_it() throws Exception {
        RedirectingBrowser browser = new RedirectingBrowser();
        HttpResponse<String> landed = logIn(browser, "hanako");

        assertThat(landed.uri()).isEqualTo(app("/"));
        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(browser.visited).anySatisfy(uri -> assertThat(uri.toString())
                .startsWith(PROVIDER.issuer() + "/oauth2/authorize").contains("code_challenge=").contains("nonce="));
        var account = jdbc.sql("""
                select u.id, u.display_name, d.code, u.password_hash, u.email_verified_at is not null verified
                from app_user u left join department d on d.id = u.department_id where u.email = 'Hanako.Sato@Example.jp'""")
                .query((rs, row) -> Map.of("id", rs.getLong(1), "name", rs.getString(2), "department", rs.getString(3),
                        "password", String.valueOf(rs.getString(4)), "verified", rs.getBoolean(5))).single();
        assertThat(account).containsEntry("name", "佐藤 花子").containsEntry("department", "SALES")
                .containsEntry("password", "null").containsEntry("verified", true);
        assertThat(roles((Long) account.get("id"))).containsExactly("LEARNER");
        assertThat(audit("USER_CREATED", "Hanako.Sato@Example.jp")).contains("just in time at single sign-on, LEARNER, department SALES");
        assertThat(audit("LOGIN", "Hanako.Sato@Example.jp")).contains("single sign-on");

        logIn(new RedirectingBrowser(), "hanako");
        assertThat(jdbc.sql("select count(*) from app_user where lower(email) = 'hanako.sato@example.jp'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void the_session_after_single_sign_on_is_logged_in_and_an_anonymous_one_is_not() throws Exception {
        RedirectingBrowser browser = new RedirectingBrowser();
        logIn(browser, "hanako");
        HttpResponse<String> loggedIn = browser.open(app("/learner"));
        HttpResponse<String> anonymous = new RedirectingBrowser().open(app("/learner"));

        assertThat(loggedIn.uri()).isEqualTo(app("/learner"));
        assertThat(anonymous.uri().getPath()).isEqualTo("/login");
    }

    @Test
    void an_existing_account_is_matched_by_address_in_any_case_and_keeps_its_roles() throws Exception {
        long id = users.create("Taro.Admin@example.jp", Role.TRAINING_ADMIN);

        HttpResponse<String> landed = logIn(new RedirectingBrowser(), "taro");

        assertThat(landed.uri()).isEqualTo(app("/"));
        assertThat(jdbc.sql("select count(*) from app_user where lower(email) = 'taro.admin@example.jp'").query(Long.class).single()).isEqualTo(1);
        assertThat(roles(id)).containsExactly("TRAINING_ADMIN");
        assertThat(audit("LOGIN", "Taro.Admin@example.jp")).contains("single sign-on");
    }

    @Test
    void a_deactivated_account_is_refused_and_the_login_page_says_why() throws Exception {
        long id = users.create("leaver@example.jp", Role.LEARNER);
        users.loginAs("people-admin@example.jp", Role.TRAINING_ADMIN);
        administration.deactivate(id);
        TestUsers.logout();

        HttpResponse<String> landed = logIn(new RedirectingBrowser(), "leaver");

        assertThat(landed.uri()).isEqualTo(app("/login?sso=deactivated"));
        assertThat(audit("LOGIN_FAILED", "leaver@example.jp")).contains("single sign-on: account deactivated");
    }

    @Test
    void an_address_the_provider_has_not_verified_or_no_address_at_all_creates_nothing() throws Exception {
        assertThat(logIn(new RedirectingBrowser(), "unverified").uri()).isEqualTo(app("/login?sso=email-not-verified"));
        assertThat(logIn(new RedirectingBrowser(), "nomail").uri()).isEqualTo(app("/login?sso=no-email"));
        assertThat(jdbc.sql("select count(*) from app_user where email in ('unverified@example.jp')").query(Long.class).single()).isZero();
    }

    @Test
    void a_wrong_client_secret_fails_the_login_with_a_plain_message_and_creates_nothing() throws Exception {
        PROVIDER.clientSecret("another secret");
        long before = jdbc.sql("select count(*) from app_user").query(Long.class).single();

        HttpResponse<String> landed = logIn(new RedirectingBrowser(), "hanako");

        assertThat(landed.uri()).isEqualTo(app("/login?sso=failed"));
        assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void re_authentication_asks_the_provider_for_a_fresh_login_and_returns_to_the_page_it_came_from() throws Exception {
        RedirectingBrowser browser = new RedirectingBrowser();
        logIn(browser, "hanako");
        browser.visited.clear();

        HttpResponse<String> back = browser.open(app("/" + SsoLogin.reauthenticationPath("/declarations/pi-free-devices?corrects=7")));
        if (back.uri().toString().equals(PROVIDER.issuer() + "/login")) {
            browser.logInAtProvider(back.uri(), "hanako", OpenIdProvider.PASSWORD);
        }

        assertThat(browser.visited).anySatisfy(uri -> assertThat(uri.toString())
                .startsWith(PROVIDER.issuer() + "/oauth2/authorize").contains("prompt=login", "max_age=0"));
        assertThat(browser.visited).contains(app("/declarations/pi-free-devices?corrects=7"));
    }

    @Test
    void a_return_address_outside_the_application_is_ignored() throws Exception {
        RedirectingBrowser browser = new RedirectingBrowser();
        logIn(browser, "hanako");
        browser.visited.clear();

        browser.open(app("/oauth2/authorization/sso?reauthenticate&return=//evil.example/steal"));

        assertThat(browser.visited).noneMatch(uri -> uri.toString().contains("evil.example") && !uri.getPath().startsWith("/oauth2"));
        assertThat(browser.visited).contains(app("/"));
        assertThat(SsoLogin.isLocalPath("/declarations/x")).isTrue();
        assertThat(SsoLogin.isLocalPath("https://evil.example/")).isFalse();
        assertThat(SsoLogin.isLocalPath("/\\evil.example")).isFalse();
    }

    @Test
    void after_single_sign_on_signing_is_confirmed_by_a_recent_provider_login_not_by_a_password() {
        Instant now = clock.instant();
        users.loginThroughProviderAs("signer@example.jp", now, Role.EXAMINER);
        try {
            assertThat(confirmation.throughProvider()).isTrue();
            assertThat(confirmation.confirms(null)).isTrue();
            assertThat(confirmation.providerConfirmationValidUntil()).contains(now.plus(Duration.ofMinutes(5)));

            clock.advance(Duration.ofMinutes(6));

            assertThat(confirmation.providerConfirmationValidUntil()).isEmpty();
            assertThat(confirmation.confirms("any typed password")).isFalse();
            assertThat(audit("LOGIN_FAILED", "signer@example.jp")).contains("re-authentication to sign: no recent single sign-on");
        } finally {
            clock.reset();
            TestUsers.logout();
        }
    }

    private HttpResponse<String> logIn(RedirectingBrowser browser, String username) throws Exception {
        HttpResponse<String> providerLogin = browser.open(app("/oauth2/authorization/sso"));
        assertThat(providerLogin.uri().toString()).as("visited %s", browser.visited).isEqualTo(PROVIDER.issuer() + "/login");
        return browser.logInAtProvider(providerLogin.uri(), username, OpenIdProvider.PASSWORD);
    }

    private URI app(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private java.util.List<String> roles(long userId) {
        return jdbc.sql("select role from user_role where user_id = ?").param(userId).query(String.class).list();
    }

    private java.util.List<String> audit(String action, String actor) {
        return jdbc.sql("select coalesce(detail, '') from audit_log where action = ? and (actor = ? or target = ?) order by id")
                .params(action, actor, actor).query(String.class).list();
    }

    private static OpenIdProvider.Person person(String username, String email, boolean verified, String name, String department) {
        Map<String, Object> claims = new java.util.HashMap<>(Map.of("email", email, "email_verified", verified, "name", name));
        if (department != null) {
            claims.put("department", department);
        }
        return new OpenIdProvider.Person(username, claims);
    }
}
