package jp.mamori.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Duration;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import jp.mamori.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * One address failing many logins is stopped before passwords are checked; other addresses are not affected, and
 * successful logins (a whole exam hall behind one address) do not count.
 */
@MamoriIntegrationTest
@TestPropertySource(properties = {"mamori.security.login-rate-limit.max-failures=3", "mamori.security.login-rate-limit.window=PT5M"})
class LoginRateLimitIT {

    @Autowired
    WebApplicationContext context;
    @Autowired
    TestUsers users;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void after_three_failures_an_address_is_refused_even_with_the_right_password_until_the_window_has_passed() throws Exception {
        users.create("rate-limited@example.jp", Role.LEARNER);
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();

        for (int i = 0; i < 5; i++) {
            mvc.perform(login("rate-limited@example.jp", TestUsers.PASSWORD, "198.51.100.7")).andExpect(redirectedUrl("/"));
        }
        for (String account : new String[] {"someone@example.jp", "someone-else@example.jp", "third@example.jp"}) {
            mvc.perform(login(account, "guess", "198.51.100.7")).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(login("rate-limited@example.jp", TestUsers.PASSWORD, "198.51.100.7")).andExpect(redirectedUrl("/login?too-many"));
        mvc.perform(login("rate-limited@example.jp", TestUsers.PASSWORD, "198.51.100.8")).andExpect(redirectedUrl("/"));

        assertThat(jdbc.sql("select detail from audit_log where action = 'LOGIN_FAILED' and actor = 'rate-limited@example.jp'")
                .query(String.class).list()).containsExactly("too many failed logins from this address");
        assertThat(jdbc.sql("select failed_logins from app_user where email = 'rate-limited@example.jp'").query(Integer.class).single())
                .as("the refused attempt did not reach the password check").isZero();

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        mvc.perform(login("rate-limited@example.jp", TestUsers.PASSWORD, "198.51.100.7")).andExpect(redirectedUrl("/"));
    }

    private static MockHttpServletRequestBuilder login(String email, String password, String address) {
        return post("/login").param("username", email).param("password", password).with(request -> {
            request.setRemoteAddr(address);
            return request;
        });
    }
}
