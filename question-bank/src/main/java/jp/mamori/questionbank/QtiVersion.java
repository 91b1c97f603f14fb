package jp.mamori.questionbank;

import java.util.Arrays;
import java.util.Optional;

/**
 * The QTI versions Mamori writes and reads. Both share one item model: QTI 2.1 names elements and attributes in
 * camel case ({@code choiceInteraction}, {@code responseIdentifier}), QTI 3.0 in kebab case with a {@code qti-} prefix
 * on elements ({@code qti-choice-interaction}, {@code response-identifier}); the writer and the reader translate.
 */
public enum QtiVersion {
    V2P1("2.1", "http://www.imsglobal.org/xsd/imsqti_v2p1", "imsqti_item_xmlv2p1", "http://www.imsglobal.org/xsd/imscp_v1p1",
            "QTIv2.1 Package", "2.1.0"),
    V3P0("3.0", "http://www.imsglobal.org/xsd/imsqtiasi_v3p0", "imsqti_item_xmlv3p0",
            "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1", "QTI Package", "3.0.0");

    /** QTI 2.2 items are read like 2.1 ones: choice items did not change between them. */
    static final String QTI_2P2_NAMESPACE = "http://www.imsglobal.org/xsd/imsqti_v2p2";

    private final String label;
    private final String namespace;
    private final String itemResourceType;
    private final String manifestNamespace;
    private final String schema;
    private final String schemaVersion;

    QtiVersion(String label, String namespace, String itemResourceType, String manifestNamespace, String schema,
               String schemaVersion) {
        this.label = label;
        this.namespace = namespace;
        this.itemResourceType = itemResourceType;
        this.manifestNamespace = manifestNamespace;
        this.schema = schema;
        this.schemaVersion = schemaVersion;
    }

    /** As people write it: {@code 2.1} or {@code 3.0}. */
    public String label() {
        return label;
    }

    public String namespace() {
        return namespace;
    }

    String itemResourceType() {
        return itemResourceType;
    }

    String manifestNamespace() {
        return manifestNamespace;
    }

    String schema() {
        return schema;
    }

    String schemaVersion() {
        return schemaVersion;
    }

    public static Optional<QtiVersion> of(String label) {
        return Arrays.stream(values()).filter(v -> v.label.equals(label)).findFirst();
    }

    /** The version whose item namespace this is (QTI 2.2 counts as 2.1). */
    static Optional<QtiVersion> ofNamespace(String namespace) {
        if (QTI_2P2_NAMESPACE.equals(namespace)) {
            return Optional.of(V2P1);
        }
        return Arrays.stream(values()).filter(v -> v.namespace.equals(namespace)).findFirst();
    }

    /** An element name of the QTI model (given as in QTI 2.1) as this version writes it. */
    String element(String name) {
        return this == V2P1 ? name : "qti-" + kebab(name);
    }

    /** An attribute name of the QTI model (given as in QTI 2.1) as this version writes it. */
    String attribute(String name) {
        return this == V2P1 ? name : kebab(name);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** QTI 3.0 names back to the shared (QTI 2.1) form: {@code qti-simple-choice} → {@code simpleChoice}. */
    static String camel(String kebab) {
        String name = kebab.startsWith("qti-") ? kebab.substring(4) : kebab;
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
