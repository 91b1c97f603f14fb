package jp.mamori.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentCliTest {

    @Test
    void a_valid_tree_exits_zero_with_the_summary_as_last_line() {
        Run run = run("validate", DeckReaderTest.fixture("good").toString());

        assertThat(run.code()).isZero();
        assertThat(run.lines().getLast()).isEqualTo("1 decks, 3 slides, 5 items, 0 errors");
    }

    @Test
    void an_invalid_tree_exits_non_zero_and_lists_problems_by_file_and_line() {
        Run run = run("validate", DeckReaderTest.fixture("bad").toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.lines()).anyMatch(line -> line.startsWith("broken-deck/check.yaml:2: item broken-deck-01 has no key"));
        assertThat(run.lines().getLast()).matches("1 decks, 3 slides, 1 items, \\d+ errors");
    }

    @Test
    void wrong_usage_says_how_to_call_it() {
        assertThat(run("check").code()).isEqualTo(2);
        assertThat(run("validate", "/no/such/folder").code()).isEqualTo(2);
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ContentCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        return new Run(code, out.toString(StandardCharsets.UTF_8).lines().toList());
    }

    private record Run(int code, List<String> lines) {
    }
}
