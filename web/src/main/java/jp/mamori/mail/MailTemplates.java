package jp.mamori.mail;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The mail texts in {@code mail/templates_ja.properties} and {@code mail/templates_en.properties}: each template is a
 * pair of keys {@code <template>.subject} and {@code <template>.body}, with MessageFormat parameters {0}, {1}, ...
 */
@Component
class MailTemplates {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    MailTemplates() {
        messages.setBasename("mail/templates");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        // A template missing in one language is a bug to report, not a reason to mail the server's language.
        messages.setFallbackToSystemLocale(false);
        // The same apostrophe rules with and without parameters.
        messages.setAlwaysUseMessageFormat(true);
    }

    RenderedMail render(String template, Locale language, Object... params) {
        try {
            return new RenderedMail(messages.getMessage(template + ".subject", params, language),
                    messages.getMessage(template + ".body", params, language));
        } catch (NoSuchMessageException e) {
            throw new IllegalArgumentException("mail template '" + template + "' has no subject or body in "
                    + language.getLanguage() + " (mail/templates_" + language.getLanguage() + ".properties)", e);
        }
    }
}
