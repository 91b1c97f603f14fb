package jp.mamori.questionbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class QtiExporterTest {

    @TempDir
    Path work;

    private static final Item SINGLE = new Item("pms-001", 1, "pms", 1, ItemType.SINGLE, LocalizedText.of("監査で大切なのは <独立性> & 客観性？"),
            List.of(new ItemOption("a", LocalizedText.of("独立性"), null), new ItemOption("b", LocalizedText.of("速さ"), LocalizedText.of("違う")),
                    new ItemOption("c", LocalizedText.of("安さ"), LocalizedText.of("違う"))),
            Set.of("a"), LocalizedText.of("理由"), "JIS Q 15001:2023", LocalDate.of(2026, 11, 23), ItemStatus.ACTIVE, false, "", "pms.yaml", 2);
    private static final Item MULTIPLE = new Item("1-multi", 1, "pms", 2, ItemType.MULTIPLE, LocalizedText.of("記録をすべて選べ"),
            List.of(new ItemOption("a", LocalizedText.of("教育記録"), null), new ItemOption("b", LocalizedText.of("点検記録"), null),
                    new ItemOption("c", LocalizedText.of("日記"), LocalizedText.of("違う"))),
            Set.of("a", "b"), LocalizedText.of("理由"), "seed 002", LocalDate.of(2026, 11, 23), ItemStatus.ACTIVE, false, "", "pms.yaml", 20);

    @Test
    void a_single_choice_item_carries_its_correct_response_and_escaped_text() throws Exception {
        Document xml = parse(QtiExporter.item(SINGLE, QtiVersion.V3P0));

        Element root = xml.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("qti-assessment-item");
        assertThat(root.getAttribute("identifier")).isEqualTo("pms-001");
        Element declaration = (Element) xml.getElementsByTagName("qti-response-declaration").item(0);
        assertThat(declaration.getAttribute("cardinality")).isEqualTo("single");
        assertThat(xml.getElementsByTagName("qti-value").item(0).getTextContent()).isEqualTo("a");
        assertThat(xml.getElementsByTagName("p").item(0).getTextContent()).isEqualTo("監査で大切なのは <独立性> & 客観性？");
        assertThat(xml.getElementsByTagName("qti-simple-choice").getLength()).isEqualTo(3);
        assertThat(((Element) xml.getElementsByTagName("qti-choice-interaction").item(0)).getAttribute("max-choices")).isEqualTo("1");
    }

    @Test
    void a_multiple_choice_item_lists_every_correct_choice_and_identifiers_stay_valid() throws Exception {
        Document xml = parse(QtiExporter.item(MULTIPLE, QtiVersion.V3P0));

        assertThat(xml.getDocumentElement().getAttribute("identifier")).isEqualTo("I-1-multi");
        assertThat(((Element) xml.getElementsByTagName("qti-response-declaration").item(0)).getAttribute("cardinality")).isEqualTo("multiple");
        Element correct = (Element) xml.getElementsByTagName("qti-correct-response").item(0);
        assertThat(correct.getElementsByTagName("qti-value").getLength()).isEqualTo(2);
    }

    @Test
    void the_command_writes_one_file_per_item_and_a_manifest_for_a_valid_bank_only() throws Exception {
        Path bank = Files.createDirectories(work.resolve("bank"));
        Files.writeString(bank.resolve("pms.yaml"), ItemYaml.write(List.of(SINGLE, MULTIPLE)));
        Path out = work.resolve("qti");

        assertThat(cli("export-qti", bank.toString(), "--out", out.toString())).isZero();
        assertThat(out.resolve("items/pms-001.xml")).exists();
        assertThat(out.resolve("items/I-1-multi.xml")).exists();
        Document manifest = parse(Files.readString(out.resolve("imsmanifest.xml")));
        assertThat(manifest.getElementsByTagName("resource").getLength()).isEqualTo(2);

        Files.writeString(bank.resolve("bad.yaml"), "items:\n  - id: broken\n");
        Path second = work.resolve("qti2");
        assertThat(cli("export-qti", bank.toString(), "--out", second.toString())).isEqualTo(1);
        assertThat(second).doesNotExist();
    }

    private static int cli(String... args) {
        return QuestionBankCli.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
