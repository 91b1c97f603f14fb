package jp.mamori.questionbank;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes items as QTI 3.0 assessment items (choice interactions with the correct response and the standard
 * match-correct processing) plus an IMS content-package manifest, so a bank can be taken to another system.
 * True/false items become single choices between the two statements.
 */
public final class QtiExporter {

    private static final String NS = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";
    private static final String MATCH_CORRECT = "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml";

    private QtiExporter() {
    }

    /** File name → XML text: one {@code <identifier>.xml} per item and {@code imsmanifest.xml}. */
    public static Map<String, String> export(List<Item> items) {
        Map<String, String> files = new LinkedHashMap<>();
        for (Item item : items) {
            files.put(identifier(item) + ".xml", item(item));
        }
        files.put("imsmanifest.xml", manifest(items));
        return files;
    }

    static String item(Item item) {
        boolean multiple = item.type() == ItemType.MULTIPLE;
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<qti-assessment-item xmlns=\"").append(NS).append("\" identifier=\"").append(identifier(item))
                .append("\" title=\"").append(escape(item.id())).append("\" adaptive=\"false\" time-dependent=\"false\" xml:lang=\"ja\">\n")
                .append("  <qti-response-declaration identifier=\"RESPONSE\" cardinality=\"").append(multiple ? "multiple" : "single")
                .append("\" base-type=\"identifier\">\n    <qti-correct-response>\n");
        for (String key : item.key().stream().sorted().toList()) {
            xml.append("      <qti-value>").append(choiceId(key)).append("</qti-value>\n");
        }
        xml.append("    </qti-correct-response>\n  </qti-response-declaration>\n")
                .append("  <qti-outcome-declaration identifier=\"SCORE\" cardinality=\"single\" base-type=\"float\"/>\n")
                .append("  <qti-item-body>\n    <p>").append(escape(item.stem().ja())).append("</p>\n")
                .append("    <qti-choice-interaction response-identifier=\"RESPONSE\" shuffle=\"false\" max-choices=\"")
                .append(multiple ? item.choices().size() : 1).append("\">\n");
        for (ItemOption option : item.choices()) {
            xml.append("      <qti-simple-choice identifier=\"").append(choiceId(option.id())).append("\">")
                    .append(escape(option.text().ja())).append("</qti-simple-choice>\n");
        }
        return xml.append("    </qti-choice-interaction>\n  </qti-item-body>\n")
                .append("  <qti-response-processing template=\"").append(MATCH_CORRECT).append("\"/>\n")
                .append("</qti-assessment-item>\n").toString();
    }

    private static String manifest(List<Item> items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<manifest xmlns=\"http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1\" identifier=\"MAMORI-EXPORT\">\n")
                .append("  <metadata>\n    <schema>QTI Package</schema>\n    <schemaversion>3.0.0</schemaversion>\n  </metadata>\n")
                .append("  <organizations/>\n  <resources>\n");
        for (Item item : items) {
            String id = identifier(item);
            xml.append("    <resource identifier=\"R-").append(id).append("\" type=\"imsqti_item_xmlv3p0\" href=\"").append(id)
                    .append(".xml\">\n      <file href=\"").append(id).append(".xml\"/>\n    </resource>\n");
        }
        return xml.append("  </resources>\n</manifest>\n").toString();
    }

    /** QTI identifiers must not start with a digit or hyphen. */
    static String identifier(Item item) {
        return Character.isLetter(item.id().charAt(0)) ? item.id() : "I-" + item.id();
    }

    private static String choiceId(String id) {
        return Character.isLetter(id.charAt(0)) ? id : "C-" + id;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
