package jp.mamori.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import jp.mamori.questionbank.Problem;
import org.junit.jupiter.api.Test;

/** Declaration files: the three bundled ones read cleanly, and each kind of mistake is named with its line. */
class DeclarationReaderTest {

    private final DeclarationReader reader = new DeclarationReader();

    @Test
    void the_bundled_declarations_read_without_problems() {
        DeclarationReader.Result result = reader.readAll(Path.of("src/main/resources/declarations"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.declarations()).extracting(Declaration::id)
                .containsExactly("no-private-devices", "past-material-destroyed", "rules-read");
        Declaration disposal = result.declarations().get(1);
        assertThat(disposal.fact("disposal-date")).hasValueSatisfying(f -> assertThat(f.notInFuture()).isTrue());
        assertThat(disposal.fact("disposal-method")).hasValueSatisfying(f -> {
            assertThat(f.multiple()).isTrue();
            assertThat(f.choices()).hasSizeGreaterThanOrEqualTo(2);
        });
        assertThat(disposal.fact("disposal-method-other").flatMap(Declaration.Fact::requiredIf))
                .hasValueSatisfying(condition -> assertThat(condition).containsExactly("disposal-method", "other"));
    }

    @Test
    void each_mistake_is_named_with_file_and_line() {
        String bad = """
                id: wrong-name
                version: 1
                title: {ja: 題}
                intro: {ja: 説明}
                statements:
                  - id: one
                    ja: 一つ目
                  - id: one
                    ja: 二つ目
                facts:
                  - id: when
                    label: {ja: 日付}
                    type: time
                    required: true
                  - id: how
                    label: {ja: 方法}
                    type: choice
                    required: yes
                    choices:
                      - id: only
                        label: {ja: ひとつ}
                  - id: note
                    label: {ja: メモ}
                    type: text
                    required: false
                    rule: required-if how=missing
                """;

        DeclarationReader.Result result = reader.read("demo.yaml", bad);

        assertThat(result.declarations()).isEmpty();
        assertThat(result.problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
                "demo.yaml:1: id wrong-name must equal the file name (wrong-name.yaml)",
                "demo.yaml:8: a statement: id one is used twice",
                "demo.yaml:11: fact when: type must be date, text or choice, not time",
                "demo.yaml:15: fact how: required must be true or false",
                "demo.yaml:15: fact how: a choice needs two or more choices",
                "demo.yaml:1: fact note: required-if names how=missing, which is not a choice of another fact");
    }
}
