package jp.mamori.questionbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MoodleXmlImporterTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    private final MoodleXmlImporter importer = new MoodleXmlImporter();

    @Test
    void multichoice_with_partial_credit_and_truefalse_become_draft_items_with_plain_text() throws IOException {
        Imported imported = importer.read("valid.xml", sample("valid.xml"), AS_OF);

        assertThat(imported.problems()).isEmpty();
        assertThat(imported.unsupported()).isEmpty();
        assertThat(imported.items()).extracting(Item::id).containsExactly("audit-independence", "records-of-do", "review-every-year");
        Item single = imported.items().get(0);
        assertThat(single.domain()).isEqualTo("pms");
        assertThat(single.stem().ja()).isEqualTo("内部監査で最も重要なことは？");
        assertThat(single.rationale().ja()).isEqualTo("監査は客観的でなければならない。");
        assertThat(single.options().get(1).why().ja()).isEqualTo("頻度の問題ではない。");
        assertThat(single.line()).isEqualTo(7);
        assertThat(imported.items().get(1).type()).isEqualTo(ItemType.MULTIPLE);
        assertThat(imported.items().get(1).key()).containsExactlyInAnyOrder("a", "b");
        assertThat(imported.items().get(2).key()).containsExactly("true");
        String yaml = ItemYaml.write(imported.items());
        assertThat(new ItemParser().parse("valid.yaml", yaml).problems()).isEmpty();
    }

    @Test
    void other_question_types_are_named_with_their_line() throws IOException {
        Imported imported = importer.read("mixed.xml", sample("mixed.xml"), AS_OF);

        assertThat(imported.unsupported()).extracting(Imported.Unsupported::toString).containsExactly(
                "mixed.xml:3: explain-policy: essay questions are not supported",
                "mixed.xml:7: match-measures: matching questions are not supported",
                "mixed.xml:11: fill-in: cloze questions are not supported");
        assertThat(imported.items()).extracting(Item::id).containsExactly("kept");
    }

    @Test
    void malformed_xml_is_reported_at_its_line_and_imports_nothing() throws IOException {
        Imported imported = importer.read("broken.xml", sample("broken.xml"), AS_OF);

        assertThat(imported.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("broken.xml");
            assertThat(problem.line()).isEqualTo(6);
            assertThat(problem.message()).startsWith("not well-formed XML");
        });
    }

    @Test
    void a_file_that_declares_external_entities_cannot_make_the_importer_read_them() throws IOException {
        Imported imported = importer.read("xxe.xml", sample("xxe.xml"), AS_OF);

        assertThat(imported.items()).noneMatch(item -> item.stem().ja().contains("root:"));
        assertThat(imported.problems()).isNotEmpty();
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = MoodleXmlImporterTest.class.getResourceAsStream("/moodle/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
