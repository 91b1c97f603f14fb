package jp.mamori.questionbank;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes items as QTI 3.0 or QTI 2.1 choice items plus an IMS content-package manifest, so a bank can be taken to
 * another system and brought back unchanged. One item file per item, bilingual: Japanese is the item's language and
 * each English text sits beside its Japanese one in an element marked {@code xml:lang="en"}. Each option's reason
 * ({@code why}) is inline feedback on that choice, the rationale is modal feedback, and the response processing
 * scores 1 for exactly the key and shows both. The manifest's LOM metadata carries the item's Mamori id, version,
 * status, domain, difficulty, reference and the date it is true as of. True/false items become single choices
 * between the statements {@code true} and {@code false}.
 */
public final class QtiExporter {

    static final String LOM_NAMESPACE = "http://ltsc.ieee.org/xsd/LOM";
    /** The LOM catalog of Mamori item ids: the importer trusts the rest of the metadata only when it sees it. */
    static final String CATALOG = "mamori";
    static final String DOMAIN_TAXONOMY = "mamori-domain";
    static final String RESPONSE = "RESPONSE";
    static final String FEEDBACK = "FEEDBACK";
    static final String RATIONALE = "RATIONALE";
    static final String ITEM_FOLDER = "items/";

    private QtiExporter() {
    }

    /** File name → XML text: {@code items/<identifier>.xml} per item and {@code imsmanifest.xml}. */
    public static Map<String, String> export(List<Item> items, QtiVersion version) {
        Map<String, String> files = new LinkedHashMap<>();
        for (Item item : items) {
            files.put(href(item), item(item, version));
        }
        files.put(QtiImporter.MANIFEST, manifest(items, version));
        return files;
    }

    static String item(Item item, QtiVersion v) {
        boolean multiple = item.type() == ItemType.MULTIPLE;
        boolean feedback = item.choices().stream().anyMatch(o -> present(o.why()));
        boolean rationale = present(item.rationale());
        String cardinality = multiple ? "multiple" : "single";
        XmlWriter xml = new XmlWriter().start(v.element("assessmentItem"), "xmlns", v.namespace(), "identifier", identifier(item),
                "title", item.id(), "adaptive", "false", v.attribute("timeDependent"), "false", "xml:lang", "ja");
        xml.start(v.element("responseDeclaration"), "identifier", RESPONSE, "cardinality", cardinality, v.attribute("baseType"), "identifier")
                .start(v.element("correctResponse"));
        item.key().stream().sorted().forEach(key -> xml.text(v.element("value"), choiceId(key)));
        xml.end().end();
        xml.start(v.element("outcomeDeclaration"), "identifier", "SCORE", "cardinality", "single", v.attribute("baseType"), "float")
                .start(v.element("defaultValue")).text(v.element("value"), "0").end().end();
        if (feedback) {
            xml.empty(v.element("outcomeDeclaration"), "identifier", FEEDBACK, "cardinality", cardinality, v.attribute("baseType"), "identifier");
        }
        if (rationale) {
            xml.empty(v.element("outcomeDeclaration"), "identifier", RATIONALE, "cardinality", "single", v.attribute("baseType"), "identifier");
        }
        xml.start(v.element("itemBody"));
        paragraphs(xml, item.stem());
        xml.start(v.element("choiceInteraction"), v.attribute("responseIdentifier"), RESPONSE, "shuffle", "false",
                v.attribute("maxChoices"), String.valueOf(multiple ? item.choices().size() : 1));
        for (ItemOption option : item.choices()) {
            xml.start(v.element("simpleChoice"), "identifier", choiceId(option.id()));
            paragraphs(xml, option.text());
            if (present(option.why())) {
                xml.start(v.element("feedbackInline"), v.attribute("outcomeIdentifier"), FEEDBACK, "identifier", choiceId(option.id()),
                        v.attribute("showHide"), "show");
                xml.paragraph("span", option.why().ja());
                if (english(option.why())) {
                    xml.empty("br").paragraph("span", option.why().en(), "xml:lang", "en");
                }
                xml.end();
            }
            xml.end();
        }
        xml.end().end();
        responseProcessing(xml, v, feedback, rationale);
        if (rationale) {
            xml.start(v.element("modalFeedback"), v.attribute("outcomeIdentifier"), RATIONALE, "identifier", RATIONALE,
                    v.attribute("showHide"), "show");
            if (v == QtiVersion.V3P0) {
                xml.start(v.element("contentBody"));
            }
            paragraphs(xml, item.rationale());
            if (v == QtiVersion.V3P0) {
                xml.end();
            }
            xml.end();
        }
        return xml.end().toString();
    }

    /** Exactly the key scores 1, anything else 0; the chosen options' reasons and the rationale are shown afterwards. */
    private static void responseProcessing(XmlWriter xml, QtiVersion v, boolean feedback, boolean rationale) {
        xml.start(v.element("responseProcessing")).start(v.element("responseCondition")).start(v.element("responseIf"))
                .start(v.element("match")).empty(v.element("variable"), "identifier", RESPONSE).empty(v.element("correct"), "identifier", RESPONSE).end()
                .start(v.element("setOutcomeValue"), "identifier", "SCORE").text(v.element("baseValue"), "1", v.attribute("baseType"), "float").end()
                .end().start(v.element("responseElse"))
                .start(v.element("setOutcomeValue"), "identifier", "SCORE").text(v.element("baseValue"), "0", v.attribute("baseType"), "float").end()
                .end().end();
        if (feedback) {
            xml.start(v.element("setOutcomeValue"), "identifier", FEEDBACK).empty(v.element("variable"), "identifier", RESPONSE).end();
        }
        if (rationale) {
            xml.start(v.element("setOutcomeValue"), "identifier", RATIONALE)
                    .text(v.element("baseValue"), RATIONALE, v.attribute("baseType"), "identifier").end();
        }
        xml.end();
    }

    private static void paragraphs(XmlWriter xml, LocalizedText text) {
        xml.paragraph("p", text.ja());
        if (english(text)) {
            xml.paragraph("p", text.en(), "xml:lang", "en");
        }
    }

    private static String manifest(List<Item> items, QtiVersion v) {
        XmlWriter xml = new XmlWriter().start("manifest", "xmlns", v.manifestNamespace(), "xmlns:imsmd", LOM_NAMESPACE,
                "identifier", "MAMORI-EXPORT");
        xml.start("metadata").text("schema", v.schema()).text("schemaversion", v.schemaVersion()).end();
        xml.empty("organizations").start("resources");
        for (Item item : items) {
            xml.start("resource", "identifier", "R-" + identifier(item), "type", v.itemResourceType(), "href", href(item));
            lom(xml, item);
            xml.empty("file", "href", href(item)).end();
        }
        return xml.end().end().toString();
    }

    /** IEEE LOM of one item: only what other systems can read too, in the vocabularies LOM defines. */
    private static void lom(XmlWriter xml, Item item) {
        xml.start("metadata").start("imsmd:lom");
        xml.start("imsmd:general")
                .start("imsmd:identifier").text("imsmd:catalog", CATALOG).text("imsmd:entry", item.id()).end()
                .start("imsmd:coverage").text("imsmd:string", item.asOf().toString()).end()
                .end();
        xml.start("imsmd:lifeCycle")
                .start("imsmd:version").text("imsmd:string", String.valueOf(item.version())).end();
        vocabulary(xml, "imsmd:status", Lom.status(item.status()));
        xml.end();
        xml.start("imsmd:educational");
        vocabulary(xml, "imsmd:difficulty", Lom.difficulty(item.difficulty()));
        xml.end();
        if (!item.reference().isBlank()) {
            xml.start("imsmd:relation");
            vocabulary(xml, "imsmd:kind", "isbasedon");
            xml.start("imsmd:resource").start("imsmd:description").text("imsmd:string", item.reference()).end().end().end();
        }
        xml.start("imsmd:classification");
        vocabulary(xml, "imsmd:purpose", "discipline");
        xml.start("imsmd:taxonPath").start("imsmd:source").text("imsmd:string", DOMAIN_TAXONOMY).end()
                .start("imsmd:taxon").text("imsmd:id", item.domain()).end().end();
        xml.end().end().end();
    }

    private static void vocabulary(XmlWriter xml, String name, String value) {
        xml.start(name).text("imsmd:source", "LOMv1.0").text("imsmd:value", value).end();
    }

    static String href(Item item) {
        return ITEM_FOLDER + identifier(item) + ".xml";
    }

    /** QTI identifiers must not start with a digit or hyphen. */
    static String identifier(Item item) {
        return Character.isLetter(item.id().charAt(0)) ? item.id() : "I-" + item.id();
    }

    /** Option ids that are not QTI identifiers get {@code C-} in front; {@link QtiImporter} takes it off again. */
    static String choiceId(String id) {
        return Character.isLetter(id.charAt(0)) ? id : "C-" + id;
    }

    private static boolean present(LocalizedText text) {
        return text != null && !text.ja().isBlank();
    }

    private static boolean english(LocalizedText text) {
        return text.en() != null && !text.en().isBlank();
    }

    /** The LOM vocabularies for status and difficulty, both ways. */
    static final class Lom {

        private Lom() {
        }

        static String status(ItemStatus status) {
            return switch (status) {
                case DRAFT -> "draft";
                case ACTIVE -> "final";
                case RETIRED -> "unavailable";
            };
        }

        static ItemStatus status(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "final", "revised" -> ItemStatus.ACTIVE;
                case "unavailable" -> ItemStatus.RETIRED;
                default -> ItemStatus.DRAFT;
            };
        }

        static String difficulty(int difficulty) {
            return switch (difficulty) {
                case 1 -> "easy";
                case 3 -> "difficult";
                default -> "medium";
            };
        }

        static int difficulty(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "very easy", "easy" -> 1;
                case "difficult", "very difficult" -> 3;
                default -> 2;
            };
        }
    }
}
