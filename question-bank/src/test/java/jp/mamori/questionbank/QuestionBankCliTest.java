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

    @Test
    void a_bank_exported_as_a_qti_2_1_zip_imports_back_into_the_same_yaml() throws Exception {
        Files.writeString(bank.resolve("sample.yaml"), ItemYaml.write(SampleItems.bilingual()));
        Path zip = bank.resolveSibling(bank.getFileName() + "-out").resolve("bank-qti21.zip");
        Path imported = zip.resolveSibling("imported");

        Run export = run("export-qti", bank.toString(), "--out", zip.toString(), "--qti", "2.1");
        Run back = run("import-qti", zip.toString(), "--out", imported.toString());

        assertThat(export.code()).isZero();
        assertThat(export.lines().getLast()).isEqualTo("4 items exported to " + zip + " as QTI 2.1, 0 errors");
        assertThat(back.code()).isZero();
        assertThat(back.lines().getLast()).isEqualTo("4 items imported to " + imported.resolve("bank-qti21.yaml")
                + " (with their status), 0 unsupported skipped, 0 errors");
        assertThat(Files.readString(imported.resolve("bank-qti21.yaml"))).isEqualTo(ItemYaml.write(SampleItems.bilingual()));
    }

    @Test
    void a_qti_package_with_a_problem_imports_nothing_and_says_where() throws Exception {
        Path folder = bank.resolve("package");
        for (var file : QtiExporter.export(SampleItems.bilingual(), QtiVersion.V3P0).entrySet()) {
            Files.createDirectories(folder.resolve(file.getKey()).getParent());
            Files.writeString(folder.resolve(file.getKey()), file.getValue());
        }
        Files.delete(folder.resolve("items/draft-1.xml"));
        Path out = bank.resolve("imported");
        int line = Files.readAllLines(folder.resolve("imsmanifest.xml")).indexOf(
                "    <resource identifier=\"R-draft-1\" type=\"imsqti_item_xmlv3p0\" href=\"items/draft-1.xml\">") + 1;

        Run run = run("import-qti", folder.toString(), "--out", out.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(line).isPositive();
        assertThat(run.lines()).containsExactly("imsmanifest.xml:" + line + ": resource R-draft-1: items/draft-1.xml is not in the package",
                "0 items imported, 0 unsupported, 1 errors");
        assertThat(out).doesNotExist();
    }

    @Test
    void a_bank_is_exported_as_one_moodle_xml_file() throws Exception {
        Files.writeString(bank.resolve("sample.yaml"), ItemYaml.write(SampleItems.bilingual()));
        Path xml = bank.resolve("moodle/bank.xml");

        Run run = run("export-moodle-xml", bank.toString(), "--out", xml.toString());

        assertThat(run.code()).isZero();
        Imported back = new MoodleXmlImporter().read("bank.xml", Files.readString(xml), java.time.LocalDate.now());
        assertThat(back.items()).extracting(Item::id).containsExactlyInAnyOrder("pms-101", "1-records", "incidents-7", "draft-1");
        assertThat(run("export-qti", bank.toString(), "--out", xml.toString(), "--qti", "1.2").code()).isEqualTo(2);
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
