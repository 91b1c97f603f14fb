package jp.mamori.questionbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bank → QTI (3.0 and 2.1) → import gives back the same items, and what is written is valid QTI. */
class QtiRoundTripTest {

    private static final LocalDate IMPORT_DAY = LocalDate.of(2027, 1, 15);

    @ParameterizedTest
    @EnumSource(QtiVersion.class)
    void bilingual_items_of_every_type_and_status_come_back_unchanged(QtiVersion version) {
        List<Item> original = SampleItems.bilingual();

        Imported imported = new QtiImporter().read(packaged(QtiExporter.export(original, version)), IMPORT_DAY);

        assertThat(imported.problems()).isEmpty();
        assertThat(imported.unsupported()).isEmpty();
        assertThat(ItemYaml.write(imported.items())).isEqualTo(ItemYaml.write(original));
        Item single = imported.items().getFirst();
        assertThat(single.stem().en()).isEqualTo("What matters in an audit: <independence> & \"objectivity\"?");
        assertThat(single.options().get(1).why()).isEqualTo(new LocalizedText("速さは目的ではない。", "Speed is not the aim."));
        assertThat(single.rationale().ja()).isEqualTo("監査は客観的でなければならない。\n二行目。");
        assertThat(imported.items()).extracting(Item::id, Item::version, Item::domain, Item::difficulty, Item::status, Item::asOf)
                .containsExactlyElementsOf(original.stream().map(i -> org.assertj.core.groups.Tuple.tuple(
                        i.id(), i.version(), i.domain(), i.difficulty(), i.status(), i.asOf())).toList());
        assertThat(imported.items().get(1).key()).containsExactlyInAnyOrder("1", "2");
        assertThat(imported.items().get(2).type()).isEqualTo(ItemType.TRUE_FALSE);
        assertThat(imported.items().get(2).location()).isEqualTo("items/incidents-7.xml:2");
    }

    @ParameterizedTest
    @EnumSource(QtiVersion.class)
    void the_whole_competency_bank_comes_back_unchanged_from_a_zip(QtiVersion version) {
        Bank.Result bank = Bank.read(SampleItems.COMPETENCY_BANK);
        assertThat(bank.problems()).isEmpty();
        byte[] zip = ContentPackage.zip(QtiExporter.export(bank.items(), version));
        List<Problem> problems = new ArrayList<>();

        Optional<Map<String, byte[]>> files = ContentPackage.unzip("competency.zip", zip, problems);
        Imported imported = new QtiImporter().read(files.orElseThrow(), IMPORT_DAY);

        assertThat(problems).isEmpty();
        assertThat(imported.problems()).isEmpty();
        assertThat(imported.items()).hasSize(bank.items().size());
        assertThat(ItemYaml.write(imported.items())).isEqualTo(ItemYaml.write(bank.items()));
    }

    @org.junit.jupiter.api.Test
    void every_written_qti_2_1_item_is_valid_against_the_official_schema() throws Exception {
        List<Item> items = new ArrayList<>(SampleItems.bilingual());
        items.addAll(Bank.read(SampleItems.COMPETENCY_BANK).items());

        Map<String, String> files = QtiExporter.export(items, QtiVersion.V2P1);

        for (Map.Entry<String, String> file : files.entrySet()) {
            if (file.getKey().equals(QtiImporter.MANIFEST)) {
                QtiSchemas.assertManifest(file.getValue(), QtiVersion.V2P1);
            } else {
                assertThat(QtiSchemas.qti21Errors(file.getValue())).as(file.getKey()).isEmpty();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void every_written_qti_3_0_item_uses_only_the_qti_3_0_namespace_and_names() throws Exception {
        List<Item> items = new ArrayList<>(SampleItems.bilingual());
        items.addAll(Bank.read(SampleItems.COMPETENCY_BANK).items());

        Map<String, String> files = QtiExporter.export(items, QtiVersion.V3P0);

        assertThat(files).hasSize(items.size() + 1);
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (file.getKey().equals(QtiImporter.MANIFEST)) {
                QtiSchemas.assertManifest(file.getValue(), QtiVersion.V3P0);
            } else {
                QtiSchemas.assertQti30Item(file.getValue());
            }
        }
    }

    @org.junit.jupiter.api.Test
    void a_schema_violation_is_caught_by_the_qti_2_1_check() throws Exception {
        String item = QtiExporter.item(SampleItems.bilingual().getFirst(), QtiVersion.V2P1);

        assertThat(QtiSchemas.qti21Errors(item.replace("maxChoices=", "maximumChoices="))).isNotEmpty();
    }

    static Map<String, byte[]> packaged(Map<String, String> files) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return bytes;
    }
}
