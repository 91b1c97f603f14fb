package jp.mamori.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import jp.mamori.mail.MailEntry;
import jp.mamori.mail.MailStatus;
import jp.mamori.mail.Mailer;
import jp.mamori.mail.TestMails;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** With an SMTP server configured (GreenMail here) registration mail really goes out, in the person's language. */
@MamoriIntegrationTest
class RegistrationMailIT {

    private static final String PASSWORD = "a long enough secret";
    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    Registration registration;
    @Autowired
    Mailer mailer;
    @Autowired
    TestMails mails;
    @Autowired
    TestUsers users;
    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void a_japanese_candidate_receives_the_link_in_japanese_and_after_opening_it_logs_in() throws Exception {
        registration.register(new Registration.Request("山田 太郎", "smtp-ja@example.jp", PASSWORD, PASSWORD, Locale.JAPANESE),
                "203.0.113.1");

        MimeMessage mail = received("smtp-ja@example.jp");
        assertThat(mail.getSubject()).isEqualTo("【Mamori】メールアドレスの確認");
        String body = (String) mail.getContent();
        assertThat(body).contains("山田 太郎 様", "24時間");
        assertThat(login("smtp-ja@example.jp")).contains("/login?error");

        assertThat(registration.verify(TestMails.verificationToken(body))).isEqualTo(Registration.Verification.VERIFIED);

        assertThat(login("smtp-ja@example.jp")).doesNotContain("error");
    }

    @Test
    void an_english_candidate_receives_the_link_in_english_and_after_opening_it_logs_in() throws Exception {
        registration.register(new Registration.Request("Jane Smith", "smtp-en@example.jp", PASSWORD, PASSWORD, Locale.ENGLISH),
                "203.0.113.2");

        MimeMessage mail = received("smtp-en@example.jp");
        assertThat(mail.getSubject()).isEqualTo("[Mamori] Confirm your e-mail address");
        String body = (String) mail.getContent();
        assertThat(body).contains("Dear Jane Smith,", "24 hours");

        assertThat(registration.verify(TestMails.verificationToken(body))).isEqualTo(Registration.Verification.VERIFIED);

        assertThat(login("smtp-en@example.jp")).doesNotContain("error");
    }

    @Test
    void sent_mail_is_logged_without_its_text_and_nothing_goes_to_the_outbox() throws Exception {
        registration.register(new Registration.Request("Logged Once", "smtp-log@example.jp", PASSWORD, PASSWORD, Locale.ENGLISH),
                "203.0.113.3");
        received("smtp-log@example.jp");

        List<MailEntry> logged = mails.to("smtp-log@example.jp");

        assertThat(logged).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(MailStatus.SENT);
            assertThat(entry.template()).isEqualTo("registration.verify");
            assertThat(entry.subject()).isEqualTo("[Mamori] Confirm your e-mail address");
            assertThat(entry.body()).isNull();
        });
    }

    @Test
    void an_already_registered_address_receives_the_you_have_an_account_mail_in_its_own_language() throws Exception {
        users.create("smtp-known@example.jp", Role.CANDIDATE);

        registration.register(new Registration.Request("Impostor", "smtp-known@example.jp", PASSWORD, PASSWORD, Locale.JAPANESE),
                "203.0.113.4");

        MimeMessage mail = received("smtp-known@example.jp");
        assertThat(mail.getSubject()).isEqualTo("【Mamori】アカウントはすでに登録されています");
        assertThat((String) mail.getContent()).contains("Test smtp-known@example.jp 様", "新しいアカウントは作成していません")
                .doesNotContain("Impostor");
    }

    @Test
    void a_mail_that_cannot_be_sent_is_logged_as_failed_with_the_reason() {
        MailStatus status = mailer.send("not an address", Locale.ENGLISH, "registration.verify", "Nobody", "http://x/verify-email/y");

        assertThat(status).isEqualTo(MailStatus.FAILED);
        assertThat(mails.to("not an address")).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(MailStatus.FAILED);
            assertThat(entry.detail()).isNotBlank();
        });
    }

    /** The one message delivered to this address (delivery is synchronous; the wait only guards a slow server). */
    private static MimeMessage received(String address) throws Exception {
        SMTP.waitForIncomingEmail(5_000, 1);
        List<MimeMessage> to = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> sentTo(m, address)).toList();
        assertThat(to).as("mail to " + address).hasSize(1);
        return to.getFirst();
    }

    private static boolean sentTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String login(String email) throws Exception {
        return mvc.perform(formLogin("/login").user(email).password(PASSWORD)).andReturn().getResponse().getRedirectedUrl();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
