package jp.mamori.questionbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Bank → Moodle XML → Moodle XML importer keeps what Moodle's question format can carry. */
class MoodleXmlExporterTest {

    private static final LocalDate IMPORT_DAY = LocalDate.of(2027, 1, 15);

    @Test
    void bilingual_items_come_back_with_their_texts_key_reasons_rationale_and_domain() {
        List<Item> original = SampleItems.bilingual();

        Imported imported = new MoodleXmlImporter().read("bank.xml", MoodleXmlExporter.export(original), IMPORT_DAY);

        assertThat(imported.problems()).isEmpty();
        assertThat(imported.unsupported()).isEmpty();
        assertThat(portable(imported.items())).isEqualTo(portable(original));
        assertThat(imported.items().getFirst().stem().en()).isEqualTo("What matters in an audit: <independence> & \"objectivity\"?");
        assertThat(imported.items()).allSatisfy(item -> {
            assertThat(item.status()).isEqualTo(ItemStatus.DRAFT);
            assertThat(item.asOf()).isEqualTo(IMPORT_DAY);
        });
    }

    @Test
    void the_whole_competency_bank_comes_back_with_the_same_questions() {
        List<Item> bank = Bank.read(SampleItems.COMPETENCY_BANK).items();

        Imported imported = new MoodleXmlImporter().read("competency.xml", MoodleXmlExporter.export(bank), IMPORT_DAY);

        assertThat(imported.problems()).isEmpty();
        assertThat(portable(imported.items())).isEqualTo(portable(bank));
    }

    @Test
    void questions_are_grouped_in_a_category_per_domain_and_only_the_full_key_earns_full_marks() throws Exception {
        Document xml = QtiSchemas.parse(MoodleXmlExporter.export(SampleItems.bilingual()));

        List<String> categories = elements(xml, "category").stream().map(e -> e.getTextContent().strip()).toList();
        assertThat(categories).containsExactly("$course$/top/pms", "$course$/top/appi-duties", "$course$/top/incidents");
        Element multiple = elements(xml, "question").stream().filter(q -> q.getTextContent().contains("1-records")).findFirst().orElseThrow();
        assertThat(elements(multiple, "answer")).extracting(a -> a.getAttribute("fraction")).containsExactly("50", "50", "-100", "-100");
        assertThat(elements(multiple, "single").getFirst().getTextContent()).isEqualTo("false");
    }

    /**
     * What a Moodle question carries, by item id: domain (its category), type, texts, each answer's reason and whether it
     * is right, and the rationale. Option ids are not among them: Moodle answers have none.
     */
    private static Map<String, List<Object>> portable(List<Item> items) {
        Map<String, List<Object>> byId = new TreeMap<>();
        for (Item item : items) {
            List<Object> answers = item.choices().stream()
                    .map(o -> List.of(o.text(), String.valueOf(o.why()), item.key().contains(o.id()))).collect(Collectors.toList());
            byId.put(item.id(), List.of(item.domain(), item.type(), item.stem(), answers, item.rationale()));
        }
        return byId;
    }

    private static List<Element> elements(Object parent, String name) {
        var list = parent instanceof Document d ? d.getElementsByTagName(name) : ((Element) parent).getElementsByTagName(name);
        return java.util.stream.IntStream.range(0, list.getLength()).mapToObj(i -> (Element) list.item(i)).toList();
    }
}
