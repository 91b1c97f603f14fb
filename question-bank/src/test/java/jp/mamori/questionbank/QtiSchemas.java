package jp.mamori.questionbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Checks of written QTI: QTI 2.1 items against the official IMS XSD (shipped inside the JQTI+ jar on Maven Central,
 * resolved offline from its catalog); QTI 3.0 items, whose XSD no Maven or npm package ships, by namespace and
 * structure; manifests by namespace.
 */
final class QtiSchemas {

    private static final String CATALOG = "uk/ac/ed/ph/jqtiplus/xml-catalog/";
    private static Schema qti21;

    private QtiSchemas() {
    }

    /** The schema errors of a QTI 2.1 item: empty when it is valid. */
    static List<String> qti21Errors(String xml) throws Exception {
        Validator validator = qti21().newValidator();
        List<String> errors = new ArrayList<>();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getLineNumber() + ": " + e.getMessage());
            }
        });
        validator.validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        return errors;
    }

    private static synchronized Schema qti21() throws Exception {
        if (qti21 == null) {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
                if (systemId == null) {
                    return null;
                }
                URI uri = baseUri == null ? URI.create(systemId) : URI.create(baseUri).resolve(systemId);
                InputStream in = QtiSchemas.class.getClassLoader().getResourceAsStream(CATALOG + uri.getHost() + uri.getPath());
                assertThat(in).as("schema %s is in the offline catalog", uri).isNotNull();
                return new Input(uri.toString(), in);
            });
            URI main = URI.create("http://www.imsglobal.org/xsd/imsqti_v2p1.xsd");
            qti21 = factory.newSchema(new StreamSource(
                    QtiSchemas.class.getClassLoader().getResourceAsStream(CATALOG + main.getHost() + main.getPath()), main.toString()));
        }
        return qti21;
    }

    /** Every element of a QTI 3.0 item is in the QTI 3.0 namespace and named as QTI 3.0 or HTML names it. */
    static void assertQti30Item(String xml) throws Exception {
        Document document = parse(xml);
        Element root = document.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(QtiVersion.V3P0.namespace());
        assertThat(root.getLocalName()).isEqualTo("qti-assessment-item");
        NodeList all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            assertThat(element.getNamespaceURI()).as(element.getTagName()).isEqualTo(QtiVersion.V3P0.namespace());
            assertThat(element.getLocalName()).as("QTI 3.0 element name").matches("qti-[a-z-]+|p|span|br");
        }
        assertThat(document.getElementsByTagNameNS(QtiVersion.V3P0.namespace(), "qti-choice-interaction").getLength()).isOne();
        assertThat(document.getElementsByTagNameNS(QtiVersion.V3P0.namespace(), "qti-correct-response").getLength()).isOne();
    }

    /** The manifest is an IMS content package of the version's namespace whose item metadata is LOM. */
    static void assertManifest(String xml, QtiVersion version) throws Exception {
        Document document = parse(xml);
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo(version.manifestNamespace());
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("manifest");
        NodeList resources = document.getElementsByTagNameNS(version.manifestNamespace(), "resource");
        for (int i = 0; i < resources.getLength(); i++) {
            assertThat(((Element) resources.item(i)).getAttribute("type")).isEqualTo(version.itemResourceType());
        }
        assertThat(document.getElementsByTagNameNS(QtiExporter.LOM_NAMESPACE, "lom").getLength()).isEqualTo(resources.getLength());
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private record Input(String systemId, InputStream byteStream) implements LSInput {
        @Override public Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(Reader characterStream) { }
        @Override public InputStream getByteStream() { return byteStream; }
        @Override public void setByteStream(InputStream byteStream) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String stringData) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String systemId) { }
        @Override public String getPublicId() { return null; }
        @Override public void setPublicId(String publicId) { }
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String baseURI) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String encoding) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean certifiedText) { }
    }
}
