package jp.mamori.questionbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Packages from elsewhere and broken ones: what is read, and every problem by file and line. */
class QtiImporterTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 15);
    private final QtiImporter importer = new QtiImporter();

    @Test
    void a_qti_2_1_item_from_another_system_becomes_a_draft_with_its_prompt_and_lettered_options() {
        Map<String, byte[]> files = pack("imsqti_item_xmlv2p1", "q1.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="Q1" title="Capital" adaptive="false" timeDependent="false" xml:lang="en">
                  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
                    <correctResponse><value>ChoiceB</value></correctResponse>
                  </responseDeclaration>
                  <itemBody>
                    <choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="1">
                      <prompt>Which city is the <b>capital</b>
                        of Japan?</prompt>
                      <simpleChoice identifier="ChoiceA">Osaka</simpleChoice>
                      <simpleChoice identifier="ChoiceB">Tokyo</simpleChoice>
                      <simpleChoice identifier="ChoiceC">Kyoto</simpleChoice>
                    </choiceInteraction>
                  </itemBody>
                  <modalFeedback outcomeIdentifier="FEEDBACK" identifier="correct" showHide="show">Tokyo has been the capital since 1869.</modalFeedback>
                </assessmentItem>
                """);

        Imported imported = importer.read(files, TODAY);

        assertThat(imported.problems()).isEmpty();
        assertThat(imported.items()).singleElement().satisfies(item -> {
            assertThat(item.id()).isEqualTo("q1");
            assertThat(item.status()).isEqualTo(ItemStatus.DRAFT);
            assertThat(item.domain()).isEqualTo("imported");
            assertThat(item.stem().ja()).isEqualTo("Which city is the capital of Japan?");
            assertThat(item.options()).extracting(ItemOption::id).containsExactly("a", "b", "c");
            assertThat(item.key()).containsExactly("b");
            assertThat(item.rationale().ja()).isEqualTo("Tokyo has been the capital since 1869.");
            assertThat(item.asOf()).isEqualTo(TODAY);
            assertThat(item.reference()).isEqualTo("QTI items/q1.xml Q1");
        });
        assertThat(new ItemParser().parse("q1.yaml", ItemYaml.write(imported.items())).problems()).isEmpty();
    }

    @Test
    void unsupported_interactions_are_named_with_their_file_and_line() {
        Map<String, byte[]> files = pack("imsqti_item_xmlv3p0", "essay.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="essay" title="Essay" time-dependent="false">
                  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="string"/>
                  <qti-item-body>
                    <p>Explain the policy.</p>
                    <qti-extended-text-interaction response-identifier="RESPONSE"/>
                  </qti-item-body>
                </qti-assessment-item>
                """);
        add(files, "imsqti_item_xmlv3p0", "hotspot.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="map" title="Map" time-dependent="false">
                  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier"/>
                  <qti-item-body>
                    <qti-hotspot-interaction response-identifier="RESPONSE" max-choices="1"/>
                  </qti-item-body>
                </qti-assessment-item>
                """);

        Imported imported = importer.read(files, TODAY);

        assertThat(imported.items()).isEmpty();
        assertThat(imported.unsupported()).extracting(Imported.Unsupported::toString).containsExactly(
                "items/essay.xml:6: essay: extendedTextInteraction questions are not supported",
                "items/hotspot.xml:5: map: hotspotInteraction questions are not supported");
    }

    @Test
    void missing_files_malformed_xml_and_an_item_without_a_correct_response_are_each_reported() {
        Map<String, byte[]> files = pack("imsqti_item_xmlv2p1", "broken.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="broken">
                  <itemBody>
                    <p>Unclosed
                  </itemBody>
                </assessmentItem>
                """);
        add(files, "imsqti_item_xmlv2p1", "keyless.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="keyless" title="k" adaptive="false" timeDependent="false">
                  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"/>
                  <itemBody>
                    <choiceInteraction responseIdentifier="RESPONSE" maxChoices="1">
                      <simpleChoice identifier="A">1</simpleChoice>
                      <simpleChoice identifier="B">2</simpleChoice>
                      <simpleChoice identifier="C">3</simpleChoice>
                    </choiceInteraction>
                  </itemBody>
                </assessmentItem>
                """);
        add(files, "imsqti_item_xmlv2p1", "gone.xml", null);

        Imported imported = importer.read(files, TODAY);

        assertThat(imported.items()).isEmpty();
        assertThat(imported.problems()).extracting(Problem::toString).containsExactly(
                "items/broken.xml:5: not well-formed XML: The element type \"p\" must be terminated by the matching end-tag \"</p>\".",
                "items/keyless.xml:3: keyless: the item has no correct response",
                "imsmanifest.xml:11: resource R-gone: items/gone.xml is not in the package");
    }

    @Test
    void a_package_without_a_manifest_or_with_a_foreign_manifest_is_refused_as_a_whole() {
        Imported none = importer.read(Map.of("items/x.xml", "<x/>".getBytes(StandardCharsets.UTF_8)), TODAY);
        Imported foreign = importer.read(Map.of(QtiImporter.MANIFEST, "<manifest xmlns=\"urn:other\"/>".getBytes(StandardCharsets.UTF_8)), TODAY);

        assertThat(none.problems()).extracting(Problem::toString)
                .containsExactly("imsmanifest.xml: missing: a QTI package has an imsmanifest.xml at its top level");
        assertThat(foreign.problems()).extracting(Problem::toString)
                .containsExactly("imsmanifest.xml:1: not an IMS content package manifest: the root is <manifest> in namespace 'urn:other'");
    }

    @Test
    void an_item_whose_namespace_differs_from_its_manifest_entry_is_refused() {
        Map<String, String> files = QtiExporter.export(List.of(SampleItems.bilingual().getFirst()), QtiVersion.V3P0);
        files.put(QtiImporter.MANIFEST, files.get(QtiImporter.MANIFEST).replace("imsqti_item_xmlv3p0", "imsqti_item_xmlv2p1"));

        Imported imported = importer.read(QtiRoundTripTest.packaged(files), TODAY);

        assertThat(imported.items()).isEmpty();
        assertThat(imported.problems()).singleElement().extracting(Problem::toString).asString()
                .startsWith("items/pms-101.xml:2: the manifest lists a QTI 2.1 item, but the item's namespace is");
    }

    @Test
    void a_zip_bomb_or_a_file_that_is_no_zip_is_refused_before_anything_is_read() {
        List<Problem> problems = new ArrayList<>();

        assertThat(ContentPackage.unzip("notes.zip", "just text".getBytes(StandardCharsets.UTF_8), problems)).isEmpty();
        assertThat(ContentPackage.unzip("bomb.zip", ContentPackage.zip(Map.of("big.xml",
                "a".repeat((int) ContentPackage.MAX_UNPACKED_BYTES + 1))), problems)).isEmpty();

        assertThat(problems).extracting(Problem::toString).containsExactly(
                "notes.zip: not a zip file, or an empty one", "bomb.zip: the zip unpacks to more than 100 MB");
    }

    /** A package with one item resource in {@code items/}; a null item text leaves the file out. */
    private static Map<String, byte[]> pack(String type, String file, String item) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(QtiImporter.MANIFEST, """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="M">
                  <organizations/>
                  <resources>
                  </resources>
                </manifest>
                """.getBytes(StandardCharsets.UTF_8));
        add(files, type, file, item);
        return files;
    }

    private static void add(Map<String, byte[]> files, String type, String file, String item) {
        String name = file.replace(".xml", "");
        String manifest = new String(files.get(QtiImporter.MANIFEST), StandardCharsets.UTF_8).replace("  </resources>",
                "    <resource identifier=\"R-" + name + "\" type=\"" + type + "\" href=\"items/" + file + "\">\n"
                        + "      <file href=\"items/" + file + "\"/>\n    </resource>\n  </resources>");
        files.put(QtiImporter.MANIFEST, manifest.getBytes(StandardCharsets.UTF_8));
        if (item != null) {
            files.put("items/" + file, item.getBytes(StandardCharsets.UTF_8));
        }
    }
}
