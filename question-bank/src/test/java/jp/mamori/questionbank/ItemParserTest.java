package jp.mamori.questionbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemParserTest {

    private final ItemParser parser = new ItemParser();

    private static final String GOOD = """
            items:
              - id: demo-01
                version: 2
                domain: demo
                difficulty: 1
                type: single
                stem:
                  ja: 正しいものはどれか。
                  en: Which is right?
                options:
                  - id: a
                    text: {ja: 正しい答え}
                  - id: b
                    text: {ja: 誤った答え}
                    why: {ja: 誤りである理由}
                  - id: c
                    text: {ja: もう一つの誤り}
                    why: {ja: これも誤り}
                key: [a]
                rationale: {ja: 正しい理由}
                reference: seed 003
                as_of: 2026-11-01
                status: active
              - id: demo-02
                version: 1
                domain: demo
                difficulty: 2
                type: true_false
                stem: {ja: これは正しい。}
                key: false
                rationale: {ja: 誤りである理由}
                reference: 個人情報保護法 第26条
                as_of: 2026-11-01
                status: draft
            """;

    @Test
    void a_well_formed_file_gives_items_and_no_problems() {
        ItemParser.Result result = parser.parse("check.yaml", GOOD);

        assertThat(result.problems()).isEmpty();
        assertThat(result.items()).hasSize(2);
        Item single = result.items().get(0);
        assertThat(single.version()).isEqualTo(2);
        assertThat(single.stem().en()).isEqualTo("Which is right?");
        assertThat(single.key()).containsExactly("a");
        assertThat(single.asOf()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(single.line()).isEqualTo(2);
        assertThat(single.isCorrect(Set.of("a"))).isTrue();
        assertThat(single.isCorrect(Set.of("a", "b"))).isFalse();
        Item trueFalse = result.items().get(1);
        assertThat(trueFalse.type()).isEqualTo(ItemType.TRUE_FALSE);
        assertThat(trueFalse.choices()).extracting(ItemOption::id).containsExactly("true", "false");
        assertThat(trueFalse.isCorrect(Set.of("false"))).isTrue();
        assertThat(trueFalse.status()).isEqualTo(ItemStatus.DRAFT);
    }

    @Test
    void each_problem_names_the_file_and_line_and_what_is_wrong() {
        String bad = """
                items:
                  - id: bad-01
                    version: 1
                    domain: demo
                    difficulty: 4
                    type: single
                    stem: {ja: 問題}
                    options:
                      - id: a
                        text: {ja: 同じ}
                      - id: a
                        text: {ja: 同じ}
                      - id: c
                        text: {ja: 三つ目}
                    key: [z]
                    reference: seed
                    as_of: 2026-13-01
                    status: active
                """;

        List<String> problems = parser.parse("decks/x/check.yaml", bad).problems().stream().map(Problem::toString).toList();

        assertThat(problems).contains(
                "decks/x/check.yaml:5: difficulty must be between 1 and 3, not 4",
                "decks/x/check.yaml:11: item bad-01: option id a is used twice",
                "decks/x/check.yaml:11: item bad-01: option a repeats the text of another option",
                "decks/x/check.yaml:15: item bad-01: the key names option z, which does not exist",
                "decks/x/check.yaml:17: as_of must be a date like 2026-11-01, not '2026-13-01'",
                "decks/x/check.yaml:2: item bad-01 has no rationale");
    }

    @Test
    void an_unquoted_comma_that_cuts_a_text_in_two_is_reported() {
        String cut = GOOD.replace("        why: {ja: これも誤り}\n", "        why: {ja: 誤送付は1,648件}\n");

        assertThat(parser.parse("check.yaml", cut).problems()).extracting(Problem::toString)
                .anySatisfy(problem -> assertThat(problem).contains("keys other than ja and en [648件]", "double quotes"));
    }

    @Test
    void a_wrong_option_without_a_reason_is_reported() {
        String noWhy = GOOD.replace("        why: {ja: これも誤り}\n", "");

        assertThat(parser.parse("check.yaml", noWhy).problems()).extracting(Problem::toString)
                .containsExactly("check.yaml:2: item demo-01: option c is wrong but has no why: saying why");
    }

    @Test
    void an_item_without_a_key_is_reported() {
        String noKey = GOOD.replace("    key: [a]\n", "");

        assertThat(parser.parse("check.yaml", noKey).problems()).extracting(Problem::toString)
                .containsExactly("check.yaml:2: item demo-01 has no key");
    }

    @Test
    void a_single_choice_item_with_two_keys_is_ambiguous() {
        String twoKeys = GOOD.replace("key: [a]", "key: [a, b]");

        assertThat(parser.parse("check.yaml", twoKeys).problems()).extracting(Problem::message)
                .contains("item demo-01: a single item has exactly one key, not 2");
    }

    @Test
    void broken_yaml_is_reported_at_its_line() {
        List<Problem> problems = parser.parse("check.yaml", "items:\n  - id: [unclosed\n").problems();

        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst().toString()).startsWith("check.yaml:3: not valid YAML");
    }

    @Test
    void the_same_id_in_two_files_is_reported_at_the_second() {
        List<Item> items = new java.util.ArrayList<>(parser.parse("a/check.yaml", GOOD).items());
        items.addAll(parser.parse("b/check.yaml", GOOD).items());

        int second = items.get(1).line();
        assertThat(ItemSet.duplicateIds(items)).extracting(Problem::toString)
                .containsExactly("b/check.yaml:2: item id demo-01 is already used at a/check.yaml:2",
                        "b/check.yaml:" + second + ": item id demo-02 is already used at a/check.yaml:" + second);
    }
}
