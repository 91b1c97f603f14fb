package jp.mamori.questionbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestionBankCliTest {

    @TempDir
    Path bank;

    @Test
    void validate_counts_items_per_domain_and_ends_with_the_summary_line() throws Exception {
        Files.writeString(bank.resolve("a.yaml"), item("pms-001", "pms", 1) + item("pms-002", "pms", 3).replace("items:\n", ""));
        Files.writeString(bank.resolve("b.yaml"), item("incidents-001", "incidents", 2));

        Run run = run("validate", bank.toString());

        assertThat(run.code()).isZero();
        assertThat(run.lines()).containsExactly(
                "incidents: 1 items (difficulty 1: 0, 2: 1, 3: 0)",
                "pms: 2 items (difficulty 1: 1, 2: 0, 3: 1)",
                "3 items, 0 errors");
    }

    @Test
    void problems_are_listed_by_file_and_line_and_the_exit_code_is_non_zero() throws Exception {
        Files.writeString(bank.resolve("a.yaml"), item("pms-001", "pms", 1));
        Files.writeString(bank.resolve("b.yaml"), item("pms-001", "pms", 1).replace("    key: [a]\n", ""));

        Run run = run("validate", bank.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.lines()).contains("b.yaml:2: item pms-001 has no key", "b.yaml:2: item id pms-001 is already used at a.yaml:2");
        assertThat(run.lines().getLast()).isEqualTo("2 items, 2 errors");
    }

    @Test
    void a_wrong_call_says_how_to_use_it() {
        assertThat(run("check").code()).isEqualTo(2);
        assertThat(run("validate", bank.resolve("missing").toString()).code()).isEqualTo(2);
    }

    private static String item(String id, String domain, int difficulty) {
        return """
                items:
                  - id: %s
                    version: 1
                    domain: %s
                    difficulty: %d
                    type: single
                    stem: {ja: 問題}
                    options:
                      - {id: a, text: {ja: 正解}}
                      - {id: b, text: {ja: 誤り1}, why: {ja: 理由1}}
                      - {id: c, text: {ja: 誤り2}, why: {ja: 理由2}}
                    key: [a]
                    rationale: {ja: 解説}
                    reference: 個人情報保護法 第23条
                    as_of: 2026-11-01
                    status: active
                """.formatted(id, domain, difficulty);
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = QuestionBankCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        return new Run(code, out.toString(StandardCharsets.UTF_8).lines().toList());
    }

    private record Run(int code, List<String> lines) {
    }
}
