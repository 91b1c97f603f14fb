package jp.mamori.mail;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import jp.mamori.shared.i18n.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Sends a mail from a template in the recipient's language. With an SMTP server configured ({@code spring.mail.host},
 * which is what makes Spring Boot create the {@link JavaMailSender}) the mail goes out through it; without one it
 * goes to the outbox, where administrators can read it. Every mail is logged either way.
 */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> smtp;
    private final MailTemplates templates;
    private final MailLog mailLog;
    private final String from;

    Mailer(ObjectProvider<JavaMailSender> smtp, MailTemplates templates, MailLog mailLog,
           @Value("${mamori.mail.from:Mamori <no-reply@mamori.invalid>}") String from) {
        this.smtp = smtp;
        this.templates = templates;
        this.mailLog = mailLog;
        this.from = from;
        if (smtp.getIfAvailable() == null) {
            log.info("No SMTP server configured (spring.mail.host): mail is kept in the outbox (admin/outbox)");
        }
    }

    /**
     * Fills {@code template} in {@code language} (Japanese when the language is not one Mamori speaks) and sends it.
     * Never throws for a delivery problem: a failure is logged and reported as {@link MailStatus#FAILED}. Open to
     * every caller, logged in or not, since visitors who register get mail too.
     */
    @PreAuthorize("permitAll()")
    public MailStatus send(String recipient, Locale language, String template, Object... params) {
        Locale lang = language == null ? Languages.JAPANESE
                : Languages.supported(language.toLanguageTag()).orElse(Languages.JAPANESE);
        RenderedMail mail = templates.render(template, lang, params);
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            mailLog.outboxed(recipient, lang, template, mail);
            return MailStatus.OUTBOX;
        }
        try {
            sender.send(message -> prepare(message, recipient, mail));
        } catch (MailException e) {
            // The recipient and the server's message (which often quotes the address) go to the mail log, not here.
            log.warn("Mail '{}' was not sent ({}); see the mail log", template, e.getClass().getSimpleName());
            mailLog.logged(recipient, lang, template, mail, MailStatus.FAILED, e.getMessage());
            return MailStatus.FAILED;
        }
        mailLog.logged(recipient, lang, template, mail, MailStatus.SENT, null);
        return MailStatus.SENT;
    }

    private void prepare(MimeMessage message, String recipient, RenderedMail mail) throws jakarta.mail.MessagingException {
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(recipient);
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), false);
    }
}
