package jp.mamori.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every mail template exists in Japanese and English, with a subject and a body, and fills in its parameters. */
class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates();

    @Test
    void japanese_and_english_have_the_same_templates_each_with_subject_and_body() {
        Set<String> ja = load("ja").stringPropertyNames();
        Set<String> en = load("en").stringPropertyNames();

        assertThat(new TreeSet<>(ja)).isEqualTo(new TreeSet<>(en));
        Set<String> names = ja.stream().map(key -> key.substring(0, key.lastIndexOf('.'))).collect(Collectors.toSet());
        assertThat(names).isNotEmpty();
        for (String name : names) {
            assertThat(ja).as(name).contains(name + ".subject", name + ".body");
        }
        assertThat(ja).hasSize(names.size() * 2);
    }

    @Test
    void no_template_uses_a_lone_apostrophe_which_message_format_would_swallow() {
        for (String language : new String[] {"ja", "en"}) {
            load(language).forEach((key, value) -> assertThat(value.toString().replace("''", ""))
                    .as(language + ": " + key).doesNotContain("'"));
        }
    }

    @Test
    void a_template_is_filled_in_the_language_asked_for() {
        RenderedMail ja = templates.render("registration.verify", Locale.JAPANESE, "山田 花子", "https://example.jp/verify-email/abc");
        RenderedMail en = templates.render("registration.verify", Locale.ENGLISH, "Jane", "https://example.jp/verify-email/abc");

        assertThat(ja.subject()).isEqualTo("【Mamori】メールアドレスの確認");
        assertThat(ja.body()).startsWith("山田 花子 様\n\n").contains("\nhttps://example.jp/verify-email/abc\n");
        assertThat(en.subject()).isEqualTo("[Mamori] Confirm your e-mail address");
        assertThat(en.body()).startsWith("Dear Jane,\n").contains("https://example.jp/verify-email/abc");
    }

    @Test
    void an_unknown_template_is_named_in_the_error() {
        assertThatThrownBy(() -> templates.render("no.such", Locale.ENGLISH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'no.such'").hasMessageContaining("templates_en.properties");
    }

    private static Properties load(String language) {
        try (InputStream in = MailTemplatesTest.class.getResourceAsStream("/mail/templates_" + language + ".properties")) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
