package jp.mamori;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.ChainVerification;
import jp.mamori.identity.ImportFile;
import jp.mamori.identity.PlannedChange;
import jp.mamori.shared.Role;
import org.junit.jupiter.api.Test;

/** Japanese and English carry the same keys, and every key the code asks for exists. */
class TranslationsTest {

    private static final Pattern LITERAL_KEY = Pattern.compile(
            "(?:getTranslation|title =|titleKey\\(\\) \\{\\s*return|showNotice|show)\\(?\\s*\"([a-z][a-z0-9.-]+\\.[a-z0-9.-]+)\"");
    /** Personal home pages name a key prefix; the page reads {@code <prefix>.title} and {@code <prefix>.intro}. */
    private static final Pattern HOME_PREFIX = Pattern.compile("super\\(ledger, \"([a-z.]+)\"\\)");
    private static final Pattern ANY_KEY_LITERAL = Pattern.compile("\"((?:users|password|login|error|system|home|import)\\.[a-z0-9.-]+)\"");

    @Test
    void japanese_and_english_have_the_same_keys() {
        Set<String> ja = keys("translations_ja.properties");
        Set<String> en = keys("translations_en.properties");

        assertThat(new TreeSet<>(ja)).as("keys only in Japanese").isEqualTo(new TreeSet<>(en));
        assertThat(ja).isNotEmpty();
    }

    @Test
    void every_key_used_in_the_code_is_translated() throws IOException {
        Set<String> translated = keys("translations_ja.properties");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Set<String> found = new TreeSet<>();
                collect(LITERAL_KEY.matcher(source), found);
                collect(ANY_KEY_LITERAL.matcher(source), found);
                // Prefixes (startsWith("users.error.email"), "evidence.problem." + name) are not keys.
                found.removeIf(key -> key.endsWith(".") || source.contains("startsWith(\"" + key + "\")"));
                Matcher home = HOME_PREFIX.matcher(source);
                while (home.find()) {
                    found.remove(home.group(1));
                    found.add(home.group(1) + ".title");
                    found.add(home.group(1) + ".intro");
                }
                used.addAll(found);
            }
        }
        for (Role role : Role.values()) {
            used.add(role.labelKey());
        }
        for (AuditAction action : AuditAction.values()) {
            used.add(action.labelKey());
        }
        for (PlannedChange.Kind kind : PlannedChange.Kind.values()) {
            used.add(kind.labelKey());
        }
        for (ImportFile file : ImportFile.values()) {
            used.add(file.labelKey());
        }
        for (ChainVerification.Problem problem : ChainVerification.Problem.values()) {
            used.add("evidence.problem." + problem.name());
        }

        assertThat(used).isNotEmpty();
        assertThat(translated).as("keys used in code but missing from the translations").containsAll(used);
    }

    @Test
    void no_text_uses_a_lone_apostrophe_which_message_format_would_swallow() {
        for (String file : new String[] {"translations_ja.properties", "translations_en.properties"}) {
            Properties properties = load(file);
            properties.forEach((key, value) -> assertThat(value.toString().replace("''", ""))
                    .as(file + ": " + key).doesNotContain("'"));
        }
    }

    private static void collect(Matcher matcher, Set<String> into) {
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static Set<String> keys(String file) {
        return load(file).stringPropertyNames();
    }

    private static Properties load(String file) {
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/" + file)) {
            Properties properties = new Properties();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
