package jp.mamori.questionbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GiftImporterTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    @TempDir
    Path work;

    @Test
    void multiple_choice_partial_credit_and_true_false_become_draft_items() throws IOException {
        Imported imported = new GiftImporter().read("valid.gift", sample("valid.gift"), AS_OF);

        assertThat(imported.problems()).isEmpty();
        assertThat(imported.unsupported()).isEmpty();
        assertThat(imported.items()).extracting(Item::id).containsExactly("breach-first-step", "encryption-is-enough", "pick-technical");
        Item single = imported.items().get(0);
        assertThat(single.type()).isEqualTo(ItemType.SINGLE);
        assertThat(single.domain()).isEqualTo("incidents");
        assertThat(single.stem().ja()).startsWith("誤って個人情報を含むメール");
        assertThat(single.key()).containsExactly("a");
        assertThat(single.options().get(1).why().ja()).isEqualTo("自分だけで判断してはいけない。");
        assertThat(single.rationale().ja()).startsWith("事故やそのおそれに気づいたら");
        assertThat(single.status()).isEqualTo(ItemStatus.DRAFT);
        assertThat(imported.items().get(1).key()).containsExactly("false");
        Item partial = imported.items().get(2);
        assertThat(partial.type()).isEqualTo(ItemType.MULTIPLE);
        assertThat(partial.key()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void unsupported_question_types_are_each_named_with_their_line() throws IOException {
        Imported imported = new GiftImporter().read("mixed.gift", sample("mixed.gift"), AS_OF);

        assertThat(imported.unsupported()).extracting(Imported.Unsupported::toString).containsExactly(
                "mixed.gift:1: essay-1: essay questions are not supported",
                "mixed.gift:3: numeric-1: numerical questions are not supported",
                "mixed.gift:7: match-1: matching questions are not supported",
                "mixed.gift:9: short-1: short answer questions are not supported");
        assertThat(imported.items()).extracting(Item::id).containsExactly("mc-1");
    }

    @Test
    void broken_questions_are_reported_by_line() throws IOException {
        Imported imported = new GiftImporter().read("broken.gift", sample("broken.gift"), AS_OF);

        assertThat(imported.problems()).extracting(Problem::toString).contains(
                "broken.gift:1: no-right: no answer is marked right (= or a positive %weight%)",
                "broken.gift:3: two-options: Mamori items have 3 to 6 options, this one has 2",
                "broken.gift:5: an answer block { ... } is not closed");
    }

    @Test
    void the_command_imports_all_or_nothing_and_the_output_reads_back_cleanly() throws IOException {
        Path valid = copy("valid.gift");
        Path mixed = copy("mixed.gift");
        Path out = work.resolve("out");

        assertThat(cli("import-gift", valid.toString(), "--out", out.toString()).getLast())
                .startsWith("3 items imported to");
        assertThat(new ItemParser().parse("valid.yaml", Files.readString(out.resolve("valid.yaml"))).problems()).isEmpty();

        List<String> refused = cli("import-gift", mixed.toString(), "--out", out.toString());
        assertThat(refused).contains("nothing imported: remove the unsupported questions or use --skip-unsupported");
        assertThat(out.resolve("mixed.yaml")).doesNotExist();

        List<String> skipped = cli("import-gift", mixed.toString(), "--out", out.toString(), "--skip-unsupported");
        assertThat(skipped).contains("mixed.gift:1: essay-1: essay questions are not supported");
        assertThat(skipped.getLast()).startsWith("1 items imported to").endsWith("4 unsupported skipped, 0 errors");
    }

    @Test
    void a_broken_file_imports_nothing_and_fails() throws IOException {
        Path broken = copy("broken.gift");
        Path out = work.resolve("out");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        int code = QuestionBankCli.run(new String[] {"import-gift", broken.toString(), "--out", out.toString()},
                new PrintStream(buffer, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));

        assertThat(code).isEqualTo(1);
        assertThat(out).doesNotExist();
        assertThat(buffer.toString(StandardCharsets.UTF_8).lines().toList().getLast()).isEqualTo("0 items imported, 0 unsupported, 3 errors");
    }

    private List<String> cli(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        QuestionBankCli.run(args, new PrintStream(buffer, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        return buffer.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private Path copy(String name) throws IOException {
        Path file = work.resolve(name);
        Files.writeString(file, sample(name));
        return file;
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = GiftImporterTest.class.getResourceAsStream("/gift/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
