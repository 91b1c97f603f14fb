package jp.mamori.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The application log (which operators ship to log stores with wider access than Mamori's audit log) names actions
 * and record numbers, never the people: logins, failed logins, registrations with their mail, accounts created by an
 * administrator and role changes leave no e-mail address or name in it. The audit logger is at INFO here, as in
 * production, so its lines are in the captured output.
 */
@MamoriIntegrationTest
@TestPropertySource(properties = "logging.level.jp.mamori.audit=info")
@ExtendWith(OutputCaptureExtension.class)
class NoPersonalDataInLogsIT {

    private static final List<String> PERSONAL = List.of("log-known@example.jp", "log-unknown@example.jp",
            "log-register@example.jp", "log-created@example.jp", "ログ 太郎", "Log Registrant");

    @Autowired
    WebApplicationContext context;
    @Autowired
    TestUsers users;
    @Autowired
    Registration registration;
    @Autowired
    UserAdministration administration;

    @AfterEach
    void logout() {
        TestUsers.logout();
    }

    @Test
    void logins_registrations_and_administration_leave_no_address_or_name_in_the_log(CapturedOutput output) throws Exception {
        users.create("log-known@example.jp", Role.LEARNER);
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        mvc.perform(post("/login").param("username", "log-known@example.jp").param("password", "wrong password"));
        mvc.perform(post("/login").param("username", "log-unknown@example.jp").param("password", "wrong password"));
        mvc.perform(post("/login").param("username", "log-known@example.jp").param("password", TestUsers.PASSWORD));
        registration.register(new Registration.Request("Log Registrant", "log-register@example.jp",
                "a long enough passphrase", "a long enough passphrase", Locale.ENGLISH), "192.0.2.7");
        users.loginAs("log-admin@example.jp", Role.TRAINING_ADMIN);
        administration.create(new UserAdministration.NewUser("log-created@example.jp", "ログ 太郎", null, Set.of(Role.LEARNER)));

        String log = output.getAll();
        assertThat(log).as("the audit lines are there").contains("audit LOGIN_FAILED (audit_log #", "audit LOGIN (audit_log #",
                "audit REGISTRATION_REQUESTED (audit_log #", "audit USER_CREATED (audit_log #");
        assertThat(PERSONAL).allSatisfy(personal -> assertThat(log).doesNotContainIgnoringCase(personal));
    }
}
