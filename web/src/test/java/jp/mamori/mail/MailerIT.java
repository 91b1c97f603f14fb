package jp.mamori.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import jp.mamori.identity.TestUsers;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** Without SMTP, mail goes to the outbox; only the PMS office and operators read the mail log. */
@MamoriIntegrationTest
class MailerIT {

    @Autowired
    Mailer mailer;
    @Autowired
    MailLog mailLog;
    @Autowired
    TestUsers users;

    @Test
    void without_smtp_a_mail_is_kept_in_the_outbox_with_its_text_in_the_language_asked_for() {
        MailStatus status = mailer.send("outbox-reader@example.jp", Locale.ENGLISH, "registration.verify", "Reader",
                "http://localhost:8080/verify-email/abc");

        assertThat(status).isEqualTo(MailStatus.OUTBOX);
        users.loginAs("outbox-admin@example.jp", Role.TRAINING_ADMIN);
        assertThat(mailLog.recent(50)).filteredOn(m -> m.recipient().equals("outbox-reader@example.jp")).singleElement()
                .satisfies(m -> {
                    assertThat(m.language()).isEqualTo("en");
                    assertThat(m.status()).isEqualTo(MailStatus.OUTBOX);
                    assertThat(m.subject()).isEqualTo("[Mamori] Confirm your e-mail address");
                    assertThat(m.body()).contains("Dear Reader,", "http://localhost:8080/verify-email/abc");
                });
    }

    @Test
    void a_language_mamori_does_not_speak_gets_the_japanese_text() {
        mailer.send("outbox-french@example.jp", Locale.FRENCH, "registration.verify", "Marie", "http://x/verify-email/y");

        users.loginAs("outbox-admin@example.jp", Role.SYSTEM_ADMIN);
        assertThat(mailLog.recent(50)).filteredOn(m -> m.recipient().equals("outbox-french@example.jp")).singleElement()
                .satisfies(m -> assertThat(m.subject()).isEqualTo("【Mamori】メールアドレスの確認"));
    }

    @Test
    void the_mail_log_is_open_to_training_and_system_administrators_only_even_when_called_directly() {
        for (Role role : Role.values()) {
            users.loginAs("outbox-" + role.name().toLowerCase(Locale.ROOT) + "@example.jp", role);
            if (role == Role.TRAINING_ADMIN || role == Role.SYSTEM_ADMIN) {
                assertThatCode(() -> mailLog.recent(10)).as(role.name()).doesNotThrowAnyException();
            } else {
                assertThatThrownBy(() -> mailLog.recent(10)).as(role.name()).isInstanceOf(AuthorizationDeniedException.class);
            }
        }
        TestUsers.logout();
        assertThatThrownBy(() -> mailLog.recent(10)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
