package jp.mamori.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * A production start on an empty real database: the first system admin comes from MAMORI_ADMIN_EMAIL
 * with a one-time link in the log, and no demo user is ever created there.
 */
@MamoriIntegrationTest
@TestPropertySource(properties = "mamori.admin-email=First.Admin@Example.jp")
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapIT {

    @Autowired
    UserAccountRepository accounts;
    @Autowired
    PasswordLinks links;
    @Autowired
    AdminBootstrap bootstrap;

    @Test
    void the_first_system_admin_is_created_without_a_password_and_gets_a_link(CapturedOutput output) {
        UserAccount admin = accounts.findByEmailIgnoreCase("first.admin@example.jp").orElseThrow();

        assertThat(admin.getRoles()).containsExactly(Role.SYSTEM_ADMIN);
        assertThat(admin.getPasswordHash()).isNull();
        assertThat(accounts.count()).as("no demo users on a real server").isEqualTo(1);
        assertThat(accounts.findByEmailIgnoreCase("learner@demo.mamori.jp")).isEmpty();
        bootstrap.run(null);
        assertThat(accounts.count()).as("a second start creates nobody").isEqualTo(1);
    }

    @Test
    void the_link_printed_at_start_up_sets_the_password_once(CapturedOutput output) {
        Matcher printed = Pattern.compile("set-password\\?token=([A-Za-z0-9_-]+)").matcher(output.getAll());
        assertThat(printed.find()).as("start-up log holds the one-time link").isTrue();
        String token = printed.group(1);

        assertThat(links.accountFor(token)).contains("first.admin@example.jp");
        assertThat(links.setPassword(token, "a strong first password")).isEmpty();
        assertThat(links.setPassword(token, "a second strong password")).contains("password.error.link-invalid");
        assertThat(accounts.findByEmailIgnoreCase("first.admin@example.jp").orElseThrow().getPasswordHash()).startsWith("{argon2}");
    }
}
